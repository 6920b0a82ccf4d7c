// Read functions for the version pages and the Atom feed. Like list-versions.ts,
// whoever may see a provider sees its versions (unknown and hidden providers are both null), with
// one more rule: of a private provider, a customer sees in every version only the services their
// organization subscribes to now, exactly as on the live pages. Publishers' email addresses are
// shown to staff only.
import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import { visibleProviderWhere, visibleServiceWhere } from "@/lib/auth/visibility";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import type { ProviderDocument } from "@/lib/validation/provider-document";
import { parseStoredProviderDocument } from "@/lib/validation/stored-provider-document";
import { publisherLabel, restrictDocument } from "./version-format";

export interface VersionScope {
  provider: { id: string; slug: string; name: string; brandColor: string };
  /** Slugs of the services this actor may see; null when they see every service. */
  services: ReadonlySet<string> | null;
  /** Whether this actor sees who published (staff) or a generic label. */
  revealPublisher: boolean;
}

export interface VersionEntry {
  /** Internal row id: only for deriving stable feed ids, never shown. */
  id: string;
  number: number;
  note: string;
  contentHash: string;
  publishedAt: Date;
  /** Who published, as this actor may see it. */
  publisher: string;
}

export interface VersionWithDocument extends VersionEntry {
  /** Restricted to the services the actor may see. */
  document: ProviderDocument;
}

/** The provider, if visible to the actor, and what of its versions they may see. */
export async function getVersionScope(options: {
  db?: Database;
  actor: Actor;
  provider: string;
}): Promise<VersionScope | null> {
  const db = options.db ?? getDb();
  const { actor } = options;
  const provider = await db.provider.findFirst({
    where: { AND: [{ slug: options.provider }, visibleProviderWhere(actor)] },
    select: {
      id: true,
      slug: true,
      name: true,
      brandColor: true,
      isPrivate: true,
      services: { where: visibleServiceWhere(actor), select: { slug: true } },
    },
  });
  if (!provider) return null;
  const seesEveryService =
    !provider.isPrivate ||
    can(actor, "read:provider:any") ||
    can(actor, "read:provider:own", { providerId: provider.id });
  return {
    provider: { id: provider.id, slug: provider.slug, name: provider.name, brandColor: provider.brandColor },
    services: seesEveryService ? null : new Set(provider.services.map((s) => s.slug)),
    revealPublisher: can(actor, "read:drafts") || can(actor, "edit:provider:own", { providerId: provider.id }),
  };
}

const entrySelect = {
  id: true,
  number: true,
  note: true,
  contentHash: true,
  publishedAt: true,
  publishedBy: true,
} as const;

function toEntry(
  row: { id: string; number: number; note: string; contentHash: string; publishedAt: Date; publishedBy: string },
  scope: VersionScope,
): VersionEntry {
  return {
    id: row.id,
    number: row.number,
    note: row.note,
    contentHash: row.contentHash,
    publishedAt: row.publishedAt,
    publisher: publisherLabel(row.publishedBy, scope.revealPublisher),
  };
}

function withDocument(
  row: Parameters<typeof toEntry>[0] & { document: unknown },
  scope: VersionScope,
): VersionWithDocument {
  return {
    ...toEntry(row, scope),
    document: restrictDocument(parseStoredProviderDocument(row.document), scope.services),
  };
}

/** Every version of a visible provider, newest first (without documents); null when unknown or hidden. */
export async function listVersionHistory(options: {
  db?: Database;
  actor: Actor;
  provider: string;
}): Promise<{ scope: VersionScope; versions: VersionEntry[] } | null> {
  const db = options.db ?? getDb();
  const scope = await getVersionScope(options);
  if (!scope) return null;
  const rows = await db.providerVersion.findMany({
    where: { providerId: scope.provider.id },
    orderBy: { number: "desc" },
    select: entrySelect,
  });
  return { scope, versions: rows.map((row) => toEntry(row, scope)) };
}

/** Some versions of a provider in scope (from getVersionScope), with their documents, by number. */
export async function getScopedDocuments(options: {
  db?: Database;
  scope: VersionScope;
  numbers: readonly number[];
}): Promise<Map<number, VersionWithDocument>> {
  const db = options.db ?? getDb();
  if (!options.numbers.length) return new Map();
  const rows = await db.providerVersion.findMany({
    where: { providerId: options.scope.provider.id, number: { in: [...new Set(options.numbers)] } },
    select: { ...entrySelect, document: true },
  });
  return new Map(rows.map((row) => [row.number, withDocument(row, options.scope)]));
}

/**
 * Some versions with their documents, plus every version (newest first, without documents); null
 * when the provider is unknown or hidden. Numbers that do not exist are absent from `documents`.
 */
export async function getVersionDocuments(options: {
  db?: Database;
  actor: Actor;
  provider: string;
  numbers: readonly number[];
}): Promise<{ scope: VersionScope; versions: VersionEntry[]; documents: Map<number, VersionWithDocument> } | null> {
  const db = options.db ?? getDb();
  const history = await listVersionHistory(options);
  if (!history) return null;
  return {
    ...history,
    documents: await getScopedDocuments({ db, scope: history.scope, numbers: options.numbers }),
  };
}

/**
 * The newest `limit` versions with their documents and each one's predecessor document (to say what
 * changed), newest first; null when the provider is unknown or hidden.
 */
export async function getFeedVersions(options: {
  db?: Database;
  actor: Actor;
  provider: string;
  limit: number;
}): Promise<{
  scope: VersionScope;
  entries: (VersionWithDocument & { previous: ProviderDocument | null; previousNumber: number | null })[];
} | null> {
  const db = options.db ?? getDb();
  const scope = await getVersionScope(options);
  if (!scope) return null;
  const rows = await db.providerVersion.findMany({
    where: { providerId: scope.provider.id },
    orderBy: { number: "desc" },
    take: options.limit + 1,
    select: { ...entrySelect, document: true },
  });
  const versions = rows.map((row) => withDocument(row, scope));
  return {
    scope,
    entries: versions.slice(0, options.limit).map((version, i) => {
      const previous = versions[i + 1];
      return { ...version, previous: previous?.document ?? null, previousNumber: previous?.number ?? null };
    }),
  };
}
