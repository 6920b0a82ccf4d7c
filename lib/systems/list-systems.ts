// The systems of the actor's organization (or a named one, for admins and auditors), by name.
import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { systemTierSchema } from "@/lib/validation/system";
import { SUBSCRIBED_SERVICES } from "./subscribed-services";
import { findSystemScope, type SystemScope } from "./system-scope";

export interface SystemSummary {
  slug: string;
  name: string;
  description: string | null;
  tierCount: number;
  updatedAt: Date;
}

export async function listSystems(options: {
  db?: Database;
  actor: Actor;
  organization?: string | null;
}): Promise<SystemScope & { systems: SystemSummary[] }> {
  const db = options.db ?? getDb();
  const scope = await findSystemScope({ db, actor: options.actor, organization: options.organization });
  const rows = await db.system.findMany({
    where: { organizationId: scope.organization.id, slug: { not: SUBSCRIBED_SERVICES } },
    orderBy: { name: "asc" },
    select: { slug: true, name: true, description: true, tiers: true, updatedAt: true },
  });
  return {
    ...scope,
    systems: rows.map(({ tiers, ...row }) => ({ ...row, tierCount: systemTierSchema.array().parse(tiers).length })),
  };
}
