import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/permissions";
import { visibleProviderWhere, visibleServiceWhere } from "@/lib/auth/visibility";
import { getDb } from "@/lib/db";
import { serviceToDetail } from "@/lib/transfer/document-to-dto";
import {
  partyToDocument,
  serviceDocumentInclude,
  serviceToDocument,
  sourceSelect,
  sourceToDocument,
} from "@/lib/transfer/read-provider-document";
import type { ServiceDetailDto } from "@/lib/validation/api";
import { partySelect } from "./to-dto";

/** One service's matrix, stack and deployment models; null when the provider or service is unknown. */
export function getService(options: {
  actor: Actor;
  provider: string;
  service: string;
}): Promise<ServiceDetailDto | null> {
  return loadService(options.actor, options.provider, options.service);
}

// Deduplicated per request: the segment layout (404 check) and the page ask for the same service.
const loadService = cache(async (actor: Actor, provider: string, service: string): Promise<ServiceDetailDto | null> => {
  const s = await getDb().service.findFirst({
    where: {
      AND: [
        { slug: service, provider: { AND: [{ slug: provider }, visibleProviderWhere(actor)] } },
        visibleServiceWhere(actor),
      ],
    },
    include: {
      provider: {
        select: {
          slug: true,
          name: true,
          brandColor: true,
          ...sourceSelect,
          parties: { orderBy: { position: "asc" }, select: partySelect },
        },
      },
      ...serviceDocumentInclude,
    },
  });
  if (!s) return null;
  return serviceToDetail({
    provider: { ...s.provider, source: sourceToDocument(s.provider) },
    parties: s.provider.parties.map(partyToDocument),
    service: serviceToDocument(s),
  });
});
