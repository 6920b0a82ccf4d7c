import "server-only";
import { randomBytes } from "node:crypto";
import type { Database } from "@/lib/database/client";
import { env } from "@/lib/env";

let cached: string | undefined;

/**
 * The session-signing secret: NEXTAUTH_SECRET, or one generated on first use and kept in the
 * database, so it survives restarts and every instance behind a load balancer agrees on it.
 */
export async function getAuthSecret(db: Database): Promise<string> {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (cached) return cached;
  // prepareDatabase creates it at start-up (lib/setup/bootstrap.ts), so a request only reads it;
  // creating it here is the fallback for a database prepared some other way.
  const existing = await db.appSetting.findUnique({ where: { key: "auth.secret" } });
  if (existing) return (cached = existing.value);
  await db.appSetting.createMany({
    data: [{ key: "auth.secret", value: randomBytes(48).toString("base64url") }],
    skipDuplicates: true,
  });
  const row = await db.appSetting.findUniqueOrThrow({ where: { key: "auth.secret" } });
  cached = row.value;
  return cached;
}
