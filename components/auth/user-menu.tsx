import Link from "next/link";
import { getActor } from "@/lib/auth/current-actor";
import { can, holdsPermission, roleLabels, type Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { countOpenImpacts } from "@/lib/notifications/list-change-impacts";
import { SignOutButton } from "./sign-out-button";

// The header's account parts. Both read the request's actor (resolved once per request).

async function headerActor(): Promise<Actor> {
  return getActor().catch((error: unknown): Actor => {
    // A bad API token on a page request: the header shows the anonymous view; the page reports the error.
    if (error instanceof AppError) return { kind: "anonymous" };
    throw error;
  });
}

const linkClass = "whitespace-nowrap hover:text-slate-900";

/** Links for what the signed-in actor may use; rendered inside the main navigation. */
export async function UserNavLinks() {
  const actor = await headerActor();
  if (actor.kind !== "user") return null;
  const managesSubscriptions = holdsPermission(actor, "manage:subscriptions:own");
  return (
    <>
      {can(actor, "read:obligations:own") ? (
        <Link href="/me/obligations" className={linkClass}>
          My obligations
        </Link>
      ) : null}
      {can(actor, "read:systems:organization") && actor.kind === "user" && actor.organizationId ? (
        <Link href="/me/systems" className={linkClass}>
          My systems
        </Link>
      ) : null}
      {can(actor, "read:changes:organization") && actor.organizationId ? (
        <ChangesLink organizationId={actor.organizationId} />
      ) : null}
      {can(actor, "read:systems:any") ? (
        <Link href="/systems" prefetch={false} className={linkClass}>
          Systems
        </Link>
      ) : null}
      {/* Admin pages are dynamic and permission-checked: no prefetch on every page view. */}
      {can(actor, "manage:users") ? (
        <Link href="/admin" prefetch={false} className={linkClass}>
          Admin
        </Link>
      ) : managesSubscriptions ? (
        <Link href="/admin/organizations" prefetch={false} className={linkClass}>
          Subscriptions
        </Link>
      ) : null}
      {can(actor, "read:audit") ? (
        <Link href="/audit" prefetch={false} className={linkClass}>
          Audit log
        </Link>
      ) : null}
    </>
  );
}

/** The organization's changes, with how many wait for action and acknowledgement. */
async function ChangesLink({ organizationId }: { organizationId: string }) {
  const open = await countOpenImpacts({ organizationId });
  return (
    <Link href="/me/changes" prefetch={false} className={`${linkClass} inline-flex items-center gap-1`}>
      Changes
      {open ? (
        <span className="rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white">
          {open}
          <span className="sr-only"> need action</span>
        </span>
      ) : null}
    </Link>
  );
}

/** Who is signed in (name and role) with a sign-out button, or a sign-in link. */
export async function UserMenu() {
  const actor = await headerActor();
  if (actor.kind !== "user")
    return (
      <Link
        href="/sign-in"
        className="whitespace-nowrap rounded-lg bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
      >
        Sign in
      </Link>
    );
  return (
    <div className="flex min-w-0 items-center gap-3 text-sm">
      <p className="flex min-w-0 flex-col items-end leading-tight sm:flex-row sm:items-center sm:gap-2">
        <span className="max-w-44 truncate font-medium text-slate-900" title={actor.email}>
          {actor.name}
        </span>
        <span className="sr-only">, </span>
        <span className="whitespace-nowrap text-xs text-slate-500 sm:rounded-full sm:bg-slate-100 sm:px-2 sm:py-0.5 sm:font-medium sm:text-slate-600">
          {roleLabels[actor.role]}
        </span>
      </p>
      <SignOutButton />
    </div>
  );
}
