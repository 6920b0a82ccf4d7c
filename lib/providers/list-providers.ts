import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { visibleProviderWhere, visibleServiceWhere } from "@/lib/auth/visibility";
import { getDb } from "@/lib/db";
import { providerSummaryDto, type ProviderSummaryDto } from "@/lib/validation/api";

/**
 * The providers the actor may see, by name, counting only the services they may see; `offset` and
 * `limit` pick one page of them.
 */
export async function listProviders(options: {
  actor: Actor;
  offset?: number;
  limit?: number;
}): Promise<ProviderSummaryDto[]> {
  const services = visibleServiceWhere(options.actor);
  const rows = await getDb().provider.findMany({
    where: visibleProviderWhere(options.actor),
    orderBy: [{ name: "asc" }, { slug: "asc" }],
    skip: options.offset,
    take: options.limit,
    select: {
      slug: true,
      name: true,
      summary: true,
      brandColor: true,
      publishedAt: true,
      _count: {
        select: {
          services: { where: services },
          areas: { where: { OR: [{ serviceId: null }, { service: services }] } },
        },
      },
    },
  });
  return rows.map((p) =>
    providerSummaryDto.parse({
      slug: p.slug,
      published: p.publishedAt !== null,
      name: p.name,
      summary: p.summary,
      brandColor: p.brandColor,
      serviceCount: p._count.services,
      areaCount: p._count.areas,
    }),
  );
}

/** How many providers the actor may see. */
export function countProviders(options: { actor: Actor }): Promise<number> {
  return getDb().provider.count({ where: visibleProviderWhere(options.actor) });
}
