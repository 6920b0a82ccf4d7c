import "server-only";
import { roleFromDb, type Actor, type Role } from "@/lib/auth/permissions";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { manageableProviderIds, requireOrganizationsAccess } from "./access";

export interface OrganizationDetail {
  id: string;
  slug: string;
  name: string;
  createdAt: Date;
  version: number;
  members: { id: string; name: string; email: string; role: Role; active: boolean }[];
  /**
   * The providers whose subscriptions the actor manages (all for admins, their own for account
   * managers), A–Z, each with every service and whether this organization subscribes to it.
   */
  providers: {
    id: string;
    slug: string;
    name: string;
    isPrivate: boolean;
    services: { id: string; slug: string; name: string; subscribed: boolean }[];
  }[];
}

/**
 * One organization by slug, with members and subscriptions grouped by provider; null when unknown.
 * Same gate as listOrganizations. Account managers see only their providers' services.
 */
export async function getOrganization(options: {
  db?: Database;
  actor: Actor;
  slug: string;
}): Promise<OrganizationDetail | null> {
  const db = options.db ?? getDb();
  requireOrganizationsAccess(options.actor);
  const providerIds = manageableProviderIds(options.actor);
  const organization = await db.organization.findUnique({
    where: { slug: options.slug },
    select: {
      id: true,
      slug: true,
      name: true,
      createdAt: true,
      version: true,
      users: {
        orderBy: [{ name: "asc" }, { email: "asc" }],
        select: { id: true, name: true, email: true, role: true, active: true },
      },
    },
  });
  if (!organization) return null;
  const providers = await db.provider.findMany({
    where: providerIds === null ? {} : { id: { in: [...providerIds] } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      isPrivate: true,
      services: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          slug: true,
          name: true,
          subscriptions: { where: { organizationId: organization.id }, select: { serviceId: true } },
        },
      },
    },
  });
  const { users, ...rest } = organization;
  return {
    ...rest,
    members: users.map((u) => ({ ...u, role: roleFromDb(u.role) })),
    providers: providers.map((p) => ({
      ...p,
      services: p.services.map(({ subscriptions, ...s }) => ({ ...s, subscribed: subscriptions.length > 0 })),
    })),
  };
}
