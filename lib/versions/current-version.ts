import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/permissions";
import { visibleProviderWhere } from "@/lib/auth/visibility";
import { getDb } from "@/lib/db";

export interface CurrentVersion {
  number: number;
  publishedAt: Date;
}

/**
 * The newest published version of a provider the actor may see — the one its live pages show —
 * or null (unknown, hidden, or not published yet). One small query, deduplicated per request.
 */
export function getCurrentVersion(options: { actor: Actor; provider: string }): Promise<CurrentVersion | null> {
  return lookUp(options.actor, options.provider);
}

const lookUp = cache((actor: Actor, slug: string): Promise<CurrentVersion | null> =>
  getDb().providerVersion.findFirst({
    where: { provider: { AND: [{ slug }, visibleProviderWhere(actor)] } },
    orderBy: { number: "desc" },
    select: { number: true, publishedAt: true },
  }),
);
