import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/permissions";
import { visibleProviderWhere, visibleServiceWhere } from "@/lib/auth/visibility";
import { getDb } from "@/lib/db";
import { compareHands, describeHands, modelColumns, openModels, serviceColumns } from "@/lib/domain/compare-hands";
import { partiesToDto, serviceToDetail } from "@/lib/transfer/document-to-dto";
import {
  partyToDocument,
  serviceDocumentInclude,
  serviceToDocument,
  sourceSelect,
  sourceToDocument,
} from "@/lib/transfer/read-provider-document";
import { comparisonDto, type ComparisonDto } from "@/lib/validation/api";
import { partySelect } from "./to-dto";

/**
 * Which areas change hands between the provider's services the actor may see or, with `service`,
 * between that service's deployment models. Without `service`, a provider with fewer than two
 * visible services compares the models of its first service that has two or more. Null when the
 * provider, or the named service, is unknown or hidden.
 */
export function getComparison(options: {
  actor: Actor;
  slug: string;
  service?: string | null;
}): Promise<ComparisonDto | null> {
  return loadComparison(options.actor, options.slug, options.service ?? null);
}

// Deduplicated per request: the page's metadata and body ask for the same comparison.
const loadComparison = cache(async (actor: Actor, slug: string, serviceSlug: string | null) => {
  const p = await getDb().provider.findFirst({
    where: { AND: [{ slug }, visibleProviderWhere(actor)] },
    select: {
      slug: true,
      name: true,
      brandColor: true,
      ...sourceSelect,
      parties: { orderBy: { position: "asc" }, select: partySelect },
      services: {
        where: visibleServiceWhere(actor),
        orderBy: { position: "asc" },
        include: serviceDocumentInclude,
      },
    },
  });
  if (!p) return null;
  const parties = p.parties.map(partyToDocument);
  const services = p.services.map((s) =>
    serviceToDetail({ provider: { ...p, source: sourceToDocument(p) }, parties, service: serviceToDocument(s) }),
  );
  // Only models with responsibilities of their own can be compared (see modelColumns).
  const modelChoices = services
    .map((s) => ({ slug: s.slug, name: s.name, modelCount: s.deploymentModels.filter((m) => !m.open).length }))
    .filter((s) => s.modelCount >= 2);

  const chosen = serviceSlug
    ? services.find((s) => s.slug === serviceSlug)
    : services.length < 2 && modelChoices[0]
      ? services.find((s) => s.slug === modelChoices[0]!.slug)
      : null;
  if (serviceSlug && !chosen) return null;

  const comparison = compareHands(chosen ? modelColumns(chosen) : serviceColumns(services));
  const providerName = parties.find((party) => party.role === "provider")?.name ?? p.name;
  return comparisonDto.parse({
    provider: { slug: p.slug, name: p.name },
    parties: partiesToDto(parties),
    service: chosen ? { slug: chosen.slug, name: chosen.name } : null,
    serviceCount: services.length,
    modelChoices,
    ...comparison,
    leftOpen: chosen ? openModels(chosen) : [],
    caption: describeHands(comparison, {
      providerName,
      noun: chosen ? { one: "deployment model", many: "deployment models" } : { one: "service", many: "services" },
    }),
  } satisfies ComparisonDto);
});
