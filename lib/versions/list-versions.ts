import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { visibleProviderWhere } from "@/lib/auth/visibility";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";

export interface VersionSummary {
  number: number;
  note: string;
  contentHash: string;
  publishedAt: Date;
  publishedBy: string;
}

/** A visible provider's published versions, newest first; null when unknown or hidden. */
export async function listVersions(options: {
  db?: Database;
  actor: Actor;
  provider: string;
}): Promise<{ provider: { slug: string; name: string }; versions: VersionSummary[] } | null> {
  const db = options.db ?? getDb();
  const provider = await db.provider.findFirst({
    where: { AND: [{ slug: options.provider }, visibleProviderWhere(options.actor)] },
    select: {
      slug: true,
      name: true,
      versions: {
        orderBy: { number: "desc" },
        select: { number: true, note: true, contentHash: true, publishedAt: true, publishedBy: true },
      },
    },
  });
  return provider ? { provider: { slug: provider.slug, name: provider.name }, versions: provider.versions } : null;
}
