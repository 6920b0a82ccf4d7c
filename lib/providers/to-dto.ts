// Maps database rows to the allowlisted DTOs in lib/validation/api.ts.
import {
  assignmentValues,
  fromDbAssignment,
  toCaiqOwnership,
  type AssignmentValue,
  type PartyRef,
} from "@/lib/domain/assignment";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AreaDto, LayerDto, PartyDto, ServiceSummaryDto } from "@/lib/validation/api";

export const partySelect = { key: true, name: true, role: true, description: true } as const;

export const areaInclude = { layer: { select: { key: true } } } as const satisfies Prisma.ResponsibilityAreaInclude;
type AreaRow = Prisma.ResponsibilityAreaGetPayload<{ include: typeof areaInclude }>;

export function partyToDto(p: { key: string; name: string; role: string; description: string | null }): PartyDto {
  const role = p.role === "PROVIDER" ? "provider" : p.role === "CUSTOMER" ? "customer" : "third-party";
  return { key: p.key, name: p.name, role, description: p.description };
}

export function areaToDto(area: AreaRow, parties: readonly PartyRef[]): AreaDto {
  const assignment = fromDbAssignment(area.assignment);
  return {
    name: area.name,
    position: area.position,
    assignment,
    parties: area.parties,
    caiq: toCaiqOwnership(assignment, area.parties, parties),
    providerDuties: area.providerDuties,
    customerDuties: area.customerDuties,
    providerNotApplicable: area.providerNotApplicable,
    customerNotApplicable: area.customerNotApplicable,
    notes: area.notes,
    interpretation: area.interpretation,
    layer: area.layer?.key ?? null,
    plane: area.plane === "CONTROL" ? "control" : area.plane === "DATA" ? "data" : null,
  };
}

export const layerInclude = {
  components: { orderBy: { position: "asc" } },
} as const satisfies Prisma.LayerInclude;
type LayerRow = Prisma.LayerGetPayload<{ include: typeof layerInclude }>;

export function layerToDto(layer: LayerRow): LayerDto {
  return {
    key: layer.key,
    name: layer.name,
    description: layer.description,
    position: layer.position,
    assignment: layer.assignment ? fromDbAssignment(layer.assignment) : null,
    parties: layer.parties,
    interpretation: layer.interpretation,
    components: layer.components.map((c) => ({
      key: c.key,
      name: c.name,
      description: c.description,
      assignment: c.assignment ? fromDbAssignment(c.assignment) : null,
      parties: c.parties,
      instances: c.instances,
      interpretation: c.interpretation,
    })),
  };
}

export function emptySplit(): Record<AssignmentValue, number> {
  return Object.fromEntries(assignmentValues.map((v) => [v, 0])) as Record<AssignmentValue, number>;
}

const categoryFromDb = {
  IAAS: "IaaS",
  PAAS: "PaaS",
  SAAS: "SaaS",
  CAAS: "CaaS",
  FAAS: "FaaS",
  DBAAS: "DBaaS",
  STAAS: "STaaS",
} as const;

export function serviceSummaryToDto(service: {
  slug: string;
  name: string;
  category: keyof typeof categoryFromDb;
  summary: string;
  sourceSection: string | null;
  areas: { assignment: Parameters<typeof fromDbAssignment>[0] }[];
  _count: { deploymentModels: number };
}): ServiceSummaryDto {
  const split = emptySplit();
  for (const a of service.areas) split[fromDbAssignment(a.assignment)] += 1;
  return {
    slug: service.slug,
    name: service.name,
    category: categoryFromDb[service.category],
    summary: service.summary,
    sourceSection: service.sourceSection,
    areaCount: service.areas.length,
    split,
    deploymentModelCount: service._count.deploymentModels,
  };
}

export { categoryFromDb };
