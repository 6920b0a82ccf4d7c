// Builds the read DTOs straight from a provider document, so drafts and old versions render through
// the same pages as published data. Pure: the result equals what lib/providers/get-provider.ts and
// lib/providers/get-service.ts return after write-provider-document.ts stored the same document
// (for an actor who sees every service): same order, positions = list index, parties filled in with
// defaultParties, absent optionals as null, instances 1, CAIQ ownership derived.
import { responsibleParties, toCaiqOwnership, type PartyRef } from "@/lib/domain/assignment";
import { assignmentFromRaci, hasRaci } from "@/lib/domain/raci";
import { emptySplit } from "@/lib/transfer/row-to-dto";
import {
  providerDetailDto,
  serviceDetailDto,
  type AreaDto,
  type DeploymentModelDto,
  type GroupDto,
  type LayerDto,
  type PartyDto,
  type ProviderDetailDto,
  type ServiceDetailDto,
  type ServiceSummaryDto,
} from "@/lib/validation/api";
import type { ProviderDocument } from "@/lib/validation/provider-document";

type Area = ProviderDocument["crossCuttingAreas"][number];
type Service = ProviderDocument["services"][number];
type Group = ProviderDocument["crossCuttingGroups"][number];

export function partiesToDto(parties: ProviderDocument["parties"]): PartyDto[] {
  return parties.map((p) => ({ key: p.key, name: p.name, role: p.role, description: p.description ?? null }));
}

/** `layerKeys`: the service's layer keys; cross-cutting areas have none, so their layer is null. */
export function areaToDto(
  area: Area,
  position: number,
  parties: readonly PartyRef[],
  layerKeys: ReadonlySet<string>,
): AreaDto {
  const keys = responsibleParties(area.assignment, area.parties, parties);
  const order = new Map(parties.map((p, i) => [p.key, i]));
  return {
    key: area.key,
    name: area.name,
    position,
    group: area.group ?? null,
    assignment: area.assignment,
    parties: keys,
    raciAssignment: hasRaci(area.cells) ? assignmentFromRaci(area.cells, parties) : null,
    assignmentReason: area.assignmentReason ?? null,
    caiq: toCaiqOwnership(area.assignment, keys, parties),
    cells: [...area.cells]
      .sort((a, b) => (order.get(a.party) ?? 99) - (order.get(b.party) ?? 99))
      .map((cell) => ({
        party: cell.party,
        duties: cell.duties.map((d) => ({ text: d.text, strength: d.strength ?? "must" })),
        notApplicable: cell.notApplicable ?? false,
        raci: cell.raci ?? null,
      })),
    references: area.references ?? [],
    notes: area.notes ?? null,
    interpretation: area.interpretation ?? null,
    layer: area.layer !== undefined && layerKeys.has(area.layer) ? area.layer : null,
    plane: area.plane ?? null,
  };
}

export function groupsToDto(groups: readonly Group[]): GroupDto[] {
  return groups.map((g) => ({
    key: g.key,
    title: g.title,
    number: g.number ?? null,
    description: g.description ?? null,
    parent: g.parent ?? null,
  }));
}

function serviceSummaryToDto(service: Service): ServiceSummaryDto {
  const split = emptySplit();
  for (const a of service.areas) split[a.assignment] += 1;
  return {
    slug: service.slug,
    name: service.name,
    category: service.category,
    summary: service.summary,
    sourceSection: service.sourceSection ?? null,
    areaCount: service.areas.length,
    split,
    deploymentModelCount: service.deploymentModels.length,
  };
}

/** Deployment models whose group names no model of the service are stored without a parent. */
function groupOf(service: Service, group: string | undefined): string | null {
  return group !== undefined && service.deploymentModels.some((m) => m.key === group) ? group : null;
}

/** What the provider page and API show for this document. */
export function documentToProviderDetail(doc: ProviderDocument): ProviderDetailDto {
  const parties = partiesToDto(doc.parties);
  return providerDetailDto.parse({
    slug: doc.slug,
    published: true,
    name: doc.name,
    summary: doc.summary,
    brandColor: doc.brandColor,
    serviceCount: doc.services.length,
    areaCount: doc.crossCuttingAreas.length + doc.services.reduce((n, s) => n + s.areas.length, 0),
    source: {
      title: doc.source.title,
      document: doc.source.document,
      url: doc.source.url ?? null,
      retrieved: doc.source.retrieved ?? null,
    },
    parties,
    compliance: doc.compliance.map((c) => ({
      kind: c.kind,
      name: c.name,
      clause: c.clause ?? null,
      notes: c.notes ?? null,
    })),
    contacts: doc.contacts.map((c) => ({ kind: c.kind, label: c.label, value: c.value, purpose: c.purpose ?? null })),
    sections: doc.sections.map((s) => ({ slug: s.slug, title: s.title, body: s.body })),
    crossCuttingGroups: groupsToDto(doc.crossCuttingGroups),
    crossCuttingAreas: doc.crossCuttingAreas.map((a, i) => areaToDto(a, i, parties, new Set())),
    services: doc.services.map(serviceSummaryToDto),
    deploymentModels: doc.services.flatMap((s) =>
      s.deploymentModels.map((m) => ({ service: s.slug, key: m.key, name: m.name, group: groupOf(s, m.group) })),
    ),
  } satisfies ProviderDetailDto);
}

/** What the service page and API show for one service of this document; null when it has no such service. */
export function documentToServiceDetail(doc: ProviderDocument, serviceSlug: string): ServiceDetailDto | null {
  const service = doc.services.find((s) => s.slug === serviceSlug);
  return service ? serviceToDetail({ provider: doc, parties: doc.parties, service }) : null;
}

/**
 * The service page and API DTO of one service of a provider document: the one mapper for drafts,
 * versions and the published tables (lib/providers/get-service.ts reads its rows as a document).
 */
export function serviceToDetail(options: {
  provider: Pick<ProviderDocument, "slug" | "name" | "brandColor" | "source">;
  parties: ProviderDocument["parties"];
  service: Service;
}): ServiceDetailDto {
  const { provider, service } = options;
  const parties = partiesToDto(options.parties);
  const layerKeys = new Set(service.layers.map((l) => l.key));
  const componentRefs = new Set(service.layers.flatMap((l) => l.components.map((c) => `${l.key}/${c.key}`)));
  const areaKeys = new Set(service.areas.map((a) => a.key));

  const layers: LayerDto[] = service.layers.map((layer, position) => ({
    key: layer.key,
    name: layer.name,
    description: layer.description ?? null,
    position,
    assignment: layer.assignment ?? null,
    parties: responsibleParties(layer.assignment, layer.parties, parties),
    interpretation: layer.interpretation ?? null,
    area: layer.area !== undefined && areaKeys.has(layer.area) ? layer.area : null,
    areaInterpretation: layer.areaInterpretation ?? null,
    components: layer.components.map((c) => ({
      key: c.key,
      name: c.name,
      description: c.description ?? null,
      assignment: c.assignment,
      parties: responsibleParties(c.assignment, c.parties, parties),
      instances: c.instances ?? 1,
      interpretation: c.interpretation ?? null,
      // A reference to nothing is shown as no reference.
      area: c.area !== undefined && areaKeys.has(c.area) ? c.area : null,
      areaInterpretation: c.areaInterpretation ?? null,
      markerOn:
        c.markerOn !== undefined && c.markerOn !== c.key && layer.components.some((h) => h.key === c.markerOn)
          ? c.markerOn
          : null,
    })),
  }));

  const deploymentModels: DeploymentModelDto[] = service.deploymentModels.map((m) => ({
    key: m.key,
    name: m.name,
    description: m.description ?? null,
    group: groupOf(service, m.group),
    interpretation: m.interpretation ?? null,
    open: m.open === true,
    assignments: m.assignments.map((a) => ({
      // A reference to nothing is stored as no reference.
      component: a.component !== undefined && componentRefs.has(a.component) ? a.component : null,
      area: a.area !== undefined && areaKeys.has(a.area) ? a.area : null,
      assignment: a.assignment,
      parties: responsibleParties(a.assignment, a.parties, parties),
      interpretation: a.interpretation ?? null,
    })),
  }));

  return serviceDetailDto.parse({
    provider: {
      slug: provider.slug,
      name: provider.name,
      brandColor: provider.brandColor,
      source: {
        title: provider.source.title,
        document: provider.source.document,
        url: provider.source.url ?? null,
        retrieved: provider.source.retrieved ?? null,
      },
    },
    parties,
    slug: service.slug,
    name: service.name,
    category: service.category,
    summary: service.summary,
    sourceSection: service.sourceSection ?? null,
    groups: groupsToDto(service.groups),
    areas: service.areas.map((a, i) => areaToDto(a, i, parties, layerKeys)),
    layers,
    deploymentModels,
  } satisfies ServiceDetailDto);
}
