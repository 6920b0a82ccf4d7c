import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { getPublishedProvider } from "@/lib/published/get-published-provider";

export interface VisibleProvider {
  id: string;
  slug: string;
  name: string;
}

/**
 * The provider's id, slug and name when it exists and the actor may see it, else null, for 404
 * decisions and titles (a hidden provider is exactly as absent as an unknown one). Shares the
 * request's one provider lookup with the published reads.
 */
export async function findVisibleProvider(options: { actor: Actor; slug: string }): Promise<VisibleProvider | null> {
  const published = await getPublishedProvider({ actor: options.actor, provider: options.slug });
  if (!published) return null;
  const { id, slug, name } = published.provider;
  return { id, slug, name };
}
