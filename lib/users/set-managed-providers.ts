import "server-only";
import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import { readManagedProviderIds } from "@/lib/audit/user-snapshot";
import type { Actor } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { idSchema, parseInput, parseVersion } from "@/lib/validation/parse-input";

const providerIdsSchema = z.array(idSchema, "Choose providers from the list").max(500, "Too many providers");

/**
 * Replaces the providers an account manager is assigned to (needs manage:users). Only account
 * managers have providers; every id must name an existing provider. Takes the user's `version`
 * like every edit of a user, and refuses stale saves. Audited as "user.set-managed-providers" (sorted
 * provider ids before and after), unless the assignments stay the same.
 */
export async function setManagedProviders(options: {
  db?: Database;
  actor: Actor;
  userId: string;
  version: number | string;
  providerIds: readonly string[];
}): Promise<{ version: number }> {
  const db = options.db ?? getDb();
  const { actor } = options;
  requirePermission(actor, "manage:users");
  const version = parseVersion(options.version);
  const providerIds = [...new Set(parseInput(z.object({ providerIds: providerIdsSchema }), options).providerIds)];

  const user = await db.user.findUnique({ where: { id: options.userId }, select: { role: true } });
  if (!user) throw new AppError("NOT_FOUND", "There is no such user.");
  if (user.role !== "ACCOUNT_MANAGER")
    throw new AppError("INVALID_INPUT", "Check the highlighted fields.", {
      fieldErrors: [{ path: "providerIds", message: "Only account managers are assigned providers" }],
    });
  const found = await db.provider.count({ where: { id: { in: providerIds } } });
  if (found !== providerIds.length)
    throw new AppError("INVALID_INPUT", "Check the highlighted fields.", {
      fieldErrors: [{ path: "providerIds", message: "A chosen provider no longer exists — reload and choose again" }],
    });

  return db.$transaction(async (tx) => {
    // The role is part of the check: a concurrent role change bumps the version too.
    const updated = await tx.user.updateMany({
      where: { id: options.userId, version, role: "ACCOUNT_MANAGER" },
      data: { version: { increment: 1 } },
    });
    if (updated.count === 0)
      throw new AppError(
        "CONFLICT",
        "Someone else changed this user — reload to see the current values; your change was not saved.",
      );
    const before = await readManagedProviderIds(tx, options.userId);
    await tx.providerManager.deleteMany({ where: { userId: options.userId, providerId: { notIn: providerIds } } });
    await tx.providerManager.createMany({
      data: providerIds.map((providerId) => ({ userId: options.userId, providerId })),
      skipDuplicates: true,
    });
    const after = [...providerIds].sort();
    if (!isDeepStrictEqual(before, after))
      await recordAudit({
        tx,
        actor,
        action: "user.set-managed-providers",
        target: { type: "user", id: options.userId },
        before: { managedProviderIds: before },
        after: { managedProviderIds: after },
      });
    return { version: version + 1 };
  });
}
