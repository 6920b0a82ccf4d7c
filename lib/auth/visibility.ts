// What an actor may know exists. Every read goes through these filters, so private content never
// appears in pages, search, the API, the heatmap or error messages (unknown and hidden look alike).
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type Actor } from "./permissions";

const published = { publishedAt: { not: null } } satisfies Prisma.ProviderWhereInput;

/**
 * Providers the actor may know about: published public ones, published private ones their
 * organization subscribes to, and — published or not — the ones they manage (staff see all).
 */
export function visibleProviderWhere(actor: Actor): Prisma.ProviderWhereInput {
  if (can(actor, "read:provider:any")) return {};
  const anyOf: Prisma.ProviderWhereInput[] = [{ ...published, isPrivate: false }];
  if (actor.kind === "user") {
    if (actor.organizationId && can(actor, "read:provider:subscribed"))
      anyOf.push({
        ...published,
        services: { some: { subscriptions: { some: { organizationId: actor.organizationId } } } },
      });
    if (actor.managedProviderIds.length) anyOf.push({ id: { in: [...actor.managedProviderIds] } });
  }
  return { OR: anyOf };
}

/**
 * Services within visible providers: of a private provider, a customer sees only the services
 * their organization subscribes to.
 */
export function visibleServiceWhere(actor: Actor): Prisma.ServiceWhereInput {
  if (can(actor, "read:provider:any")) return {};
  const anyOf: Prisma.ServiceWhereInput[] = [{ provider: { isPrivate: false } }];
  if (actor.kind === "user") {
    if (actor.organizationId && can(actor, "read:provider:subscribed"))
      anyOf.push({ subscriptions: { some: { organizationId: actor.organizationId } } });
    if (actor.managedProviderIds.length) anyOf.push({ providerId: { in: [...actor.managedProviderIds] } });
  }
  return { OR: anyOf };
}
