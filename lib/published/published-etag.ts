import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { getPublishedProvider } from "./get-published-provider";

/**
 * The strong ETag of a published read: the version's content hash (with the reader's view of it
 * when they see only some services), and `part` for a representation of one piece of it. Null when
 * the provider is unknown, hidden or unpublished (those answers are never tagged).
 */
export async function publishedEtag(options: {
  actor: Actor;
  provider: string;
  part?: string;
}): Promise<string | null> {
  const view = (await getPublishedProvider(options))?.view;
  if (!view) return null;
  if (!options.part) return view.etag;
  return `${view.etag.slice(0, -1)}.${options.part.replace(/[^A-Za-z0-9._:-]/g, "_")}"`;
}
