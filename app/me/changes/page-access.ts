// What every change page checks first: a visitor signs in and comes back; someone who is not a
// member of an organization allowed to read its changes gets a 404.
import "server-only";
import { notFound, redirect } from "next/navigation";
import { getActor } from "@/lib/auth/current-actor";
import { can, type Actor, type Permission } from "@/lib/auth/permissions";

export async function requireChangesMember(
  path: string,
  permission: Extract<
    Permission,
    "read:changes:organization" | "manage:notifications:organization"
  > = "read:changes:organization",
): Promise<Actor> {
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  if (!can(actor, permission) || actor.kind !== "user" || !actor.organizationId) notFound();
  return actor;
}
