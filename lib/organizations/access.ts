import { can, holdsPermission, permissionsOf, type Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

/**
 * Who may list and open organizations: administrators (manage:users) and anyone who manages the
 * subscriptions of at least one provider (account managers with an assigned provider; admins via
 * manage:subscriptions:any). Account managers need the organizations to manage subscriptions.
 */
export function canViewOrganizations(actor: Actor): boolean {
  return can(actor, "manage:users") || holdsPermission(actor, "manage:subscriptions:own");
}

/** Throws like requirePermission: anonymous callers are asked to sign in, others are refused. */
export function requireOrganizationsAccess(actor: Actor): void {
  if (canViewOrganizations(actor)) return;
  if (actor.kind === "anonymous") throw new AppError("UNAUTHORIZED", "Sign in to do this.");
  throw new AppError("FORBIDDEN", "Your account is not allowed to do this.");
}

/** Providers whose subscriptions the actor manages: all (null) or the listed ids. */
export function manageableProviderIds(actor: Actor): readonly string[] | null {
  if (can(actor, "manage:subscriptions:any")) return null;
  if (actor.kind !== "user" || !permissionsOf(actor).includes("manage:subscriptions:own")) return [];
  return actor.managedProviderIds.filter((providerId) => can(actor, "manage:subscriptions:own", { providerId }));
}
