// How an organization hears of changes: the user's own email choice (when email is offered), the
// organization's feed addresses and webhook endpoints with their recent deliveries.
import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/require-permission";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { findChangeScope } from "./change-scope";

export const changeEmailChoices = ["each", "daily", "none"] as const;
export type ChangeEmailChoice = (typeof changeEmailChoices)[number];

export async function getNotificationSettings(options: { db?: Database; actor: Actor }) {
  const db = options.db ?? getDb();
  const { organization } = await findChangeScope({
    db,
    actor: options.actor,
    permission: "manage:notifications:organization",
  });
  const user = requireUser(options.actor);
  const [me, feeds, webhooks] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: user.id }, select: { changeEmails: true } }),
    db.changeFeed.findMany({
      where: { organizationId: organization.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, createdAt: true, createdBy: true },
    }),
    db.webhookEndpoint.findMany({
      where: { organizationId: organization.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, url: true, createdAt: true, createdBy: true },
    }),
  ]);
  const attempts = webhooks.length
    ? await db.deliveryAttempt.findMany({
        where: { recipient: { in: webhooks.map((w) => `webhook:${w.id}`) } },
        orderBy: { at: "desc" },
        take: 10 * webhooks.length,
        select: { recipient: true, ok: true, status: true, error: true, at: true, durationMs: true },
      })
    : [];
  return {
    organization,
    email: env.email ? { choice: me.changeEmails as ChangeEmailChoice, address: user.email } : null,
    feeds,
    webhooks: webhooks.map((w) => ({
      ...w,
      recent: attempts.filter((a) => a.recipient === `webhook:${w.id}`).slice(0, 10),
    })),
  };
}

export type NotificationSettings = Awaited<ReturnType<typeof getNotificationSettings>>;
