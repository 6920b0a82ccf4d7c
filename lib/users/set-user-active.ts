import "server-only";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import { userSnapshot, userSnapshotSelect } from "@/lib/audit/user-snapshot";
import type { Actor } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseVersion } from "@/lib/validation/parse-input";

/**
 * Deactivates or reactivates an account (needs manage:users). Deactivating deletes the user's
 * sessions; sessions and API tokens are checked against `active` on every request, so access ends
 * at once (tokens stay revocable and come back on reactivation). Administrators cannot deactivate
 * themselves. Asking for the state the account is already in changes nothing. Audited as
 * "user.deactivate" or "user.reactivate" (the account's fields before and after).
 */
export async function setUserActive(options: {
  db?: Database;
  actor: Actor;
  userId: string;
  version: number | string;
  active: boolean;
}): Promise<{ version: number; changed: boolean }> {
  const db = options.db ?? getDb();
  const { actor, userId, active } = options;
  requirePermission(actor, "manage:users");
  const version = parseVersion(options.version);
  if (typeof active !== "boolean") throw new AppError("INVALID_INPUT", "Choose whether to activate or deactivate.");
  if (!active && actor.kind === "user" && actor.id === userId)
    throw new AppError("INVALID_INPUT", "You cannot deactivate your own account — ask another administrator.");

  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { ...userSnapshotSelect, version: true } });
    if (!user) throw new AppError("NOT_FOUND", "There is no such user.");
    if (user.active === active) {
      if (!active) await tx.session.deleteMany({ where: { userId } });
      return { version: user.version, changed: false };
    }
    const updated = await tx.user.updateMany({
      where: { id: userId, version },
      data: { active, deactivatedAt: active ? null : new Date(), version: { increment: 1 } },
    });
    if (updated.count === 0)
      throw new AppError(
        "CONFLICT",
        "Someone else changed this user — reload to see the current values; your change was not saved.",
      );
    if (!active) await tx.session.deleteMany({ where: { userId } });
    await recordAudit({
      tx,
      actor,
      action: active ? "user.reactivate" : "user.deactivate",
      target: { type: "user", id: userId },
      before: userSnapshot(user),
      after: { ...userSnapshot(user), active },
    });
    return { version: version + 1, changed: true };
  });
}
