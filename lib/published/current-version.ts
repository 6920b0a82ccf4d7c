import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { getPublishedProvider } from "@/lib/published/get-published-provider";

export interface CurrentVersion {
  number: number;
  publishedAt: Date;
}

/**
 * The newest published version of a provider the actor may see — the one its live pages show —
 * or null (unknown, hidden, or not published yet). Shares the request's one provider lookup.
 */
export async function getCurrentVersion(options: { actor: Actor; provider: string }): Promise<CurrentVersion | null> {
  const version = (await getPublishedProvider(options))?.version;
  return version ? { number: version.number, publishedAt: version.publishedAt } : null;
}
