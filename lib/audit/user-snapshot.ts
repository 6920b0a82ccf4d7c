// The allowlisted account fields audit entries record as before/after values. Never the password
// hash: only what is selected here can reach the log.
import "server-only";
import { roleFromDb, type Role } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";

export const userSnapshotSelect = {
  email: true,
  name: true,
  role: true,
  organizationId: true,
  active: true,
} satisfies Prisma.UserSelect;

// A type alias, not an interface, so it is assignable to Prisma's JSON input type.
export type UserSnapshot = {
  email: string;
  name: string;
  role: Role;
  organizationId: string | null;
  active: boolean;
};

export function userSnapshot(row: Prisma.UserGetPayload<{ select: typeof userSnapshotSelect }>): UserSnapshot {
  return {
    email: row.email,
    name: row.name,
    role: roleFromDb(row.role),
    organizationId: row.organizationId,
    active: row.active,
  };
}

/** The account's current snapshot, or null when there is no such account. */
export async function readUserSnapshot(
  tx: Pick<Prisma.TransactionClient, "user">,
  userId: string,
): Promise<UserSnapshot | null> {
  const row = await tx.user.findUnique({ where: { id: userId }, select: userSnapshotSelect });
  return row && userSnapshot(row);
}

/** The providers an account manager is assigned to, sorted, so entries compare and read stably. */
export async function readManagedProviderIds(
  tx: Pick<Prisma.TransactionClient, "providerManager">,
  userId: string,
): Promise<string[]> {
  const rows = await tx.providerManager.findMany({ where: { userId }, select: { providerId: true } });
  return rows.map((r) => r.providerId).sort();
}
