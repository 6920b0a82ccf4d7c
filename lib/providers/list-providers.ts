import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { visibleProviderWhere, visibleServiceWhere } from "@/lib/auth/visibility";
import { getDb } from "@/lib/db";
import { providerSummaryDto, type ProviderSummaryDto } from "@/lib/validation/api";

/** The providers the actor may see, by name, counting only the services they may see. */
export async function listProviders(options: { actor: Actor }): Promise<ProviderSummaryDto[]> {
  const services = visibleServiceWhere(options.actor);
  const rows = await getDb().provider.findMany({
    where: visibleProviderWhere(options.actor),
    orderBy: { name: "asc" },
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
