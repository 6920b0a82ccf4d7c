import "server-only";
import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import { readManagedProviderIds, readUserSnapshot } from "@/lib/audit/user-snapshot";
import { roles, roleToDb, type Actor, type Role } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput, parseVersion } from "@/lib/validation/parse-input";

/** Empty form values ("" from a select's placeholder) mean "none". */
const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const userUpdateSchema = z.object({
  name: z.string("Enter a name").trim().min(1, "Enter a name").max(200, "Use at most 200 characters"),
  role: z.enum(roles, "Choose a role"),
  organizationId: z.preprocess(emptyToUndefined, z.uuid("Choose an organization from the list").optional()),
});

export interface UserUpdate {
  name: string;
  role: Role;
  /** Required for customers; ignored (cleared) for every other role. */
  organizationId?: string | null;
}

const invalid = (path: string, message: string) =>
  new AppError("INVALID_INPUT", "Check the highlighted fields.", { fieldErrors: [{ path, message }] });

/**
 * Changes an account's name, role and organization (needs manage:users). Customers need an
 * organization; other roles have none. Leaving the account-manager role also ends the provider
 * assignments (they would otherwise still widen what the account can see). `version` is the one
 * the form was rendered with: a stale save is refused and changes nothing. Audited as "user.update"
 * (account fields, plus the provider assignments when they end), unless nothing changed.
 */
export async function updateUser(
  options: { db?: Database; actor: Actor; userId: string; version: number | string } & UserUpdate,
): Promise<{ version: number }> {
  const db = options.db ?? getDb();
  const { actor } = options;
  requirePermission(actor, "manage:users");
  const version = parseVersion(options.version);
  const input = parseInput(userUpdateSchema, {
    name: options.name,
    role: options.role,
    organizationId: options.organizationId,
  });
  if (input.role === "customer" && !input.organizationId)
    throw invalid("organizationId", "Customers belong to an organization — choose one");
  if (actor.kind === "user" && actor.id === options.userId && input.role !== "admin")
    throw invalid("role", "You cannot remove your own administrator role — ask another administrator");

  const organizationId = input.role === "customer" ? (input.organizationId ?? null) : null;
  if (organizationId) {
    const organization = await db.organization.findUnique({ where: { id: organizationId }, select: { id: true } });
    if (!organization) throw invalid("organizationId", "This organization no longer exists — choose another");
  }

  return db.$transaction(async (tx) => {
    // Read before the versioned update: had anyone changed the account since, the update refuses.
    const before = await readUserSnapshot(tx, options.userId);
    if (!before) throw new AppError("NOT_FOUND", "There is no such user.");
    const updated = await tx.user.updateMany({
      where: { id: options.userId, version },
      data: { name: input.name, role: roleToDb(input.role), organizationId, version: { increment: 1 } },
    });
    if (updated.count === 0)
      throw new AppError(
        "CONFLICT",
        "Someone else changed this user — reload to see the current values; your change was not saved.",
      );
    // The update holds the account's row lock: assignment changes (which bump the version) wait.
    const managedBefore = await readManagedProviderIds(tx, options.userId);
    if (input.role !== "account-manager") await tx.providerManager.deleteMany({ where: { userId: options.userId } });
    const providersChanged = input.role !== "account-manager" && managedBefore.length > 0;
    const after = { ...before, name: input.name, role: input.role, organizationId };
    if (providersChanged || !isDeepStrictEqual(before, after))
      await recordAudit({
        tx,
        actor,
        action: "user.update",
        target: { type: "user", id: options.userId },
        before: providersChanged ? { ...before, managedProviderIds: managedBefore } : before,
        after: providersChanged ? { ...after, managedProviderIds: [] } : after,
      });
    return { version: version + 1 };
  });
}
