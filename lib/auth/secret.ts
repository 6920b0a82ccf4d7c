import "server-only";
import { randomBytes } from "node:crypto";
import type { Database } from "@/lib/database/client";
import { isConnectionLost } from "@/lib/database/connection-lost";
import { env } from "@/lib/env";

let cached: string | undefined;

/**
 * The session-signing secret: NEXTAUTH_SECRET, or one generated on first use and kept in the
 * database, so it survives restarts and every instance behind a load balancer agrees on it.
 */
export async function getAuthSecret(db: Database): Promise<string> {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (cached) return cached;
  // Read first: only the very first start writes, so a process's first request is a plain read
  // (retried on a lost connection, lib/database/read-retry.ts) like any other.
  const existing = await db.appSetting.findUnique({ where: { key: "auth.secret" } });
  if (existing) return (cached = existing.value);
  const create = () =>
    db.appSetting.createMany({
      data: [{ key: "auth.secret", value: randomBytes(48).toString("base64url") }],
      skipDuplicates: true,
    });
  // The write is idempotent (a second one adds nothing), so unlike other writes it is safe to repeat
  // when the connection was lost under it: a fresh portal's first requests must not fail for it.
  await create().catch((error: unknown) => {
    if (!isConnectionLost(error)) throw error;
    return create();
  });
  const row = await db.appSetting.findUniqueOrThrow({ where: { key: "auth.secret" } });
  cached = row.value;
  return cached;
}
