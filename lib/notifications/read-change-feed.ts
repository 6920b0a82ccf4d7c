// The impacts a secret feed address shows: its organization's newest, for feed readers that hold no
// session. An unknown or revoked address is NOT_FOUND, the same as one that never existed.
import "server-only";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { feedTokenHash } from "./change-feed-token";
import { readImpactSystems } from "./impact-document";
import { impactSummarySelect, toImpactSummary } from "./list-change-impacts";

const entryLimit = 50;

export async function readChangeFeed(options: { db?: Database; token: string }) {
  const db = options.db ?? getDb();
  const feed = /^[A-Za-z0-9_-]{20,64}$/.test(options.token)
    ? await db.changeFeed.findUnique({
        where: { tokenHash: feedTokenHash(options.token) },
        select: { id: true, organization: { select: { id: true, slug: true, name: true } } },
      })
    : null;
  if (!feed) throw new AppError("NOT_FOUND", "No such feed: it may have been revoked.");
  const rows = await db.changeImpact.findMany({
    where: { organizationId: feed.organization.id },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: entryLimit,
    select: { ...impactSummarySelect, systems: true },
  });
  return {
    feedId: feed.id,
    organization: feed.organization,
    impacts: rows.map((row) => ({ ...toImpactSummary(row), systems: readImpactSystems(row.systems) })),
  };
}
