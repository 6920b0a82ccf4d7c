// An administrator sends a failed delivery again: the row goes back to the outbox, due at once,
// with its tries counted afresh. Recipients already served (the delivery log) are not sent it twice.
import "server-only";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

export async function retryDelivery(options: { db?: Database; actor: Actor; id: string }): Promise<void> {
  const db = options.db ?? getDb();
  const { actor, id } = options;
  requirePermission(actor, "manage:users");
  await db.$transaction(async (tx) => {
    const row = await tx.notificationDelivery.findUnique({
      where: { id },
      select: {
        status: true,
        channel: true,
        attempts: true,
        lastError: true,
        impact: { select: { id: true, providerId: true, toVersion: true, organization: { select: { slug: true } } } },
      },
    });
    if (!row) throw new AppError("NOT_FOUND", "There is no such delivery.");
    // Conditional, so two admins retrying at once re-queue it once.
    const updated = await tx.notificationDelivery.updateMany({
      where: { id, status: "failed" },
      data: { status: "pending", attempts: 0, nextAttemptAt: new Date(), lastError: null },
    });
    if (updated.count === 0)
      throw new AppError(
        "CONFLICT",
        row.status === "sent"
          ? "This delivery was already sent; there is nothing to retry."
          : "This delivery is still being tried; it can be retried once it has failed.",
      );
    await recordAudit({
      tx,
      actor,
      action: "notifications.retry",
      target: { type: "delivery", id },
      providerId: row.impact.providerId,
      before: { status: row.status, attempts: row.attempts, lastError: row.lastError },
      after: {
        status: "pending",
        attempts: 0,
        channel: row.channel,
        impact: row.impact.id,
        organization: row.impact.organization.slug,
        toVersion: row.impact.toVersion,
      },
    });
  });
}
