import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { manageableProviderIds, requireOrganizationsAccess } from "./access";

export interface OrganizationListItem {
  id: string;
  slug: string;
  name: string;
  createdAt: Date;
  memberCount: number;
  /** Subscriptions the actor may see: all for admins, their providers' services for account managers. */
  subscriptionCount: number;
}

/**
 * Every organization, A–Z. Gate: manage:users, or manage:subscriptions for at least one provider
 * (administrators and account managers with an assigned provider; see ./access.ts).
 */
export async function listOrganizations(options: { db?: Database; actor: Actor }): Promise<OrganizationListItem[]> {
  const db = options.db ?? getDb();
  requireOrganizationsAccess(options.actor);
  const providerIds = manageableProviderIds(options.actor);
  const subscriptions: Prisma.SubscriptionWhereInput =
    providerIds === null ? {} : { service: { providerId: { in: [...providerIds] } } };
  const rows = await db.organization.findMany({
    orderBy: [{ name: "asc" }, { slug: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      createdAt: true,
      _count: { select: { users: true, subscriptions: { where: subscriptions } } },
    },
  });
  return rows.map(({ _count, ...o }) => ({ ...o, memberCount: _count.users, subscriptionCount: _count.subscriptions }));
}
