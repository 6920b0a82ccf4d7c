// One responsibility area as an SSP implemented requirement: what is provided, what is the customer's.
import type { MatrixRow } from "@/lib/model/area-text";
import type { DutyStrength } from "@/lib/domain/vocabulary";
import type { ProviderExport } from "@/lib/exports/export-model";
import type { PartyDto } from "@/lib/validation/api";
import { areaRemarks, assignmentSentence, given, involvedParties, partyUuid, prop, some } from "./oscal-common";
import { controlId, roleId } from "./oscal-ids";
import type { OscalByComponent, OscalDuty, OscalImplementedRequirement, OscalProperty } from "./oscal-types";
import { areaName, demarcUuid, dutyName, partyName } from "./uuids";

/** The components an area's duties are attributed to: the system itself, and each third party. */
export interface SspComponents {
  thisSystem: string;
  /** Component UUID by third party's key. */
  thirdParties: ReadonlyMap<string, string>;
}

export const thirdPartyComponentUuid = (data: ProviderExport, party: string) =>
  demarcUuid(`${partyName(data.provider.slug, party)}:component`);

/**
 * OSCAL's `control-origination` (its own property, so no namespace) from who carries the area: the
 * provider's system, the customer, or a third party's system underneath (inherited). "Best effort"
 * also names the customer, who stays accountable.
 */
function originationProps(area: MatrixRow, parties: readonly PartyDto[]): OscalProperty[] {
  const roles = new Set(parties.filter((party) => area.parties.includes(party.key)).map((party) => party.role));
  const values = [
    roles.has("provider") ? "system-specific" : null,
    roles.has("customer") || area.assignment === "best-effort" ? "customer-provided" : null,
    roles.has("third-party") ? "inherited" : null,
  ];
  return values.flatMap((value) => (value ? [{ name: "control-origination", value }] : []));
}

/** A duty a party does on a row, with the UUID the SSP exports it under. */
export interface ExportedDuty {
  uuid: string;
  text: string;
  strength: DutyStrength;
}

/**
 * A party's duties on a row in order, each with its UUID in the SSP (`provided` or `responsibilities`);
 * "excluded" duties are not done, so not listed. A customer's SSP points at these UUIDs.
 */
export function exportedDuties(
  data: ProviderExport,
  service: string | null,
  area: MatrixRow,
  party: string,
): ExportedDuty[] {
  const areaId = areaName(data.provider.slug, service, area.key);
  const cell = area.cells.find((c) => c.party === party);
  const seen = new Map<string, number>();
  return (cell?.duties ?? []).flatMap((duty) => {
    const occurrence = (seen.get(duty.text) ?? 0) + 1;
    seen.set(duty.text, occurrence);
    if (duty.strength === "excluded") return [];
    return [
      { uuid: demarcUuid(dutyName(areaId, party, duty.text, occurrence)), text: duty.text, strength: duty.strength },
    ];
  });
}

/** A party's duties on a row as provided items or responsibilities. */
function duties(data: ProviderExport, service: string | null, area: MatrixRow, party: PartyDto): OscalDuty[] {
  return exportedDuties(data, service, area, party.key).map((duty) => ({
    uuid: duty.uuid,
    description: duty.text,
    props: prop("duty-strength", duty.strength),
    "responsible-roles": [{ "role-id": roleId(party.key), "party-uuids": [partyUuid(data, party.key)] }],
  }));
}

/** What the by-component cannot say as provided or responsibilities: N/A cells and duties not done. */
export function cellRemarks(area: MatrixRow, parties: readonly PartyDto[]): string {
  return parties
    .flatMap((party) => {
      const cell = area.cells.find((c) => c.party === party.key);
      if (!cell) return [];
      const excluded = cell.duties.filter((duty) => duty.strength === "excluded");
      return [
        cell.notApplicable ? `${party.name}: not applicable.` : null,
        excluded.length ? `Not done by ${party.name}:\n\n${excluded.map((duty) => `- ${duty.text}`).join("\n")}` : null,
      ];
    })
    .filter((text): text is string => text !== null)
    .join("\n\n");
}

function exportOf(provided: OscalDuty[], responsibilities: OscalDuty[]): Pick<OscalByComponent, "export"> {
  if (provided.length === 0 && responsibilities.length === 0) return {};
  return { export: { ...some("provided", provided), ...some("responsibilities", responsibilities) } };
}

/**
 * The area's requirement. The system's by-component exports the provider's duties as `provided` and
 * the customer's as `responsibilities`; each third party with a cell has its own by-component.
 */
export function implementedRequirement(options: {
  data: ProviderExport;
  service: string | null;
  area: MatrixRow;
  components: SspComponents;
}): OscalImplementedRequirement {
  const { data, service, area, components } = options;
  const parties = data.provider.parties;
  const areaId = areaName(data.provider.slug, service, area.key);
  const withRole = (role: PartyDto["role"]) => parties.filter((party) => party.role === role);
  const dutiesOf = (role: PartyDto["role"]) => withRole(role).flatMap((party) => duties(data, service, area, party));
  const thisSystem: OscalByComponent = {
    "component-uuid": components.thisSystem,
    uuid: demarcUuid(`${areaId}:by-component:this-system`),
    description: assignmentSentence(area, parties),
    ...(area.assignment === "n/a" ? { "implementation-status": { state: "not-applicable" } } : {}),
    ...exportOf(dutiesOf("provider"), dutiesOf("customer")),
    ...given("remarks", cellRemarks(area, [...withRole("provider"), ...withRole("customer")])),
  };
  const thirdParties = withRole("third-party").flatMap((party): OscalByComponent[] => {
    const component = components.thirdParties.get(party.key);
    if (!component || !area.cells.some((cell) => cell.party === party.key)) return [];
    return [
      {
        "component-uuid": component,
        uuid: demarcUuid(`${areaId}:by-component:party:${party.key}`),
        description: `What ${party.name} does for this area.`,
        ...exportOf(duties(data, service, area, party), []),
        ...given("remarks", cellRemarks(area, [party])),
      },
    ];
  });
  return {
    uuid: demarcUuid(areaId),
    "control-id": controlId(service, area.key),
    props: [...originationProps(area, parties), ...prop("assignment", area.assignment)],
    ...some(
      "responsible-roles",
      involvedParties(area, parties).map((party) => ({
        "role-id": roleId(party.key),
        ...some("props", prop("raci", area.cells.find((cell) => cell.party === party.key)?.raci)),
        "party-uuids": [partyUuid(data, party.key)],
      })),
    ),
    "by-components": [thisSystem, ...thirdParties],
    ...given("remarks", areaRemarks(area)),
  };
}
