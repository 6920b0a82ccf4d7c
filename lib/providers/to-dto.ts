// Maps database rows to the allowlisted DTOs in lib/validation/api.ts.
import { assignmentValues, fromDbAssignment, type AssignmentValue } from "@/lib/domain/assignment";
import type { PartyDto, ServiceSummaryDto } from "@/lib/validation/api";

export const partySelect = { key: true, name: true, role: true, description: true } as const;

export function partyToDto(p: { key: string; name: string; role: string; description: string | null }): PartyDto {
  const role = p.role === "PROVIDER" ? "provider" : p.role === "CUSTOMER" ? "customer" : "third-party";
  return { key: p.key, name: p.name, role, description: p.description };
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
