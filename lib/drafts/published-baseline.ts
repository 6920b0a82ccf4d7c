import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/permissions";
import { visibleProviderWhere } from "@/lib/auth/visibility";
import { getDb } from "@/lib/db";
import type { ProviderDocument } from "@/lib/validation/provider-document";
import { parseStoredProviderDocument } from "@/lib/validation/stored-provider-document";

/**
 * What a draft is compared with before publishing: the newest published version of a provider the
 * actor may see, with its document; null before the first publication. Once per request.
 */
export const getPublishedBaseline = cache(
  async (actor: Actor, slug: string): Promise<{ number: number; document: ProviderDocument } | null> => {
    const row = await getDb().providerVersion.findFirst({
      where: { provider: { AND: [{ slug }, visibleProviderWhere(actor)] } },
      orderBy: { number: "desc" },
      select: { number: true, document: true },
    });
    return row && { number: row.number, document: parseStoredProviderDocument(row.document) };
  },
);
