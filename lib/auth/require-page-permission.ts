import "server-only";
import { notFound, redirect } from "next/navigation";
import { getActor } from "./current-actor";
import { can, type Actor, type Permission } from "./permissions";

export type UserActor = Extract<Actor, { kind: "user" }>;

/**
 * Does the actor hold `permission` for at least one resource? Plain permissions are checked as
 * is; an `:own` permission counts when it applies to one of the account manager's providers
 * (an `:any` grant covers it, as in `can`).
 */
export function holdsPermission(actor: Actor, permission: Permission): boolean {
  if (can(actor, permission)) return true;
  return (
    permission.endsWith(":own") &&
    actor.kind === "user" &&
    actor.managedProviderIds.some((providerId) => can(actor, permission, { providerId }))
  );
}

/**
 * For pages: the signed-in actor if they hold any of the permissions (see holdsPermission).
 * Anonymous visitors are sent to sign in and come back to `path`; signed-in users without the
 * permission get a 404, so the page does not reveal that it exists.
 */
export async function requirePagePermission(
  permission: Permission | readonly Permission[],
  path: string,
): Promise<UserActor> {
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  const anyOf: readonly Permission[] = typeof permission === "string" ? [permission] : permission;
  if (actor.kind !== "user" || !anyOf.some((p) => holdsPermission(actor, p))) notFound();
  return actor;
}
