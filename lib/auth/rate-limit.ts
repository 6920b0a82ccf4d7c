// Fixed-window counters in the database, so every app instance counts the same attempts.
import "server-only";
import type { Database } from "@/lib/database/client";

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

export const loginLimits = {
  perAccount: { limit: 5, windowSeconds: 15 * 60 },
  perIp: { limit: 20, windowSeconds: 15 * 60 },
} as const satisfies Record<string, RateLimitRule>;

/** Requests one API token may make per minute, across all instances (lib/auth/sessions.ts). */
export const apiTokenLimit: RateLimitRule = { limit: 600, windowSeconds: 60 };

/** Counts one hit on `key`; returns whether it is still within the rule and when it frees up. */
export async function hitRateLimit(options: {
  db: Database;
  key: string;
  rule: RateLimitRule;
}): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const { db, key, rule } = options;
  // One atomic statement: a new window restarts the count, otherwise it grows.
  const rows = await db.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, now(), 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= now() - make_interval(secs => ${rule.windowSeconds})
                     THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= now() - make_interval(secs => ${rule.windowSeconds})
                     THEN now() ELSE "RateLimitBucket"."windowStart" END
    RETURNING "count", "windowStart"`;
  const row = rows[0]!;
  const elapsed = (Date.now() - row.windowStart.getTime()) / 1000;
  return { allowed: row.count <= rule.limit, retryAfterSeconds: Math.max(1, Math.ceil(rule.windowSeconds - elapsed)) };
}

export async function clearRateLimit(options: { db: Database; key: string }): Promise<void> {
  await options.db.rateLimitBucket.deleteMany({ where: { key: options.key } });
}
