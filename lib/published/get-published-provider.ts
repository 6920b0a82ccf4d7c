// What a reader sees of a provider: its newest published version and which of its services they
// may see. Every published page, API read and export starts here: two small statements (plus one
// for a customer of a private provider), after which the version's document and everything derived from
// it come from memory (./published-cache.ts), keyed by the version and the reader's view of it.
import "server-only";
import { createHash } from "node:crypto";
import { cache } from "react";
import { can, type Actor } from "@/lib/auth/permissions";
import { visibleProviderWhere, visibleServiceWhere } from "@/lib/auth/visibility";
import { getDb } from "@/lib/db";
import { requestMemo } from "@/lib/request-memo";

export interface PublishedVersionHead {
  id: string;
  number: number;
  contentHash: string;
  publishedAt: Date;
  note: string;
  publishedBy: string;
}

export interface PublishedProvider {
  provider: {
    id: string;
    slug: string;
    name: string;
    summary: string;
    brandColor: string;
    isPrivate: boolean;
    sourceTitle: string;
    sourceDocument: string;
    sourceUrl: string | null;
    sourceRetrieved: string | null;
  };
  /** Null until the first publish: only the provider's managers and staff see such a provider. */
  version: PublishedVersionHead | null;
  /** Slugs of the services this reader may see; null when they see every service. */
  services: ReadonlySet<string> | null;
  /** Names what this reader sees (version and visible services): a cache key and a strong ETag. */
  view: { key: string; etag: string } | null;
}

/**
 * The provider if the actor may see it (unknown and hidden are both null), with its newest published
 * version and the actor's view of it. Deduplicated per request.
 */
export function getPublishedProvider(options: { actor: Actor; provider: string }): Promise<PublishedProvider | null> {
  return lookUp(options.actor, options.provider);
}

const lookUp = cache((actor: Actor, slug: string): Promise<PublishedProvider | null> =>
  requestMemo(`published-provider:${slug}`, () => query(actor, slug)),
);

async function query(actor: Actor, slug: string): Promise<PublishedProvider | null> {
  const db = getDb();
  // Whether the reader may see the provider: visibility rules are Prisma filters (../auth/visibility.ts).
  const visible = await db.provider.findFirst({
    where: { AND: [{ slug }, visibleProviderWhere(actor)] },
    select: { id: true },
  });
  if (!visible) return null;
  // The row and its newest version in one statement, hence one snapshot: read apart, a publish
  // committing between them would stamp version N's content with the previous version's name.
  const [row] = await db.$queryRaw<(PublishedProvider["provider"] & VersionColumns)[]>`
    SELECT p."id", p."slug", p."name", p."summary", p."brandColor", p."isPrivate", p."sourceTitle",
           p."sourceDocument", p."sourceUrl", p."sourceRetrieved",
           v."id" AS "versionId", v."number", v."contentHash", v."publishedAt", v."note", v."publishedBy"
    FROM "Provider" p
    LEFT JOIN LATERAL (
      SELECT * FROM "ProviderVersion" WHERE "providerId" = p."id" ORDER BY "number" DESC LIMIT 1
    ) v ON TRUE
    WHERE p."id" = ${visible.id}`;
  if (!row) return null;
  const { versionId, number, contentHash, publishedAt, note, publishedBy, ...provider } = row;
  const version = versionId === null ? null : { id: versionId, number, contentHash, publishedAt, note, publishedBy };
  const seesEveryService =
    !provider.isPrivate ||
    can(actor, "read:provider:any") ||
    can(actor, "read:provider:own", { providerId: provider.id });
  const services = seesEveryService
    ? null
    : new Set(
        (
          await db.service.findMany({
            where: { AND: [{ providerId: provider.id }, visibleServiceWhere(actor)] },
            select: { slug: true },
          })
        ).map((s) => s.slug),
      );
  return { provider, version, services, view: version ? viewOf(version, services) : null };
}

type VersionColumns = { versionId: string | null } & Omit<PublishedVersionHead, "id">;

function viewOf(version: PublishedVersionHead, services: ReadonlySet<string> | null) {
  if (services === null) return { key: version.id, etag: `"${version.contentHash}"` };
  const visible = createHash("sha256")
    .update([...services].sort().join("\n"))
    .digest("hex")
    .slice(0, 16);
  return { key: `${version.id}:${visible}`, etag: `"${version.contentHash}.${visible}"` };
}
