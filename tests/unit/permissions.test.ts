import { describe, expect, test } from "vitest";
import { anonymous, can, permissions, permissionsOf, type Actor, type Role } from "@/lib/auth/permissions";

const user = (role: Role, managedProviderIds: string[] = []): Actor => ({
  kind: "user",
  id: `id-${role}`,
  email: `${role}@x.test`,
  name: role,
  role,
  organizationId: role === "customer" ? "org" : null,
  managedProviderIds,
});
const system: Actor = { kind: "system", command: "test" };

describe("can()", () => {
  test("anonymous visitors may only read public providers", () => {
    expect(permissionsOf(anonymous)).toEqual(["read:provider:public"]);
    expect(can(anonymous, "edit:provider:own", { providerId: "p" })).toBe(false);
  });

  test(":own permissions need the resource to be the account manager's", () => {
    const manager = user("account-manager", ["mine"]);
    expect(can(manager, "edit:provider:own", { providerId: "mine" })).toBe(true);
    expect(can(manager, "edit:provider:own", { providerId: "theirs" })).toBe(false);
    expect(can(manager, "edit:provider:own")).toBe(false);
    expect(can(manager, "manage:subscriptions:own", { providerId: "mine" })).toBe(true);
  });

  test("an :any grant covers the :own form; read-only roles cannot edit", () => {
    expect(can(user("admin"), "edit:provider:own", { providerId: "anything" })).toBe(true);
    expect(can(user("auditor"), "edit:provider:own", { providerId: "anything" })).toBe(false);
    expect(can(user("auditor"), "read:audit")).toBe(true);
    expect(can(user("customer"), "read:obligations:own")).toBe(true);
    expect(can(user("customer"), "read:audit")).toBe(false);
  });

  test("the system actor (CLI commands) may do everything", () => {
    for (const permission of permissions) expect(can(system, permission, { providerId: "p" })).toBe(true);
  });
});
