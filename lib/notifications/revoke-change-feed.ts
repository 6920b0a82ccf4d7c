// Revoking a feed address deletes it: readers using it get 404 from the next request on.
import "server-only";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findChangeScope } from "./change-scope";

export async function revokeChangeFeed(options: { db?: Database; actor: Actor; id: string }): Promise<void> {
  const db = options.db ?? getDb();
  const { organization } = await findChangeScope({
    db,
    actor: options.actor,
    permission: "manage:notifications:organization",
  });
  await db.$transaction(async (tx) => {
    const { count } = await tx.changeFeed.deleteMany({ where: { id: options.id, organizationId: organization.id } });
    if (!count) throw new AppError("NOT_FOUND", "That feed address no longer exists.");
    await recordAudit({
      tx,
      actor: options.actor,
      action: "notifications.feed.revoke",
      target: { type: "feed", id: options.id },
      before: { organization: organization.slug },
    });
  });
}
