// The outbox worker's one pass: delivers due NotificationDelivery rows (written with each publish by
// lib/notifications/record-change-impacts.ts) to every recipient not yet served, logs each try as a
// DeliveryAttempt, and marks the row sent, due again later (backoff) or failed.
//
// Several instances may run it at once. Rows are claimed in a short transaction (`FOR UPDATE SKIP
// LOCKED`, so concurrent claims never pick the same row) that moves their `nextAttemptAt` ahead
// by a lease; the sending happens after that transaction. Holding it open across network calls
// would stall the embedded database, whose one backend serves a transaction exclusively, for as
// long as an endpoint takes to answer. The finishing update applies only while the lease is
// ours, and a worker that dies mid-run loses nothing: its rows come due when the lease ends, and
// recipients with a successful attempt are not served again.
import "server-only";
import { randomInt } from "node:crypto";
import { getAuthSecret } from "@/lib/auth/secret";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { readImpactSystems } from "./impact-document";
import { impactMessage, type ImpactMessageInput } from "./impact-message";
import { createChangeMailer, type ChangeMailer, type EmailSettings } from "./send-email";
import { sendWebhook } from "./send-webhook";
import { signUnsubscribeToken } from "./unsubscribe-token";

export const MAX_DELIVERY_ATTEMPTS = 6;
/** How long a claimed row is ours; a run stops taking on recipients after half of it. */
const LEASE_MS = 15 * 60_000;
const BUDGET_MS = LEASE_MS / 2;
const MAX_BACKOFF_MS = 6 * 60 * 60_000;

/** After the n-th failed try: 2, 4, 8, 16, 32 minutes (capped). */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** attempts, MAX_BACKOFF_MS);
}

export interface DeliveryCounts {
  sent: number;
  retrying: number;
  failed: number;
}

interface Claim {
  id: string;
  impactId: string;
  channel: string;
  attempts: number;
  leaseUntil: Date;
}

interface Recipient {
  key: string;
  /** How the delivery log's error names it (no secrets, no query strings). */
  label: string;
  send: () => Promise<{ ok: boolean; status?: number | null; error: string | null; durationMs: number }>;
}

export async function deliverDueNotifications(options: {
  db?: Database;
  now?: Date;
  limit?: number;
  /** SMTP settings; null: email is not configured, and email rows fail with a clear error. */
  email?: EmailSettings | null;
  /** The portal's public origin, for links in messages. */
  origin: string;
  /** Signs unsubscribe links; the portal's auth secret when not given. */
  unsubscribeSecret?: string;
}): Promise<DeliveryCounts> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const email = options.email === undefined ? env.email : options.email;
  const counts: DeliveryCounts = { sent: 0, retrying: 0, failed: 0 };
  const claims = await claimDue(db, now, Math.min(Math.max(Math.trunc(options.limit ?? 20), 1), 500));
  const started = Date.now();
  const overBudget = () => Date.now() - started > BUDGET_MS;
  const context: SendContext = { mailer: null, secret: options.unsubscribeSecret };
  try {
    for (const claim of claims) {
      if (overBudget()) {
        await release(db, claim, now);
        continue;
      }
      const input = (await impactMessageInputs({ db, impactIds: [claim.impactId], origin: options.origin })).get(
        claim.impactId,
      );
      // The impact (and with it the row) was deleted meanwhile: nothing to send.
      if (!input) continue;
      const recipients = await recipientsOf({ db, claim, input, email, origin: options.origin, context });
      if ("error" in recipients) {
        counts[await finish(db, claim, now, [recipients.error], true)]++;
        continue;
      }
      const served = new Set(
        (
          await db.deliveryAttempt.findMany({ where: { deliveryId: claim.id, ok: true }, select: { recipient: true } })
        ).map((a) => a.recipient),
      );
      const errors: string[] = [];
      let stopped = false;
      for (const recipient of recipients.filter((r) => !served.has(r.key))) {
        if (overBudget()) {
          stopped = true;
          break;
        }
        const result = await recipient.send();
        await db.deliveryAttempt.create({
          data: {
            deliveryId: claim.id,
            recipient: recipient.key,
            ok: result.ok,
            status: result.status ?? null,
            error: result.error,
            durationMs: result.durationMs,
          },
        });
        if (!result.ok) errors.push(`${recipient.label}: ${result.error}`);
      }
      if (stopped) await release(db, claim, now);
      else counts[await finish(db, claim, now, errors, false)]++;
    }
  } finally {
    context.mailer?.close();
  }
  return counts;
}

/** Made once per run, when the first email goes out. */
interface SendContext {
  mailer: ChangeMailer | null;
  secret: string | undefined;
}

/** Who a row goes to now (today's endpoints, today's readers), or why it cannot go at all. */
async function recipientsOf(options: {
  db: Database;
  claim: Claim;
  input: ImpactMessageInput & { organizationId: string };
  email: EmailSettings | null;
  origin: string;
  context: SendContext;
}): Promise<Recipient[] | { error: string }> {
  const { db, claim, input, email, context } = options;
  const message = impactMessage(input);
  if (claim.channel === "webhook") {
    const body = JSON.stringify(message.json);
    const endpoints = await db.webhookEndpoint.findMany({
      where: { organizationId: input.organizationId },
      select: { id: true, url: true, secret: true },
      orderBy: { createdAt: "asc" },
    });
    return endpoints.map((endpoint) => ({
      key: `webhook:${endpoint.id}`,
      label: endpointLabel(endpoint.url),
      send: () => sendWebhook({ url: endpoint.url, secret: endpoint.secret, body, deliveryId: claim.id }),
    }));
  }
  if (claim.channel !== "email") return { error: `unknown channel ${JSON.stringify(claim.channel)}` };
  if (!email)
    return { error: "Email is not configured on this portal (SMTP_URL is unset), so this email was not sent." };
  const users = await db.user.findMany({
    where: { organizationId: input.organizationId, active: true, changeEmails: "each" },
    select: { id: true, email: true },
    orderBy: { email: "asc" },
  });
  const secret = (context.secret ??= await getAuthSecret(db));
  const mailer = (context.mailer ??= createChangeMailer(email));
  return users.map((user) => ({
    key: `user:${user.id}`,
    label: user.email,
    send: () =>
      mailer.send({
        to: user.email,
        subject: message.subject,
        text: message.text,
        html: message.html,
        origin: options.origin,
        unsubscribeToken: signUnsubscribeToken({ secret, userId: user.id }),
      }),
  }));
}

/** Due rows, oldest first, each claimed by this run alone (see the header). */
async function claimDue(db: Database, now: Date, limit: number): Promise<Claim[]> {
  // A little randomness keeps two runs given the same `now` (tests) from holding equal leases.
  const leaseUntil = new Date(now.getTime() + LEASE_MS + randomInt(1000));
  return db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "NotificationDelivery"
      WHERE "status" = 'pending' AND "nextAttemptAt" <= (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')
      ORDER BY "nextAttemptAt", "id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED`;
    if (!due.length) return [];
    const ids = due.map((row) => row.id);
    await tx.notificationDelivery.updateMany({ where: { id: { in: ids } }, data: { nextAttemptAt: leaseUntil } });
    const rows = await tx.notificationDelivery.findMany({
      where: { id: { in: ids } },
      select: { id: true, impactId: true, channel: true, attempts: true },
    });
    const order = new Map(ids.map((id, i) => [id, i]));
    return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!).map((row) => ({ ...row, leaseUntil }));
  });
}

/** Records the outcome of one try, if the row is still ours. */
async function finish(
  db: Database,
  claim: Claim,
  now: Date,
  errors: string[],
  final: boolean,
): Promise<keyof DeliveryCounts> {
  const attempts = claim.attempts + 1;
  const lastError = errors.length ? errors.join("; ").slice(0, 2000) : null;
  const outcome: keyof DeliveryCounts = !errors.length
    ? "sent"
    : final || attempts >= MAX_DELIVERY_ATTEMPTS
      ? "failed"
      : "retrying";
  await db.notificationDelivery.updateMany({
    where: { id: claim.id, status: "pending", nextAttemptAt: claim.leaseUntil },
    data: {
      attempts,
      lastError,
      ...(outcome === "sent" ? { status: "sent", deliveredAt: now } : {}),
      ...(outcome === "failed" ? { status: "failed" } : {}),
      ...(outcome === "retrying" ? { nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) } : {}),
    },
  });
  return outcome;
}

/** Hands an unfinished row back for the next run, without counting a try. */
async function release(db: Database, claim: Claim, now: Date): Promise<void> {
  await db.notificationDelivery.updateMany({
    where: { id: claim.id, status: "pending", nextAttemptAt: claim.leaseUntil },
    data: { nextAttemptAt: now },
  });
}

function endpointLabel(url: string): string {
  try {
    return `webhook ${new URL(url).origin}`;
  } catch {
    return "webhook";
  }
}

/** What impactMessage needs for each impact: its organization, provider and affected rows. */
export async function impactMessageInputs(options: {
  db: Database;
  impactIds: readonly string[];
  origin: string;
}): Promise<Map<string, ImpactMessageInput & { organizationId: string }>> {
  const impacts = await options.db.changeImpact.findMany({
    where: { id: { in: [...options.impactIds] } },
    select: {
      id: true,
      organizationId: true,
      fromVersion: true,
      toVersion: true,
      actionRequired: true,
      informational: true,
      createdAt: true,
      systems: true,
      organization: { select: { slug: true, name: true } },
      provider: { select: { slug: true, name: true } },
    },
  });
  return new Map(
    impacts.map((impact) => [
      impact.id,
      {
        organizationId: impact.organizationId,
        impact,
        organization: impact.organization,
        provider: impact.provider,
        systems: readImpactSystems(impact.systems),
        origin: options.origin,
      },
    ]),
  );
}
