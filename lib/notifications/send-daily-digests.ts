// Daily digests for users who chose "daily": at most one email per 24 hours listing every impact on
// their organization since the last digest (the last 24 hours for a first one). A user with
// nothing new gets nothing, and the next impact goes out in the next run.
//
// As with the outbox (lib/notifications/deliver-notifications.ts), users are claimed in a short
// transaction (`FOR UPDATE SKIP LOCKED`) and the mail is sent after it, so the embedded database is
// never held while an SMTP server answers. The claim is a lease (`digestLeaseUntil`) that keeps other
// workers away; `lastDigestAt` moves only once the mail is out. A send that fails ends the lease, so
// the next run tries the same window again; a worker killed between claim and send leaves the lease
// to expire, and a later run sends that digest.
import "server-only";
import { getAuthSecret } from "@/lib/auth/secret";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { impactMessageInputs } from "./deliver-notifications";
import { digestMessage } from "./impact-message";
import { createChangeMailer, type EmailSettings } from "./send-email";
import { signUnsubscribeToken } from "./unsubscribe-token";

const DAY_MS = 24 * 60 * 60_000;
/** How long a claimed digest is ours: far longer than one run's mails take. */
const LEASE_MS = 15 * 60_000;

interface DueUser {
  id: string;
  email: string;
  organizationId: string;
  lastDigestAt: Date | null;
}

export async function sendDailyDigests(options: {
  db?: Database;
  now?: Date;
  limit?: number;
  /** SMTP settings; null: email is not configured and nothing happens. */
  email?: EmailSettings | null;
  origin: string;
  /** Signs unsubscribe links; the portal's auth secret when not given. */
  unsubscribeSecret?: string;
}): Promise<{ sent: number; failed: number }> {
  const email = options.email === undefined ? env.email : options.email;
  const counts = { sent: 0, failed: 0 };
  if (!email) return counts;
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const users = await claimDueUsers(db, now, Math.min(Math.max(Math.trunc(options.limit ?? 20), 1), 500));
  if (!users.length) return counts;
  const secret = options.unsubscribeSecret ?? (await getAuthSecret(db));
  const mailer = createChangeMailer(email);
  try {
    for (const user of users) {
      const since = user.lastDigestAt ?? new Date(now.getTime() - DAY_MS);
      const impacts = await db.changeImpact.findMany({
        where: { organizationId: user.organizationId, createdAt: { gt: since, lte: now } },
        orderBy: { createdAt: "desc" },
        select: { id: true },
      });
      const inputs = await impactMessageInputs({ db, impactIds: impacts.map((i) => i.id), origin: options.origin });
      const found = impacts.map((i) => inputs.get(i.id)).filter((i) => i !== undefined);
      if (!found.length) {
        await release(db, user, now, null);
        continue;
      }
      const message = digestMessage({ organization: found[0]!.organization, impacts: found, origin: options.origin });
      const result = await mailer.send({
        to: user.email,
        ...message,
        origin: options.origin,
        unsubscribeToken: signUnsubscribeToken({ secret, userId: user.id }),
      });
      await release(db, user, now, result.ok ? now : null);
      counts[result.ok ? "sent" : "failed"]++;
    }
  } finally {
    mailer.close();
  }
  return counts;
}

async function claimDueUsers(db: Database, now: Date, limit: number): Promise<DueUser[]> {
  const at = now.toISOString();
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  return db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<DueUser[]>`
      SELECT u."id", u."email", u."organizationId", u."lastDigestAt"
      FROM "User" u
      WHERE u."changeEmails" = 'daily' AND u."active" AND u."organizationId" IS NOT NULL
        AND (u."digestLeaseUntil" IS NULL OR u."digestLeaseUntil" <= (${at}::timestamptz AT TIME ZONE 'UTC'))
        AND (u."lastDigestAt" IS NULL
             OR u."lastDigestAt" <= (${at}::timestamptz AT TIME ZONE 'UTC') - interval '24 hours')
        AND EXISTS (
          SELECT 1 FROM "ChangeImpact" i
          WHERE i."organizationId" = u."organizationId"
            AND i."createdAt" <= (${at}::timestamptz AT TIME ZONE 'UTC')
            AND i."createdAt" > COALESCE(u."lastDigestAt", (${at}::timestamptz AT TIME ZONE 'UTC') - interval '24 hours'))
      ORDER BY u."id"
      LIMIT ${limit}
      FOR UPDATE OF u SKIP LOCKED`;
    if (due.length)
      await tx.user.updateMany({ where: { id: { in: due.map((u) => u.id) } }, data: { digestLeaseUntil: leaseUntil } });
    return due;
  });
}

/** Ends the lease taken at `now`; `sentAt` marks the digest sent (null: the window stays open). */
async function release(db: Database, user: DueUser, now: Date, sentAt: Date | null): Promise<void> {
  await db.user.updateMany({
    where: { id: user.id, digestLeaseUntil: new Date(now.getTime() + LEASE_MS) },
    data: { digestLeaseUntil: null, ...(sentAt ? { lastDigestAt: sentAt } : {}) },
  });
}
