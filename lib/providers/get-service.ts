import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { getPublishedProvider } from "@/lib/published/get-published-provider";
import { isPublished, publishedDocument, publishedView } from "@/lib/published/published-cache";
import { documentToServiceDetail } from "@/lib/transfer/document-to-dto";
import type { ServiceDetailDto } from "@/lib/validation/api";

/**
 * One service's matrix, stack and deployment models as published; null when the provider or
 * service is unknown, hidden from the actor or not published.
 */
export async function getService(options: {
  actor: Actor;
  provider: string;
  service: string;
}): Promise<ServiceDetailDto | null> {
  const published = await getPublishedProvider({ actor: options.actor, provider: options.provider });
  if (!published || !isPublished(published)) return null;
  return publishedView(published, `service:${options.service}`, async () =>
    documentToServiceDetail(await publishedDocument(published), options.service),
  );
}
