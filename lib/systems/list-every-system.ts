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
}

export async function listEverySystem(options: { db?: Database; actor: Actor }): Promise<OrganizationSystems[]> {
  requirePermission(options.actor, "read:systems:any");
  const db = options.db ?? getDb();
  const organizations = await db.organization.findMany({
    where: { systems: { some: { slug: { not: SUBSCRIBED_SERVICES } } } },
    orderBy: { name: "asc" },
    select: {
      slug: true,
      name: true,
      systems: {
        where: { slug: { not: SUBSCRIBED_SERVICES } },
        orderBy: { name: "asc" },
        select: { slug: true, name: true, description: true, tiers: true, updatedAt: true },
      },
    },
  });
  return organizations.map(({ systems, ...organization }) => ({
    organization,
    systems: systems.map(({ tiers, ...row }) => ({ ...row, tierCount: systemTierSchema.array().parse(tiers).length })),
  }));
}
