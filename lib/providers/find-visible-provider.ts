import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/permissions";
import { visibleProviderWhere } from "@/lib/auth/visibility";
import { getDb } from "@/lib/db";

export interface VisibleProvider {
  id: string;
  slug: string;
  name: string;
}

/**
 * The provider's id, slug and name when it exists and the actor may see it, else null: one small
 * query, for 404 decisions and titles (a hidden provider is exactly as absent as an unknown one).
 * Deduplicated per request.
 */
export function findVisibleProvider(options: { actor: Actor; slug: string }): Promise<VisibleProvider | null> {
  return lookUp(options.actor, options.slug);
}

const lookUp = cache((actor: Actor, slug: string): Promise<VisibleProvider | null> =>
  getDb().provider.findFirst({
    where: { AND: [{ slug }, visibleProviderWhere(actor)] },
    select: { id: true, slug: true, name: true },
  }),
);
