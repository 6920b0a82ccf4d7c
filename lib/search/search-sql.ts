// SQL shared by the search's statements: what the actor may see (the rules of lib/auth/visibility.ts,
// written as SQL so the database filters before it ranks or counts), the query's terms as a table,
// and highlighting. Every value is a bound parameter of a tagged template.
import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import { Prisma } from "@/lib/generated/prisma/client";
import { markEnd, markers, markStart } from "./search-query";

/** The text search configuration of the migration `full_text_search`: 'simple' without accents. */
export const searchConfig = Prisma.sql`'demarc_search'::regconfig`;

export interface SearchScope {
  /** Staff: everything, drafts included. */
  all: boolean;
  /** Set when the actor's organization's subscriptions open private providers' services to them. */
  organizationId: string | null;
  managedProviderIds: string[];
}

/** What visibleProviderWhere() and visibleServiceWhere() allow the actor, as parameters. */
export function searchScope(actor: Actor): SearchScope {
  if (can(actor, "read:provider:any")) return { all: true, organizationId: null, managedProviderIds: [] };
  if (actor.kind !== "user") return { all: false, organizationId: null, managedProviderIds: [] };
  return {
    all: false,
    organizationId: actor.organizationId && can(actor, "read:provider:subscribed") ? actor.organizationId : null,
    managedProviderIds: [...actor.managedProviderIds],
  };
}

/**
 * CTEs `visible_provider` and `visible_service`. A provider: published and public, published with a
 * service the actor's organization subscribes to, or managed by the actor. A service of a visible
 * provider: the provider is public, the organization subscribes to it, or the actor manages it.
 */
export function visibleCatalog(scope: SearchScope): Prisma.Sql {
  const { all, organizationId, managedProviderIds } = scope;
  return Prisma.sql`
  visible_provider AS (
    SELECT p."id", p."slug", p."name", p."summary", p."searchVector" FROM "Provider" p
    WHERE ${all}::boolean
       OR p."id" = ANY(${managedProviderIds}::text[])
       OR (p."publishedAt" IS NOT NULL AND (NOT p."isPrivate" OR EXISTS (
             SELECT 1 FROM "Subscription" su JOIN "Service" ss ON ss."id" = su."serviceId"
             WHERE ss."providerId" = p."id" AND su."organizationId" = ${organizationId}::text)))
  ),
  visible_service AS (
    SELECT s."id", s."providerId", s."slug", s."name", s."summary", s."category", s."position", s."searchVector"
    FROM "Service" s JOIN "Provider" p ON p."id" = s."providerId"
    WHERE s."providerId" IN (SELECT "id" FROM visible_provider)
      AND (${all}::boolean OR NOT p."isPrivate" OR s."providerId" = ANY(${managedProviderIds}::text[])
           OR EXISTS (SELECT 1 FROM "Subscription" su
                      WHERE su."serviceId" = s."id" AND su."organizationId" = ${organizationId}::text))
  )`;
}

/** An area row (alias `a`) of a visible provider, cross-cutting or of a visible service. */
export const visibleArea = Prisma.sql`a."providerId" IN (SELECT "id" FROM visible_provider)
  AND (a."serviceId" IS NULL OR a."serviceId" IN (SELECT "id" FROM visible_service))`;

/** Whether some visible provider, service or area matches the tsquery (needs visibleCatalog). */
export const matchesVisibleContent = (query: Prisma.Sql) => Prisma.sql`(
  EXISTS (SELECT 1 FROM visible_provider vp WHERE vp."searchVector" @@ ${query})
  OR EXISTS (SELECT 1 FROM visible_service vs WHERE vs."searchVector" @@ ${query})
  OR EXISTS (SELECT 1 FROM "ResponsibilityArea" a WHERE a."searchVector" @@ ${query} AND ${visibleArea}))`;

/** CTE `term` (ord from 1, bit = 1 << (ord - 1), query) of the resolved terms' tsquery texts. */
export const termTable = (queries: readonly string[]) => Prisma.sql`
  term AS (
    SELECT q.ord::int AS ord, (1 << (q.ord::int - 1)) AS bit, q.text::tsquery AS query
    FROM unnest(${[...queries]}::text[]) WITH ORDINALITY AS q(text, ord)
  )`;

/** The bits of the terms a tsvector holds (needs termTable). */
export const termMask = (vector: Prisma.Sql) =>
  Prisma.sql`(SELECT coalesce(bit_or(t.bit), 0) FROM term t WHERE ${vector} @@ t.query)`;

/** Whether the vector holds every term whose bit is not in `covered` (needs termTable). */
export const holdsTermsBeyond = (vector: Prisma.Sql, covered: Prisma.Sql) =>
  Prisma.sql`NOT EXISTS (SELECT 1 FROM term t WHERE ${covered} & t.bit = 0 AND NOT ${vector} @@ t.query)`;

const wholeText = `HighlightAll=true, StartSel=${markStart}, StopSel=${markEnd}`;
const excerpt = `MaxWords=28, MinWords=12, MaxFragments=1, StartSel=${markStart}, StopSel=${markEnd}`;

/** Texts up to this many characters are shown whole rather than as an excerpt. */
const shortText = 200;

/** The text (markers removed) with the query's words between markers: whole, or an excerpt of a long one. */
export function headline(text: Prisma.Sql, query: Prisma.Sql, mode: "whole" | "excerpt") {
  const options =
    mode === "whole"
      ? Prisma.sql`${wholeText}`
      : Prisma.sql`CASE WHEN length(${text}) <= ${shortText}::int THEN ${wholeText} ELSE ${excerpt} END`;
  return Prisma.sql`ts_headline(${searchConfig}, translate(${text}, ${markers}, ''), ${query}, ${options})`;
}

/** The tsquery for one lexeme taken from the database (quoted for the tsquery parser). */
export const lexemeQuery = (lexeme: Prisma.Sql) =>
  Prisma.sql`('''' || replace(replace(${lexeme}, '\\', '\\\\'), '''', '''''') || '''')::tsquery`;
