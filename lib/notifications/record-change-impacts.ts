// Writes the planned impacts of a publish (lib/notifications/plan-change-impacts.ts) and their
// outbox rows, in the publish's transaction: a publish that fails leaves neither, and one that
// succeeds leaves exactly one delivery per organization and channel for the worker
// (lib/notifications/deliver-notifications.ts). The in-app inbox and the feed read the impact itself.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { countRanks } from "./impact-document";
import type { PlannedImpact } from "./plan-change-impacts";

export type DeliveryChannel = "email" | "webhook";

export async function recordChangeImpacts(options: {
  tx: Prisma.TransactionClient;
  providerId: string;
  toVersion: number;
  planned: readonly PlannedImpact[];
  /** Email goes out only where SMTP is configured (env.email). */
  emailConfigured: boolean;
}): Promise<void> {
  const { tx, planned } = options;
  if (!planned.length) return;
  const organizationIds = planned.map((p) => p.organizationId);
  const [webhookOrganizations, emailOrganizations] = await Promise.all([
    tx.webhookEndpoint.findMany({
      where: { organizationId: { in: organizationIds } },
      select: { organizationId: true },
    }),
    options.emailConfigured
      ? tx.user.findMany({
          where: { organizationId: { in: organizationIds }, active: true, changeEmails: "each" },
          select: { organizationId: true },
        })
      : [],
  ]);
  const hasWebhooks = new Set(webhookOrganizations.map((w) => w.organizationId));
  const readsEmail = new Set(emailOrganizations.map((u) => u.organizationId));
  for (const impact of planned) {
    const channels: DeliveryChannel[] = [
      ...(readsEmail.has(impact.organizationId) ? (["email"] as const) : []),
      ...(hasWebhooks.has(impact.organizationId) ? (["webhook"] as const) : []),
    ];
    await tx.changeImpact.create({
      data: {
        organizationId: impact.organizationId,
        providerId: options.providerId,
        fromVersion: impact.fromVersion,
        toVersion: options.toVersion,
        systems: impact.systems as unknown as Prisma.InputJsonValue,
        ...countRanks(impact.systems),
        deliveries: { create: channels.map((channel) => ({ channel })) },
      },
    });
  }
}
