import "server-only";
import { cache } from "react";
import { can, type Actor } from "@/lib/auth/permissions";
import { visibleProviderWhere, visibleServiceWhere } from "@/lib/auth/visibility";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";

/** "provider/service" slugs, the key pages look services up by. */
export type SubscribedServices = ReadonlySet<string>;

export const subscriptionKey = (provider: string, service: string) => `${provider}/${service}`;

/**
 * The services the signed-in customer's organization subscribes to (and may see), so pages can mark
 * them and point at My obligations. Empty for everyone without obligations of their own.
 */
export function getSubscribedServices(options: { db?: Database; actor: Actor }): Promise<SubscribedServices> {
  if (options.db) return load(options.db, options.actor);
  return loadForRequest(options.actor);
}

async function load(db: Database, actor: Actor): Promise<SubscribedServices> {
  if (actor.kind !== "user" || !actor.organizationId || !can(actor, "read:obligations:own")) return new Set();
  const rows = await db.service.findMany({
    where: {
      AND: [{ subscriptions: { some: { organizationId: actor.organizationId } } }, visibleServiceWhere(actor)],
      provider: visibleProviderWhere(actor),
    },
    select: { slug: true, provider: { select: { slug: true } } },
  });
  return new Set(rows.map((row) => subscriptionKey(row.provider.slug, row.slug)));
}

// Once per request: the catalog, a provider page and a service page each ask.
const loadForRequest = cache((actor: Actor) => load(getDb(), actor));
