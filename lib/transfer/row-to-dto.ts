// Maps database rows to the allowlisted DTOs in lib/validation/api.ts.
import { assignmentValues, type AssignmentValue } from "@/lib/domain/assignment";
import type { PartyDto } from "@/lib/validation/api";

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

export { categoryFromDb };
