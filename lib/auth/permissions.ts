// Typed permission strings and the one check used by server code and the UI. Pure.

export const roles = ["admin", "account-manager", "auditor", "customer"] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: "Administrator",
  "account-manager": "Account manager",
  auditor: "Auditor",
  customer: "Customer",
};

export const permissions = [
  "read:provider:public",
  // Private providers whose services the customer's organization subscribes to.
  "read:provider:subscribed",
  // Private providers the account manager is assigned to.
  "read:provider:own",
  "read:provider:any",
  "read:drafts",
  "read:audit",
  "read:obligations:own",
  // Systems (stacks of services) of the user's own organization, and of every organization.
  "read:systems:organization",
  "edit:systems:organization",
  "read:systems:any",
  // What new versions change for the user's organization (its inbox, feed) and how it is told (webhooks).
  "read:changes:organization",
  "manage:notifications:organization",
  // Every organization's change impacts, read-only (staff).
  "read:changes:any",
  "edit:provider:own",
  "edit:provider:any",
  // Start a new provider as an unpublished draft (its creator manages it).
  "create:provider",
  "manage:subscriptions:own",
  "manage:subscriptions:any",
  "manage:users",
  "manage:tokens",
] as const;

export type Permission = (typeof permissions)[number];

/**
 * Who is asking. Anonymous visitors are an actor too, so no check can be skipped. `system` is
 * the operator at a shell (CLI commands such as admin:create), never a web request.
 */
export type Actor =
  | { kind: "anonymous" }
  | { kind: "system"; command: string }
  | {
      kind: "user";
      id: string;
      email: string;
      name: string;
      role: Role;
      organizationId: string | null;
      /** Providers an account manager is assigned to (ids). */
      managedProviderIds: readonly string[];
    };

export const anonymous: Actor = { kind: "anonymous" };

const grants: Record<Role | "anonymous", readonly Permission[]> = {
  anonymous: ["read:provider:public"],
  customer: [
    "read:provider:public",
    "read:provider:subscribed",
    "read:obligations:own",
    "read:systems:organization",
    "edit:systems:organization",
    "read:changes:organization",
    "manage:notifications:organization",
  ],
  "account-manager": [
    "read:provider:public",
    "read:provider:own",
    "edit:provider:own",
    "create:provider",
    "manage:subscriptions:own",
  ],
  auditor: [
    "read:provider:public",
    "read:provider:any",
    "read:drafts",
    "read:audit",
    "read:systems:any",
    "read:changes:any",
  ],
  admin: [
    "read:provider:public",
    "read:provider:any",
    "read:drafts",
    "read:audit",
    "read:systems:any",
    "read:changes:any",
    "edit:provider:any",
    "create:provider",
    "manage:subscriptions:any",
    "manage:users",
    "manage:tokens",
  ],
};

export function permissionsOf(actor: Actor): readonly Permission[] {
  if (actor.kind === "system") return permissions;
  return grants[actor.kind === "anonymous" ? "anonymous" : actor.role];
}

/**
 * May `actor` do `permission`? `:own` permissions also need the resource: the provider an
 * account manager is assigned to. Use for decisions; `requirePermission` (server) throws.
 */
export function can(actor: Actor, permission: Permission, resource?: { providerId?: string }): boolean {
  const granted = permissionsOf(actor);
  if (permission.endsWith(":own") && permission !== "read:obligations:own") {
    // An ":any" grant covers the ":own" form; otherwise the provider must be one the user manages.
    if (granted.includes(permission.replace(/:own$/, ":any") as Permission)) return true;
    return (
      granted.includes(permission) &&
      actor.kind === "user" &&
      resource?.providerId !== undefined &&
      actor.managedProviderIds.includes(resource.providerId)
    );
  }
  return granted.includes(permission);
}

/**
 * Does the actor hold `permission` for at least one resource? Plain permissions are checked as
 * is; an `:own` permission counts when it applies to one of the account manager's providers (an
 * `:any` grant covers it, as in `can`). For deciding what to offer; operations still call `can`
 * with the resource.
 */
export function holdsPermission(actor: Actor, permission: Permission): boolean {
  if (can(actor, permission)) return true;
  return (
    permission.endsWith(":own") &&
    actor.kind === "user" &&
    actor.managedProviderIds.some((providerId) => can(actor, permission, { providerId }))
  );
}

export function roleFromDb(role: "ADMIN" | "ACCOUNT_MANAGER" | "AUDITOR" | "CUSTOMER"): Role {
  return role === "ADMIN"
    ? "admin"
    : role === "ACCOUNT_MANAGER"
      ? "account-manager"
      : role === "AUDITOR"
        ? "auditor"
        : "customer";
}

export function roleToDb(role: Role): "ADMIN" | "ACCOUNT_MANAGER" | "AUDITOR" | "CUSTOMER" {
  return role === "admin"
    ? "ADMIN"
    : role === "account-manager"
      ? "ACCOUNT_MANAGER"
      : role === "auditor"
        ? "AUDITOR"
        : "CUSTOMER";
}
