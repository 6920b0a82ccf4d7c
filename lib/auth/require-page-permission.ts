import "server-only";
import { notFound, redirect } from "next/navigation";
import { getActor } from "./current-actor";
import { holdsPermission, type Actor, type Permission } from "./permissions";

export type UserActor = Extract<Actor, { kind: "user" }>;

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
