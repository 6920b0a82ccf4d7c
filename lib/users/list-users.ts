import "server-only";
import { roleFromDb, type Actor, type Role } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";

export interface UserListItem {
  id: string;
  email: string;
  name: string;
  role: Role;
  organization: { id: string; slug: string; name: string } | null;
  active: boolean;
  deactivatedAt: Date | null;
  createdAt: Date;
  /** Names of the providers an account manager is assigned to (A–Z). */
  managedProviders: string[];
  /** API tokens: live ones (not revoked) and all ever issued. */
  tokens: { active: number; total: number };
}

/** Every account, for administrators (needs manage:users). */
export async function listUsers(options: { db?: Database; actor: Actor }): Promise<UserListItem[]> {
  const db = options.db ?? getDb();
  requirePermission(options.actor, "manage:users");
  const rows = await db.user.findMany({
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      deactivatedAt: true,
      createdAt: true,
      organization: { select: { id: true, slug: true, name: true } },
      managedProviders: { select: { provider: { select: { name: true } } }, orderBy: { provider: { name: "asc" } } },
      apiTokens: { select: { revokedAt: true } },
    },
  });
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: roleFromDb(u.role),
    organization: u.organization,
    active: u.active,
    deactivatedAt: u.deactivatedAt,
    createdAt: u.createdAt,
    managedProviders: u.managedProviders.map((m) => m.provider.name),
    tokens: { active: u.apiTokens.filter((t) => !t.revokedAt).length, total: u.apiTokens.length },
  }));
}
