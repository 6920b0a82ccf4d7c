// A new secret address for the organization's Atom feed of changes (for feed readers and chat tools).
import "server-only";
import { actorLabel, recordAudit } from "@/lib/audit-trail/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findChangeScope } from "./change-scope";
import { changeFeedPath, feedTokenHash, newFeedToken } from "./change-feed-token";

const feedLimit = 5;

export async function createChangeFeed(options: { db?: Database; actor: Actor }): Promise<{ path: string }> {
  const db = options.db ?? getDb();
  const { organization } = await findChangeScope({
    db,
    actor: options.actor,
    permission: "manage:notifications:organization",
  });
  const token = newFeedToken();
  await db.$transaction(async (tx) => {
    // Serializes feed creation per organization, so the limit holds under concurrent requests.
    await tx.$queryRaw`SELECT 1 FROM "Organization" WHERE "id" = ${organization.id} FOR UPDATE`;
    if ((await tx.changeFeed.count({ where: { organizationId: organization.id } })) >= feedLimit)
      throw new AppError("CONFLICT", `An organization keeps at most ${feedLimit} feed addresses: revoke one first.`);
    const feed = await tx.changeFeed.create({
      data: { organizationId: organization.id, tokenHash: feedTokenHash(token), createdBy: actorLabel(options.actor) },
    });
    await recordAudit({
      tx,
      actor: options.actor,
      action: "notifications.feed.create",
      target: { type: "feed", id: feed.id },
      after: { organization: organization.slug },
    });
  });
  return { path: changeFeedPath(token) };
}
