import "server-only";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Revokes an API token (needs manage:tokens): it stops working on the next request. Idempotent:
 * revoking a revoked token keeps its original revocation time (`changed: false`) and is not
 * audited; a revocation is audited as "token.revoke".
 */
export async function revokeApiToken(options: {
  db?: Database;
  actor: Actor;
  tokenId: string;
}): Promise<{ revokedAt: Date; changed: boolean }> {
  const db = options.db ?? getDb();
  const { actor, tokenId } = options;
  requirePermission(actor, "manage:tokens");
  const now = new Date();
  const revoked = await db.$transaction(async (tx) => {
    const updated = await tx.apiToken.updateMany({ where: { id: tokenId, revokedAt: null }, data: { revokedAt: now } });
    if (updated.count === 0) return false;
    const token = await tx.apiToken.findUniqueOrThrow({
      where: { id: tokenId },
      select: { name: true, prefix: true, userId: true },
    });
    await recordAudit({
      tx,
      actor,
      action: "token.revoke",
      target: { type: "token", id: tokenId },
      before: { ...token, revokedAt: null },
      after: { ...token, revokedAt: now.toISOString() },
    });
    return true;
  });
  if (revoked) return { revokedAt: now, changed: true };
  const token = await db.apiToken.findUnique({ where: { id: tokenId }, select: { revokedAt: true } });
  if (!token?.revokedAt) throw new AppError("NOT_FOUND", "There is no such token.");
  return { revokedAt: token.revokedAt, changed: false };
}
