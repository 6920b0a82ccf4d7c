// Provider and service hits. A provider matches when its name, slug and summary hold every term; a
// service when its own text (name, slug, summary, category) and its provider's name hold them all,
// at least one in its own text, so a provider's name alone lists the provider, not its services.
import "server-only";
import type { Database } from "@/lib/database/client";
import { providerHref, serviceHref } from "@/lib/model/area-anchor";
import { Prisma } from "@/lib/generated/prisma/client";
import { categoryFromDb } from "@/lib/transfer/row-to-dto";
import type { SearchResultsDto } from "@/lib/validation/api";
import { headlineSegments, pickMatches, type MatchedField } from "./search-query";
import { headline, holdsTermsBeyond, searchConfig, termMask, termTable, visibleCatalog } from "./search-sql";
import type { SearchScope } from "./search-sql";

export interface HitSearch {
  db: Database;
  scope: SearchScope;
  /** The resolved terms' tsquery texts. */
  queries: readonly string[];
  /** The query as typed: names resembling it rank first. */
  text: string;
  limit: number;
  /** Hits skipped before the first one listed (later pages of results). */
  offset: number;
}

export const allTerms = (queries: readonly string[]) => queries.map((q) => `(${q})`).join(" & ");
export const anyTerm = (queries: readonly string[]) => queries.map((q) => `(${q})`).join(" | ");

/** A text's mask and excerpt, as a field a hit may show. */
export const fieldOf = (field: MatchedField["field"], label: string, text: string | null, hl: string, mask: number) =>
  text !== null && mask !== 0 ? [{ field, label, text, headline: hl, mask }] : [];

export async function searchProviders(search: HitSearch) {
  const { db, scope, queries, text, limit, offset } = search;
  const any = Prisma.sql`${anyTerm(queries)}::tsquery`;
  const rows = await db.$queryRaw<
    {
      slug: string;
      name: string;
      title: string;
      summary: string;
      summaryHeadline: string;
      nameMask: number;
      summaryMask: number;
      total: number;
    }[]
  >`
    WITH ${visibleCatalog(scope)}, ${termTable(queries)},
    hit AS (
      SELECT p.*, ts_rank(p."searchVector", ${any}) + similarity(p."name", ${text}) AS rank, count(*) OVER () AS total
      FROM visible_provider p WHERE p."searchVector" @@ ${allTerms(queries)}::tsquery
      ORDER BY rank DESC, p."name", p."slug" LIMIT ${limit}::int OFFSET ${offset}::int
    )
    SELECT h."slug", h."name", h."summary", h.total::int AS total,
           ${headline(Prisma.sql`h."name"`, any, "whole")} AS title,
           ${headline(Prisma.sql`h."summary"`, any, "excerpt")} AS "summaryHeadline",
           ${termMask(Prisma.sql`ts_filter(h."searchVector", '{a}')`)} AS "nameMask",
           ${termMask(Prisma.sql`to_tsvector(${searchConfig}, h."summary")`)} AS "summaryMask"
    FROM hit h ORDER BY h.rank DESC, h."name", h."slug"`;
  return {
    total: rows[0]?.total ?? 0,
    hits: rows.map((r): SearchResultsDto["providers"][number] => ({
      slug: r.slug,
      href: providerHref(r.slug),
      name: r.name,
      title: headlineSegments(r.title),
      matches: pickMatches(fieldOf("summary", "Summary", r.summary, r.summaryHeadline, r.summaryMask), r.nameMask),
    })),
  };
}

const categoryLabel = Prisma.sql`CASE s."category"
  WHEN 'IAAS' THEN 'IaaS' WHEN 'PAAS' THEN 'PaaS' WHEN 'SAAS' THEN 'SaaS' WHEN 'CAAS' THEN 'CaaS'
  WHEN 'FAAS' THEN 'FaaS' WHEN 'DBAAS' THEN 'DBaaS' WHEN 'STAAS' THEN 'STaaS' ELSE '' END`;

export async function searchServices(search: HitSearch) {
  const { db, scope, queries, text, limit, offset } = search;
  const any = Prisma.sql`${anyTerm(queries)}::tsquery`;
  const rows = await db.$queryRaw<
    {
      slug: string;
      name: string;
      provider: string;
      providerName: string;
      category: keyof typeof categoryFromDb;
      title: string;
      context: string;
      summary: string;
      summaryHeadline: string;
      categoryText: string;
      categoryHeadline: string;
      coveredMask: number;
      summaryMask: number;
      categoryMask: number;
      total: number;
    }[]
  >`
    WITH ${visibleCatalog(scope)}, ${termTable(queries)},
    provider_context AS (
      SELECT p."id", p."slug", p."name", ${termMask(Prisma.sql`ts_filter(p."searchVector", '{a}')`)} AS mask
      FROM visible_provider p
    ),
    hit AS (
      SELECT s.*, pc."slug" AS provider, pc."name" AS "providerName", pc.mask AS "providerMask",
             ts_rank(s."searchVector", ${any}) + similarity(s."name", ${text}) AS rank, count(*) OVER () AS total
      FROM visible_service s JOIN provider_context pc ON pc."id" = s."providerId"
      WHERE s."searchVector" @@ ${any} AND ${holdsTermsBeyond(Prisma.sql`s."searchVector"`, Prisma.sql`pc.mask`)}
      ORDER BY rank DESC, pc."name", s."position" LIMIT ${limit}::int OFFSET ${offset}::int
    )
    SELECT s."slug", s."name", s.provider, s."providerName", s."category"::text AS category, s."summary",
           s.total::int AS total, ${categoryLabel} AS "categoryText",
           ${headline(Prisma.sql`s."name"`, any, "whole")} AS title,
           ${headline(Prisma.sql`s."providerName"`, any, "whole")} AS context,
           ${headline(Prisma.sql`s."summary"`, any, "excerpt")} AS "summaryHeadline",
           ${headline(categoryLabel, any, "whole")} AS "categoryHeadline",
           ${termMask(Prisma.sql`ts_filter(s."searchVector", '{a}')`)} | s."providerMask" AS "coveredMask",
           ${termMask(Prisma.sql`to_tsvector(${searchConfig}, s."summary")`)} AS "summaryMask",
           ${termMask(Prisma.sql`to_tsvector(${searchConfig}, ${categoryLabel})`)} AS "categoryMask"
    FROM hit s ORDER BY s.rank DESC, s."providerName", s."position"`;
  return {
    total: rows[0]?.total ?? 0,
    hits: rows.map((r): SearchResultsDto["services"][number] => ({
      slug: r.slug,
      provider: r.provider,
      providerName: r.providerName,
      category: categoryFromDb[r.category],
      href: serviceHref(r.provider, r.slug),
      name: r.name,
      title: headlineSegments(r.title),
      context: headlineSegments(r.context),
      matches: pickMatches(
        [
          ...fieldOf("summary", "Summary", r.summary, r.summaryHeadline, r.summaryMask),
          ...fieldOf("category", "Category", r.categoryText, r.categoryHeadline, r.categoryMask),
        ],
        r.coveredMask,
      ),
    })),
  };
}
