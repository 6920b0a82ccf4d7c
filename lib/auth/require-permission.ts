import { AppError } from "@/lib/errors";
import { can, type Actor, type Permission } from "./permissions";

/** Throws unless the actor may: anonymous callers are asked to sign in, others are refused. */
export function requirePermission(actor: Actor, permission: Permission, resource?: { providerId?: string }): void {
  if (can(actor, permission, resource)) return;
  if (actor.kind === "anonymous") throw new AppError("UNAUTHORIZED", "Sign in to do this.");
  throw new AppError("FORBIDDEN", "Your account is not allowed to do this.");
}

/** The actor as a signed-in user, or a sign-in error. */
export function requireUser(actor: Actor): Extract<Actor, { kind: "user" }> {
  if (actor.kind === "user") return actor;
  throw new AppError("UNAUTHORIZED", "Sign in to do this.");
}
