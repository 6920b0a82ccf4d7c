// The delivery log for administrators: every outbox row, newest first, with where it stands and
// each try per recipient, so a failed delivery is visible with its error and can be retried.
import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const deliveryStatuses = ["pending", "sent", "failed"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export interface DeliveryAttemptItem {
  /** "user:<id>" or "webhook:<id>". */
  recipient: string;
  /** The user's email or the endpoint's address; the raw key when it is gone. */
  label: string;
  ok: boolean;
  /** The HTTP status a webhook answered. */
  status: number | null;
  error: string | null;
  durationMs: number;
  at: Date;
}

export interface DeliveryListItem {
  id: string;
  impactId: string;
  organization: { slug: string; name: string };
  provider: { slug: string; name: string };
  fromVersion: number;
  toVersion: number;
  channel: string;
  status: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  createdAt: Date;
  deliveredAt: Date | null;
  /** Every try, newest first. */
  log: DeliveryAttemptItem[];
}

export async function listDeliveries(options: {
  db?: Database;
  actor: Actor;
  status?: string | null;
  limit?: number;
}): Promise<DeliveryListItem[]> {
  const db = options.db ?? getDb();
  requirePermission(options.actor, "manage:users");
  const status = options.status || null;
  if (status !== null && !deliveryStatuses.includes(status as DeliveryStatus))
    throw new AppError("INVALID_INPUT", `Unknown status ${JSON.stringify(status)}: use pending, sent or failed.`, {
      fieldErrors: [{ path: "status", message: "Use pending, sent or failed" }],
    });
  const rows = await db.notificationDelivery.findMany({
    where: status ? { status } : {},
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: Math.min(Math.max(Math.trunc(options.limit ?? 200), 1), 1000),
    select: {
      id: true,
      channel: true,
      status: true,
      attempts: true,
      lastError: true,
      nextAttemptAt: true,
      createdAt: true,
      deliveredAt: true,
      impact: {
        select: {
          id: true,
          fromVersion: true,
          toVersion: true,
          organization: { select: { slug: true, name: true } },
          provider: { select: { slug: true, name: true } },
        },
      },
      recipients: { orderBy: { at: "desc" } },
    },
  });
  const keys = rows.flatMap((r) => r.recipients.map((a) => a.recipient));
  const idsOf = (prefix: string) => [
    ...new Set(keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length))),
  ];
  const [users, endpoints] = await Promise.all([
    db.user.findMany({ where: { id: { in: idsOf("user:") } }, select: { id: true, email: true } }),
    db.webhookEndpoint.findMany({ where: { id: { in: idsOf("webhook:") } }, select: { id: true, url: true } }),
  ]);
  const labels = new Map<string, string>([
    ...users.map((u) => [`user:${u.id}`, u.email] as const),
    ...endpoints.map((e) => [`webhook:${e.id}`, e.url] as const),
  ]);
  return rows.map((row) => ({
    id: row.id,
    impactId: row.impact.id,
    organization: row.impact.organization,
    provider: row.impact.provider,
    fromVersion: row.impact.fromVersion,
    toVersion: row.impact.toVersion,
    channel: row.channel,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    nextAttemptAt: row.nextAttemptAt,
    createdAt: row.createdAt,
    deliveredAt: row.deliveredAt,
    log: row.recipients.map((a) => ({
      recipient: a.recipient,
      label: labels.get(a.recipient) ?? a.recipient,
      ok: a.ok,
      status: a.status,
      error: a.error,
      durationMs: a.durationMs,
      at: a.at,
    })),
  }));
}
