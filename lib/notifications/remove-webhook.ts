// Removing an endpoint stops deliveries to it; its delivery log goes with it.
import "server-only";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findChangeScope } from "./change-scope";

export async function removeWebhook(options: { db?: Database; actor: Actor; id: string }): Promise<void> {
  const db = options.db ?? getDb();
  const { organization } = await findChangeScope({
    db,
    actor: options.actor,
    permission: "manage:notifications:organization",
  });
  await db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findFirst({
      where: { id: options.id, organizationId: organization.id },
      select: { url: true },
    });
    if (!endpoint) throw new AppError("NOT_FOUND", "No such endpoint: it may have been removed already.");
    await tx.webhookEndpoint.delete({ where: { id: options.id } });
    await tx.deliveryAttempt.deleteMany({ where: { recipient: `webhook:${options.id}` } });
    await recordAudit({
      tx,
      actor: options.actor,
      action: "notifications.webhook.remove",
      target: { type: "webhook", id: options.id },
      before: { organization: organization.slug, url: endpoint.url },
    });
  });
}
