// Every organization's systems, for admins and auditors: organizations by name, their systems by name.
import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { systemTierSchema } from "@/lib/validation/system";
import type { SystemSummary } from "./list-systems";
import { SUBSCRIBED_SERVICES } from "./subscribed-services";

export interface OrganizationSystems {
  organization: { slug: string; name: string };
  systems: SystemSummary[];
  /** It subscribes to services, whose duties it may track apart from any system. */
  subscribes: boolean;
}

export async function listEverySystem(options: { db?: Database; actor: Actor }): Promise<OrganizationSystems[]> {
  requirePermission(options.actor, "read:systems:any");
  const db = options.db ?? getDb();
  const organizations = await db.organization.findMany({
    where: { OR: [{ systems: { some: { slug: { not: SUBSCRIBED_SERVICES } } } }, { subscriptions: { some: {} } }] },
    orderBy: { name: "asc" },
    select: {
      slug: true,
      name: true,
      systems: {
        where: { slug: { not: SUBSCRIBED_SERVICES } },
        orderBy: { name: "asc" },
        select: { slug: true, name: true, description: true, tiers: true, updatedAt: true },
      },
      _count: { select: { subscriptions: true } },
    },
  });
  return organizations.map(({ systems, _count, ...organization }) => ({
    organization,
    subscribes: _count.subscriptions > 0,
    systems: systems.map(({ tiers, ...row }) => ({ ...row, tierCount: systemTierSchema.array().parse(tiers).length })),
  }));
}
