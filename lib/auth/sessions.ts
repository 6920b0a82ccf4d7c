// Server-side sessions and API tokens resolve to an Actor on every request, from the database:
// sign-out, deactivation and revocation take effect at once on every app instance.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Database } from "@/lib/database/client";
import { AppError } from "@/lib/errors";
import { hashApiToken } from "./api-tokens";
import { apiTokenLimit, hitRateLimit } from "./rate-limit";
import { anonymous, roleFromDb, type Actor } from "./permissions";

export const SESSION_DAYS = 30;
const TOUCH_AFTER_MS = 5 * 60_000;

/** What an Actor is made of (see actorFromUser). */
export const actorSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  organizationId: true,
  active: true,
  managedProviders: { select: { providerId: true } },
} as const;

/** The actor a user is on every request, from a row read with actorSelect. */
export function actorFromUser(user: {
  id: string;
  email: string;
  name: string;
  role: "ADMIN" | "ACCOUNT_MANAGER" | "AUDITOR" | "CUSTOMER";
  organizationId: string | null;
  managedProviders: { providerId: string }[];
}): Actor {
  return {
    kind: "user",
    id: user.id,
    email: user.email,
    name: user.name,
    role: roleFromDb(user.role),
    organizationId: user.organizationId,
    managedProviderIds: user.managedProviders.map((m) => m.providerId),
  };
}

export async function createSession(options: { db: Database; userId: string; userAgent?: string | null }) {
  const id = randomBytes(32).toString("hex");
  await options.db.session.create({
    data: {
      id,
      userId: options.userId,
      expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
      userAgent: options.userAgent?.slice(0, 300) ?? null,
    },
  });
  return id;
}

export async function actorFromSession(options: { db: Database; sessionId: string }): Promise<Actor> {
  const session = await options.db.session.findUnique({
    where: { id: options.sessionId },
    select: { expiresAt: true, lastSeenAt: true, user: { select: actorSelect } },
  });
  if (!session || session.expiresAt <= new Date() || !session.user.active) return anonymous;
  if (Date.now() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await options.db.session.update({ where: { id: options.sessionId }, data: { lastSeenAt: new Date() } });
  }
  return actorFromUser(session.user);
}

/** null: no such live token (unknown, revoked, or its owner is deactivated). */
export async function actorFromApiToken(options: { db: Database; token: string }): Promise<Actor | null> {
  const row = await options.db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(options.token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: actorSelect } },
  });
  if (!row || row.revokedAt || !row.user.active) return null;
  const { allowed, retryAfterSeconds } = await hitRateLimit({
    db: options.db,
    key: `api-token:${row.id}`,
    rule: apiTokenLimit,
  });
  if (!allowed)
    throw new AppError(
      "RATE_LIMITED",
      `This API token has made more than ${apiTokenLimit.limit} requests in ${apiTokenLimit.windowSeconds} seconds. Try again in ${retryAfterSeconds} s.`,
      { retryAfterSeconds },
    );
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > TOUCH_AFTER_MS) {
    await options.db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return actorFromUser(row.user);
}

export async function deleteSession(options: { db: Database; sessionId: string }) {
  await options.db.session.deleteMany({ where: { id: options.sessionId } });
}
