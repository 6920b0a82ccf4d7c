import type { Actor } from "@/lib/auth/permissions";
import { visibleProviderWhere } from "@/lib/auth/visibility";
import type { Database } from "@/lib/database/client";
import type { ProviderDocument } from "@/lib/validation/provider-document";
import { parseStoredProviderDocument } from "@/lib/validation/stored-provider-document";
import type { VersionSummary } from "./list-versions";

/** One published version as it was; null when the provider is unknown or hidden, or no such version. */
export async function getVersion(options: {
  db: Database;
  actor: Actor;
  provider: string;
  number: number;
}): Promise<(VersionSummary & { document: ProviderDocument }) | null> {
  const version = await options.db.providerVersion.findFirst({
    where: {
      number: options.number,
      provider: { AND: [{ slug: options.provider }, visibleProviderWhere(options.actor)] },
    },
    select: { number: true, note: true, contentHash: true, publishedAt: true, publishedBy: true, document: true },
  });
  return version ? { ...version, document: parseStoredProviderDocument(version.document) } : null;
}
