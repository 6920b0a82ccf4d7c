import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SsoButton } from "@/components/auth/sso-button";
import { Card } from "@/components/ui/card";
import { getActor } from "@/lib/auth/current-actor";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Sign in",
  description: "Sign in to Demarc with your email and password, or with single sign-on where it is set up.",
};

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> };

/**
 * Where to go after signing in, always as a path on this site: a relative path (not "//", no backslashes),
 * or an absolute URL on this very host (next-auth sends those back after an SSO error). Never the
 * sign-in page itself or the auth API; anything else is the catalog.
 */
function safeCallbackUrl(raw: string | string[] | undefined, host: string | null): string {
  if (typeof raw !== "string" || raw === "" || /[\u0000-\u001f\u007f\\]/.test(raw)) return "/";
  const base = "http://demarc.invalid";
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return "/";
  }
  const relative = raw.startsWith("/") && !raw.startsWith("//") && url.origin === base;
  const sameHost = /^https?:\/\//i.test(raw) && host !== null && url.host === host.toLowerCase();
  if (!relative && !sameHost) return "/";
  if (url.pathname === "/sign-in" || url.pathname.startsWith("/api/")) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl, (await headers()).get("host"));
  // A bad API token in an Authorization header is not a reason to hide the form.
  const actor = await getActor().catch((e: unknown) => {
    if (e instanceof AppError) return null;
    throw e;
  });
  if (actor?.kind === "user") redirect(callbackUrl);
  const error = typeof params.error === "string" && params.error !== "" ? params.error.slice(0, 200) : null;
  return (
    <div className="mx-auto max-w-md py-4 sm:py-10">
      <Card className="p-6 sm:p-8">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Sign in to Demarc</h1>
        <p className="mt-2 text-sm text-slate-600">
          Customers see their own obligations; staff curate providers and accounts. Browsing the catalog needs no
          account.
        </p>
        <div className="mt-6">
          <SignInForm callbackUrl={callbackUrl} initialError={error} />
        </div>
        {env.oidc ? (
          <>
            <div className="my-6 flex items-center gap-3 text-xs uppercase tracking-wide text-slate-500">
              <span aria-hidden="true" className="h-px flex-1 bg-slate-200" />
              or
              <span aria-hidden="true" className="h-px flex-1 bg-slate-200" />
            </div>
            <SsoButton name={env.oidc.name} callbackUrl={callbackUrl} />
          </>
        ) : null}
      </Card>
      <p className="mt-6 text-center text-sm text-slate-600">
        No account? Administrators create them.{" "}
        <Link href="/" className="font-medium text-blue-700 hover:underline">
          Back to the catalog
        </Link>
      </p>
    </div>
  );
}
