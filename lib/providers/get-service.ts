import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/permissions";
import { visibleProviderWhere, visibleServiceWhere } from "@/lib/auth/visibility";
import { getDb } from "@/lib/db";
import { fromDbAssignment } from "@/lib/domain/assignment";
import { serviceDetailDto, type ServiceDetailDto } from "@/lib/validation/api";
import {
  areaInclude,
  areaToDto,
  categoryFromDb,
  layerInclude,
  layerToDto,
  partySelect,
  partyToDto,
} from "@/lib/providers/to-dto";

/** One service's matrix, stack and deployment models; null when the provider or service is unknown. */
export function getService(options: {
  actor: Actor;
  provider: string;
  service: string;
}): Promise<ServiceDetailDto | null> {
  return loadService(options.actor, options.provider, options.service);
}

// Deduplicated per request: the segment layout (404 check) and the page ask for the same service.
const loadService = cache(async (actor: Actor, provider: string, service: string): Promise<ServiceDetailDto | null> => {
  const s = await getDb().service.findFirst({
    where: {
      AND: [
        { slug: service, provider: { AND: [{ slug: provider }, visibleProviderWhere(actor)] } },
        visibleServiceWhere(actor),
      ],
    },
    include: {
      provider: {
        select: {
          slug: true,
          name: true,
          brandColor: true,
          parties: { orderBy: { position: "asc" }, select: partySelect },
        },
      },
      areas: { orderBy: { position: "asc" }, include: areaInclude },
      layers: { orderBy: { position: "asc" }, include: layerInclude },
      deploymentModels: {
        orderBy: { position: "asc" },
        include: {
          parent: { select: { key: true } },
          assignments: {
            orderBy: { position: "asc" },
            include: {
              area: { select: { name: true } },
              component: { select: { key: true, layer: { select: { key: true } } } },
            },
          },
        },
      },
    },
  });
  if (!s) return null;
  const parties = s.provider.parties.map(partyToDto);
  return serviceDetailDto.parse({
    provider: { slug: s.provider.slug, name: s.provider.name, brandColor: s.provider.brandColor },
    parties,
    slug: s.slug,
    name: s.name,
    category: categoryFromDb[s.category],
    summary: s.summary,
    sourceSection: s.sourceSection,
    areas: s.areas.map((a) => areaToDto(a, parties)),
    layers: s.layers.map(layerToDto),
    deploymentModels: s.deploymentModels.map((m) => ({
      key: m.key,
      name: m.name,
      description: m.description,
      group: m.parent?.key ?? null,
      interpretation: m.interpretation,
      assignments: m.assignments.map((a) => ({
        component: a.component ? `${a.component.layer.key}/${a.component.key}` : null,
        area: a.area?.name ?? null,
        assignment: fromDbAssignment(a.assignment),
        parties: a.parties,
        interpretation: a.interpretation,
      })),
    })),
  });
});
