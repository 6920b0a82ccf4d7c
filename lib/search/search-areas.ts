// Area hits: every term in the area's own text (name, duties, notes, framework controls) or in the
// names of its service and provider ("vps backup" finds VPS's backup area), at least one in its own
// text. Areas holding every term come straight from the GIN index; the rest can only be areas of the
// few services and providers whose names hold a term, so the index does the work at any size.
import "server-only";
import { areaHref } from "@/lib/model/area-anchor";
import { fromDbAssignment, type DbAssignment } from "@/lib/domain/assignment";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SearchResultsDto } from "@/lib/validation/api";
import { headlineSegments, pickMatches, type MatchedField } from "./search-query";
import { allTerms, anyTerm, type HitSearch } from "./search-named-hits";
import {
  headline,
  holdsTermsBeyond,
  searchConfig,
  termMask,
  termTable,
  visibleArea,
  visibleCatalog,
} from "./search-sql";

interface AreaRow {
  key: string;
  name: string;
  assignment: DbAssignment;
  provider: string;
  providerName: string;
  service: string | null;
  serviceName: string | null;
  title: string;
  providerHeadline: string;
  serviceHeadline: string | null;
  coveredMask: number;
  fields: MatchedField[];
  total: number;
}

const separator = { text: " · ", match: false };

/** Matches ordered by ts_rank before the names' similarity to the query orders the first of them. */
const shortlistSize = 200;

export async function searchAreas(search: HitSearch) {
  const { db, scope, queries, text, limit, offset } = search;
  const any = Prisma.sql`${anyTerm(queries)}::tsquery`;
  const ownText = Prisma.sql`a."searchVector"`;
  const rank = Prisma.sql`ts_rank(a."searchVector", ${any})`;
  // Areas whose service's or provider's name holds some terms and their own text the rest. With one
  // term there are none beyond those holding it themselves.
  const byContext = Prisma.sql`
      UNION
      SELECT a."id", a."providerId", a."serviceId", a."position", ${rank} AS rank FROM service_context sc
        JOIN "ResponsibilityArea" a ON a."providerId" = sc."providerId" AND a."serviceId" = sc."id"
      WHERE sc.mask <> 0 AND a."searchVector" @@ ${any} AND ${holdsTermsBeyond(ownText, Prisma.sql`sc.mask`)}
      UNION
      SELECT a."id", a."providerId", a."serviceId", a."position", ${rank} AS rank FROM provider_context pc
        JOIN "ResponsibilityArea" a ON a."providerId" = pc."id" AND a."serviceId" IS NULL
      WHERE pc.mask <> 0 AND a."searchVector" @@ ${any} AND ${holdsTermsBeyond(ownText, Prisma.sql`pc.mask`)}`;
  const rows = await db.$queryRaw<AreaRow[]>`
    WITH ${visibleCatalog(scope)}, ${termTable(queries)},
    provider_context AS (
      SELECT p."id", p."slug", p."name", ${termMask(Prisma.sql`ts_filter(p."searchVector", '{a}')`)} AS mask
      FROM visible_provider p
    ),
    service_context AS (
      SELECT s."id", s."providerId", s."slug", s."name", s."position",
             ${termMask(Prisma.sql`ts_filter(s."searchVector", '{a}')`)} | pc.mask AS mask
      FROM visible_service s JOIN provider_context pc ON pc."id" = s."providerId"
    ),
    matched AS (
      SELECT a."id", a."providerId", a."serviceId", a."position", ${rank} AS rank
      FROM "ResponsibilityArea" a
      WHERE a."searchVector" @@ ${allTerms(queries)}::tsquery AND ${visibleArea}
      ${queries.length === 1 ? Prisma.empty : byContext}
    ),
    -- The best by ts_rank (catalog order among equals), then the trigram similarity of their names to
    -- the query refines their order: similarity is computed for a short list, not every match.
    shortlist AS (
      SELECT m.*, pc."name" AS sort1, coalesce(sc."position", -1) AS sort2
      FROM matched m JOIN provider_context pc ON pc."id" = m."providerId"
        LEFT JOIN service_context sc ON sc."id" = m."serviceId"
      ORDER BY m.rank DESC, sort1, sort2, m."position" LIMIT ${Math.max(shortlistSize, offset + limit)}::int
    ),
    ranked AS (
      SELECT s.*, s.rank + similarity(a."name", ${text}) AS score, (SELECT count(*) FROM matched) AS total
      FROM shortlist s JOIN "ResponsibilityArea" a ON a."id" = s."id"
      ORDER BY score DESC, s.sort1, s.sort2, s."position" LIMIT ${limit}::int OFFSET ${offset}::int
    ),
    hit AS (
      -- Only the rows shown are read whole.
      SELECT a."id", a."providerId", a."key", a."name", a."assignment", a."cells", a."references", a."notes",
             pc."slug" AS provider, pc."name" AS "providerName", pc.mask AS "providerMask",
             sc."slug" AS service, sc."name" AS "serviceName", sc.mask AS "serviceMask",
             r.score, r.total, r.sort1, r.sort2, a."position" AS sort3
      FROM ranked r JOIN "ResponsibilityArea" a ON a."id" = r."id"
        JOIN provider_context pc ON pc."id" = a."providerId"
        LEFT JOIN service_context sc ON sc."id" = a."serviceId"
    )
    SELECT h."key", h."name", h."assignment"::text AS assignment, h.provider, h."providerName", h.service,
           h."serviceName", h.total::int AS total,
           ${headline(Prisma.sql`h."name"`, any, "whole")} AS title,
           ${headline(Prisma.sql`h."providerName"`, any, "whole")} AS "providerHeadline",
           CASE WHEN h.service IS NOT NULL THEN ${headline(Prisma.sql`h."serviceName"`, any, "whole")} END
             AS "serviceHeadline",
           ${termMask(Prisma.sql`to_tsvector(${searchConfig}, h."name")`)} | coalesce(h."serviceMask", h."providerMask")
             AS "coveredMask",
           (SELECT coalesce(jsonb_agg(jsonb_build_object('field', f.field, 'label', f.label, 'text', f.text,
                     'mask', f.mask, 'headline', ${headline(Prisma.sql`f.text`, any, "excerpt")}) ORDER BY f.sort), '[]')
            FROM (
              SELECT ft.*, ${termMask(Prisma.sql`to_tsvector(${searchConfig}, ft.text)`)} AS mask FROM (${fieldTexts}) ft
            ) f WHERE f.mask <> 0) AS fields
    FROM hit h ORDER BY h.score DESC, h.sort1, h.sort2, h.sort3`;
  return {
    total: rows[0]?.total ?? 0,
    hits: rows.map((r): SearchResultsDto["areas"][number] => ({
      key: r.key,
      provider: r.provider,
      providerName: r.providerName,
      service: r.service,
      serviceName: r.serviceName,
      assignment: fromDbAssignment(r.assignment),
      href: areaHref({ provider: r.provider, service: r.service, area: r.key }),
      name: r.name,
      title: headlineSegments(r.title),
      context: [
        ...headlineSegments(r.providerHeadline),
        separator,
        ...(r.serviceHeadline === null
          ? [{ text: "all services", match: false }]
          : headlineSegments(r.serviceHeadline)),
      ],
      matches: pickMatches(r.fields, r.coveredMask),
    })),
  };
}

const asArray = (json: Prisma.Sql) =>
  Prisma.sql`CASE WHEN jsonb_typeof(${json}) = 'array' THEN ${json} ELSE '[]'::jsonb END`;

/** The texts of a hit (alias `h`) that may be shown as its matches: each duty, the notes, each control. */
const fieldTexts = Prisma.sql`
  SELECT 'duty' AS field, coalesce(pa."name", c.cell ->> 'party') || ' duty' AS label, d.duty ->> 'text' AS text,
         c.ord * 10000 + d.ord AS sort
  FROM jsonb_array_elements(${asArray(Prisma.sql`h."cells"`)}) WITH ORDINALITY AS c(cell, ord)
    CROSS JOIN jsonb_array_elements(${asArray(Prisma.sql`c.cell -> 'duties'`)}) WITH ORDINALITY AS d(duty, ord)
    LEFT JOIN "Party" pa ON pa."providerId" = h."providerId" AND pa."key" = c.cell ->> 'party'
  WHERE jsonb_typeof(d.duty -> 'text') = 'string'
  UNION ALL
  SELECT 'notes', 'Notes', h."notes", 100000000 WHERE h."notes" IS NOT NULL
  UNION ALL
  SELECT 'reference', 'Framework control', concat_ws(' ', r.ref ->> 'framework', r.ref ->> 'control'), 200000000 + r.ord
  FROM jsonb_array_elements(${asArray(Prisma.sql`h."references"`)}) WITH ORDINALITY AS r(ref, ord)`;
