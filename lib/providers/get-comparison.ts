import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { compareHands, describeHands, modelColumns, openModels, serviceColumns } from "@/lib/model/compare-hands";
import { getPublishedProvider } from "@/lib/published/get-published-provider";
import { isPublished, publishedDocument, publishedView } from "@/lib/published/published-cache";
import { partiesToDto, serviceToDetail } from "@/lib/transfer/document-to-dto";
import { comparisonDto, type ComparisonDto } from "@/lib/validation/api";
import type { ProviderDocument } from "@/lib/validation/provider-document";

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

async function loadComparison(actor: Actor, slug: string, serviceSlug: string | null): Promise<ComparisonDto | null> {
  const published = await getPublishedProvider({ actor, provider: slug });
  if (!published || !isPublished(published)) return null;
  return publishedView(published, `comparison:${serviceSlug ?? ""}`, async () =>
    compare(await publishedDocument(published), serviceSlug),
  );
}

function compare(document: ProviderDocument, serviceSlug: string | null): ComparisonDto | null {
  const { parties } = document;
  const services = document.services.map((service) => serviceToDetail({ provider: document, parties, service }));
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
  const providerName = parties.find((party) => party.role === "provider")?.name ?? document.name;
  return comparisonDto.parse({
    provider: { slug: document.slug, name: document.name },
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
}
