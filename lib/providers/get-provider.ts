import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { getPublishedProvider, type PublishedProvider } from "@/lib/published/get-published-provider";
import { isPublished, publishedDocument, publishedView } from "@/lib/published/published-cache";
import { documentToProviderDetail } from "@/lib/transfer/document-to-dto";
import { providerDetailDto, type ProviderDetailDto } from "@/lib/validation/api";

/**
 * A provider with everything the provider page and API show (its newest published version, the
 * services the actor may see); null when unknown or not visible to the actor.
 */
export async function getProvider(options: { actor: Actor; slug: string }): Promise<ProviderDetailDto | null> {
  const published = await getPublishedProvider({ actor: options.actor, provider: options.slug });
  if (!published) return null;
  if (!isPublished(published)) return unpublishedDetail(published.provider);
  return publishedView(published, "provider", async () => documentToProviderDetail(await publishedDocument(published)));
}

/** A provider that exists only as a draft (its managers and staff see it): its name and nothing published. */
function unpublishedDetail(p: PublishedProvider["provider"]): ProviderDetailDto {
  return providerDetailDto.parse({
    slug: p.slug,
    published: false,
    name: p.name,
    summary: p.summary,
    brandColor: p.brandColor,
    serviceCount: 0,
    areaCount: 0,
    source: { title: p.sourceTitle, document: p.sourceDocument, url: p.sourceUrl, retrieved: p.sourceRetrieved },
    parties: [],
    compliance: [],
    contacts: [],
    sections: [],
    crossCuttingGroups: [],
    crossCuttingAreas: [],
    services: [],
    deploymentModels: [],
  } satisfies ProviderDetailDto);
}
