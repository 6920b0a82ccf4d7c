// The organization registers an endpoint: each change impact is POSTed to it, signed with a secret
// generated here and shown once (lib/notifications/webhook-signature.ts).
import "server-only";
import { actorLabel, recordAudit } from "@/lib/audit-trail/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { findChangeScope } from "./change-scope";
import { newWebhookSecret } from "./webhook-signature";
import { webhookUrlProblem, type PrivateNetworks } from "./webhook-url";

const endpointLimit = 10;

export async function addWebhook(options: {
  db?: Database;
  actor: Actor;
  url: string;
  /** The portal's setting when not given. */
  privateNetworks?: PrivateNetworks;
}): Promise<{ id: string; secret: string }> {
  const db = options.db ?? getDb();
  const { organization } = await findChangeScope({
    db,
    actor: options.actor,
    permission: "manage:notifications:organization",
  });
  const url = options.url.trim();
  const problem = webhookUrlProblem(url, {
    privateNetworks: options.privateNetworks ?? env.DEMARC_WEBHOOK_PRIVATE_NETWORKS,
  });
  if (problem)
    throw new AppError("INVALID_INPUT", "Check the highlighted fields.", {
      fieldErrors: [{ path: "url", message: problem }],
    });
  const secret = newWebhookSecret();
  const id = await db.$transaction(async (tx) => {
    // Serializes registrations per organization, so the limit and the duplicate check hold.
    await tx.$queryRaw`SELECT 1 FROM "Organization" WHERE "id" = ${organization.id} FOR UPDATE`;
    const existing = await tx.webhookEndpoint.findMany({
      where: { organizationId: organization.id },
      select: { url: true },
    });
    if (existing.some((e) => e.url === url))
      throw new AppError("INVALID_INPUT", "Check the highlighted fields.", {
        fieldErrors: [{ path: "url", message: "This endpoint is registered already" }],
      });
    if (existing.length >= endpointLimit)
      throw new AppError("CONFLICT", `An organization registers at most ${endpointLimit} endpoints: remove one first.`);
    const endpoint = await tx.webhookEndpoint.create({
      data: { organizationId: organization.id, url, secret, createdBy: actorLabel(options.actor) },
    });
    await recordAudit({
      tx,
      actor: options.actor,
      action: "notifications.webhook.add",
      target: { type: "webhook", id: endpoint.id },
      after: { organization: organization.slug, url },
    });
    return endpoint.id;
  });
  return { id, secret };
}
