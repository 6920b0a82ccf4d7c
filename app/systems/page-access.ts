// What every systems page checks first: a visitor signs in and comes back. On /me/systems, someone who
// is not a member of an organization allowed this (reading, or with `edit`, changing its systems) gets a
// 404; on /systems (every organization's, read-only), anyone without read:systems:any, and on /changes
// anyone without read:changes:any. A system, an obligation or an impact that does not exist is a 404 as well.
import "server-only";
import { notFound, redirect } from "next/navigation";
import { getActor } from "@/lib/auth/current-actor";
import { can, type Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

export async function requireSystemsMember(path: string, options: { edit?: boolean } = {}): Promise<Actor> {
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  const permission = options.edit ? "edit:systems:organization" : "read:systems:organization";
  if (!can(actor, permission) || actor.kind !== "user" || !actor.organizationId) notFound();
  return actor;
}

export async function requireSystemsStaff(
  path: string,
  permission: "read:systems:any" | "read:changes:any" = "read:systems:any",
): Promise<Actor> {
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  if (!can(actor, permission)) notFound();
  return actor;
}

/** The service's result, or the 404 page for a NOT_FOUND. */
export function orNotFound<T>(promise: Promise<T>): Promise<T> {
  return promise.catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
}
