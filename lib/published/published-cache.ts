// Published versions never change, so their parsed documents and everything rendered from them
// (DTOs, exports) are kept in memory under the version's id and the reader's view, and are never
// invalidated: a publish makes a new version, whose id the next request's lookup returns, on every
// instance at once. Both caches are bounded; the least recently used entries go first.
import "server-only";
import { LruCache } from "@/lib/cache/lru";
import { getDb } from "@/lib/db";
import type { ProviderDocument } from "@/lib/validation/provider-document";
import { parseStoredProviderDocument } from "@/lib/validation/stored-provider-document";
import { restrictDocument } from "@/lib/versions/version-format";
import type { PublishedProvider } from "./get-published-provider";

type Published = PublishedProvider & { version: NonNullable<PublishedProvider["version"]>; view: { key: string } };

// One pair of caches per process, even where the bundler gives route handlers and pages their own
// copy of this module.
const store = globalThis as unknown as {
  demarcVersionDocuments?: LruCache<Promise<ProviderDocument>>;
  demarcPublishedViews?: LruCache<unknown>;
};
const documents = (store.demarcVersionDocuments ??= new LruCache(48));
const views = (store.demarcPublishedViews ??= new LruCache(512));

/** A version's whole document, read and parsed once per process. */
export function versionDocument(versionId: string): Promise<ProviderDocument> {
  return documents.getOrCompute(versionId, async () => {
    const row = await getDb().providerVersion.findUniqueOrThrow({
      where: { id: versionId },
      select: { document: true },
    });
    return deepFreeze(parseStoredProviderDocument(row.document));
  });
}

/** The published document as this reader may see it (only the services they may see). */
export function publishedDocument(published: Published): Promise<ProviderDocument> {
  return publishedView(published, "document", async () =>
    restrictDocument(await versionDocument(published.version.id), published.services),
  );
}

/**
 * Something derived from what this reader sees of the published version (`name` says what, with its
 * arguments), computed once per view and kept: callers must not mutate it.
 */
export function publishedView<T>(published: Published, name: string, compute: () => Promise<T>): Promise<T> {
  return views.getOrCompute(`${published.view.key}|${name}`, async () => deepFreeze(await compute())) as Promise<T>;
}

/** Shared by every request: frozen, so code that would change it in place fails loudly instead. */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}

export function isPublished(published: PublishedProvider): published is Published {
  return published.version !== null && published.view !== null;
}
