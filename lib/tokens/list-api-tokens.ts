import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";

export interface ApiTokenListItem {
  id: string;
  name: string;
  /** The token's first characters, so people can tell tokens apart. Never the hash. */
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  /** Who issued it; null when issued from the command line or the issuer was deleted. */
  createdBy: { id: string; name: string } | null;
}

/** A user's API tokens, newest first (needs manage:tokens). Hashes never leave this function. */
export async function listApiTokens(options: {
  db?: Database;
  actor: Actor;
  userId: string;
}): Promise<ApiTokenListItem[]> {
  const db = options.db ?? getDb();
  requirePermission(options.actor, "manage:tokens");
  const rows = await db.apiToken.findMany({
    where: { userId: options.userId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdById: true,
    },
  });
  const issuerIds = [...new Set(rows.flatMap((r) => (r.createdById ? [r.createdById] : [])))];
  const issuers = issuerIds.length
    ? await db.user.findMany({ where: { id: { in: issuerIds } }, select: { id: true, name: true } })
    : [];
  const issuerById = new Map(issuers.map((u) => [u.id, u]));
  return rows.map(({ createdById, ...token }) => ({
    ...token,
    createdBy: createdById ? (issuerById.get(createdById) ?? null) : null,
  }));
}
