import { randomUUID } from "node:crypto";
import { roleToDb, type Actor, type Role } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";

export type UserActor = Extract<Actor, { kind: "user" }>;

/** An organization with a unique slug, subscribed to the given services (ids). */
export async function makeOrganization(options: { serviceIds?: string[] } = {}) {
  const id = randomUUID().slice(0, 8);
  return getDb().organization.create({
    data: {
      slug: `org-${id}`,
      name: `Org ${id}`,
      subscriptions: { create: (options.serviceIds ?? []).map((serviceId) => ({ serviceId })) },
    },
  });
}

/** A user with a unique email; returns the row's id, the password and the matching Actor. */
export async function makeUser(
  options: {
    role?: Role;
    organizationId?: string;
    managedProviderIds?: string[];
    password?: string;
    active?: boolean;
  } = {},
): Promise<{ actor: UserActor; email: string; password: string }> {
  const role = options.role ?? "customer";
  const id = randomUUID().slice(0, 8);
  const password = options.password ?? `password-${id}-long`;
  const email = `user-${id}@example.test`;
  const user = await getDb().user.create({
    data: {
      email,
      name: `User ${id}`,
      role: roleToDb(role),
      passwordHash: await hashPassword(password),
      organizationId: options.organizationId ?? null,
      active: options.active ?? true,
      managedProviders: { create: (options.managedProviderIds ?? []).map((providerId) => ({ providerId })) },
    },
  });
  return {
    email,
    password,
    actor: {
      kind: "user",
      id: user.id,
      email,
      name: user.name,
      role,
      organizationId: user.organizationId,
      managedProviderIds: options.managedProviderIds ?? [],
    },
  };
}
