import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { visibleProviderWhere } from "@/lib/auth/visibility";
import { getDb } from "@/lib/db";
import { searchScope, visibleCatalog } from "@/lib/search/search-sql";
import { providerSummaryDto, type ProviderSummaryDto } from "@/lib/validation/api";

/**
 * The providers the actor may see, by name, counting only the services (and their areas) they may
 * see; `offset` and `limit` pick one page of them. One statement: the counts are index scans per
 * listed provider (Prisma's relation counts with visibility filters took ~80 ms at 80,000 areas).
 */
export async function listProviders(options: {
  actor: Actor;
  offset?: number;
  limit?: number;
}): Promise<ProviderSummaryDto[]> {
  const rows = await getDb().$queryRaw<ProviderSummaryDto[]>`
    WITH ${visibleCatalog(searchScope(options.actor))},
    listed AS (
      SELECT p."id", p."slug", p."name", p."summary", p."brandColor", p."publishedAt" IS NOT NULL AS published
      FROM "Provider" p WHERE p."id" IN (SELECT "id" FROM visible_provider)
      ORDER BY p."name", p."slug" LIMIT ${options.limit ?? null}::int OFFSET ${options.offset ?? 0}::int
    )
    SELECT l."slug", l."name", l."summary", l."brandColor", l.published,
      (SELECT count(*) FROM visible_service s WHERE s."providerId" = l."id")::int AS "serviceCount",
      (SELECT count(*) FROM "ResponsibilityArea" a WHERE a."providerId" = l."id" AND (a."serviceId" IS NULL
         OR a."serviceId" IN (SELECT s."id" FROM visible_service s WHERE s."providerId" = l."id")))::int AS "areaCount"
    FROM listed l ORDER BY l."name", l."slug"`;
  return rows.map((row) => providerSummaryDto.parse(row));
}

/** How many providers the actor may see. */
export function countProviders(options: { actor: Actor }): Promise<number> {
  return getDb().provider.count({ where: visibleProviderWhere(options.actor) });
}
