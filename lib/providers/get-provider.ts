import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/permissions";
import { visibleProviderWhere, visibleServiceWhere } from "@/lib/auth/visibility";
import { getDb } from "@/lib/db";
import { providerDetailDto, type ProviderDetailDto } from "@/lib/validation/api";
import { areaToDto, groupsToDto } from "@/lib/transfer/document-to-dto";
import { areaInclude, areaToDocument, groupsQuery, groupToDocument } from "@/lib/transfer/read-provider-document";
import { partySelect, partyToDto, serviceSummaryToDto } from "./to-dto";

/** A provider with everything the provider page and API show; null when unknown or not visible to the actor. */
export function getProvider(options: { actor: Actor; slug: string }): Promise<ProviderDetailDto | null> {
  return loadProvider(options.actor, options.slug);
}

// Deduplicated per request: the segment layout (404 check) and the page ask for the same provider.
const loadProvider = cache(async (actor: Actor, slug: string): Promise<ProviderDetailDto | null> => {
  const p = await getDb().provider.findFirst({
    where: { AND: [{ slug }, visibleProviderWhere(actor)] },
    include: {
      parties: { orderBy: { position: "asc" }, select: partySelect },
      compliance: { orderBy: { position: "asc" } },
      contacts: { orderBy: { position: "asc" } },
      sections: { orderBy: { position: "asc" } },
      areaGroups: { where: { serviceId: null }, ...groupsQuery },
      areas: { where: { serviceId: null }, orderBy: { position: "asc" }, include: areaInclude },
      services: {
        where: visibleServiceWhere(actor),
        orderBy: { position: "asc" },
        include: {
          areas: { select: { assignment: true } },
          deploymentModels: { orderBy: { position: "asc" }, include: { parent: { select: { key: true } } } },
          _count: { select: { deploymentModels: true } },
        },
      },
    },
  });
  if (!p) return null;
  const parties = p.parties.map(partyToDto);
  return providerDetailDto.parse({
    slug: p.slug,
    published: p.publishedAt !== null,
    name: p.name,
    summary: p.summary,
    brandColor: p.brandColor,
    serviceCount: p.services.length,
    areaCount: p.areas.length + p.services.reduce((n, s) => n + s.areas.length, 0),
    source: { title: p.sourceTitle, document: p.sourceDocument, url: p.sourceUrl, retrieved: p.sourceRetrieved },
    parties,
    compliance: p.compliance.map((c) => ({
      kind: c.kind === "BASIS" ? "basis" : "framework",
      name: c.name,
      clause: c.clause,
      notes: c.notes,
    })),
    contacts: p.contacts.map((c) => ({
      kind: c.kind.toLowerCase(),
      label: c.label,
      value: c.value,
      purpose: c.purpose,
    })),
    sections: p.sections.map((s) => ({ slug: s.slug, title: s.title, body: s.body })),
    crossCuttingGroups: groupsToDto(p.areaGroups.map(groupToDocument)),
    crossCuttingAreas: p.areas.map((a, i) => areaToDto(areaToDocument(a), i, parties, new Set())),
    services: p.services.map(serviceSummaryToDto),
    deploymentModels: p.services.flatMap((s) =>
      s.deploymentModels.map((m) => ({ service: s.slug, key: m.key, name: m.name, group: m.parent?.key ?? null })),
    ),
  });
});
