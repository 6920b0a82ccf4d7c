import "server-only";
import { roleFromDb, type Actor, type Role } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";

export interface ProviderChoice {
  id: string;
  slug: string;
  name: string;
  isPrivate: boolean;
}

export interface UserDetail {
  id: string;
  email: string;
  name: string;
  role: Role;
  organization: { id: string; slug: string; name: string } | null;
  active: boolean;
  deactivatedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** For optimistic concurrency: every edit form sends it back. */
  version: number;
  /** False for accounts that only sign in through SSO. */
  hasPassword: boolean;
  /** The providers an account manager is assigned to (A–Z). */
  managedProviders: ProviderChoice[];
  /** Every provider, for the account manager's checklist (A–Z). */
  providerChoices: ProviderChoice[];
}

const providerSelect = { id: true, slug: true, name: true, isPrivate: true } as const;

/** One account with what its admin page shows; null when there is no such user. Needs manage:users. */
export async function getUser(options: { db?: Database; actor: Actor; userId: string }): Promise<UserDetail | null> {
  const db = options.db ?? getDb();
  requirePermission(options.actor, "manage:users");
  const [user, providerChoices] = await Promise.all([
    db.user.findUnique({
      where: { id: options.userId },
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        active: true,
        deactivatedAt: true,
        createdAt: true,
        updatedAt: true,
        version: true,
        passwordHash: true,
        organization: { select: { id: true, slug: true, name: true } },
        managedProviders: { select: { provider: { select: providerSelect } }, orderBy: { provider: { name: "asc" } } },
      },
    }),
    db.provider.findMany({ orderBy: { name: "asc" }, select: providerSelect }),
  ]);
  if (!user) return null;
  const { passwordHash, managedProviders, role, ...rest } = user;
  return {
    ...rest,
    role: roleFromDb(role),
    hasPassword: passwordHash !== null,
    managedProviders: managedProviders.map((m) => m.provider),
    providerChoices,
  };
}
