// Deletes one of the organization's systems, audited with what it held.
import "server-only";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isSubscribedServices } from "./subscribed-services";
import { findSystemScope } from "./system-scope";

export async function deleteSystem(options: {
  db?: Database;
  actor: Actor;
  system: string;
  expectedVersion: number;
}): Promise<void> {
  const db = options.db ?? getDb();
  const scope = await findSystemScope({ db, actor: options.actor });
  requirePermission(options.actor, "edit:systems:organization");
  await db.$transaction(async (tx) => {
    const row = await tx.system.findUnique({
      where: { organizationId_slug: { organizationId: scope.organization.id, slug: options.system } },
    });
    // The subscribed services' tracking is not a system to delete.
    if (!row || isSubscribedServices(row.slug)) throw new AppError("NOT_FOUND", `No such system: "${options.system}".`);
    const { count } = await tx.system.deleteMany({ where: { id: row.id, version: options.expectedVersion } });
    if (count === 0)
      throw new AppError("CONFLICT", "Someone else changed this system since you opened it. Reload, then delete it.");
    await recordAudit({
      tx,
      actor: options.actor,
      action: "system.delete",
      target: { type: "system", id: row.id },
      before: {
        organization: scope.organization.slug,
        slug: row.slug,
        name: row.name,
        tiers: row.tiers,
        bindings: row.bindings,
      },
    });
  });
}
