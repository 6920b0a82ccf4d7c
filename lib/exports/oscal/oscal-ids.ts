// The human-readable OSCAL ids (controls, groups, parts, roles) the catalog and the SSP share.
//
// Slugs and keys are [a-z0-9-]; OSCAL ids are tokens: ^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$. So "." and
// "_" never occur inside a slug and can separate its parts, which keeps every id unique by construction:
//   scope           service slug ("vps"); "cross-cutting" for the cross-cutting areas
//   control         <scope>.<area key>               "vps.physical-infrastructure"
//   service group   <scope>                          "vps"
//   area group      <scope>_<group key>              "vps_networking"
//   part            <control>_smt, <control>_smt.<party key>, <control>_gdn, …
// A hyphen would not do: "object-storage" + "backups" and "object" + "storage-backups" would meet.
// A slug that cannot stand as a scope (it starts with a digit, which a token may not, or it is
// "cross-cutting") gets a leading "_", which no slug has.

const crossCutting = "cross-cutting";

/** The first part of every id of a service's areas, or of the cross-cutting areas (null). */
export function scopeId(service: string | null): string {
  if (service === null) return crossCutting;
  return /^[a-z]/.test(service) && service !== crossCutting ? service : `_${service}`;
}

/** The catalog control of an area, and the `control-id` of its implemented requirement in the SSP. */
export function controlId(service: string | null, areaKey: string): string {
  return `${scopeId(service)}.${areaKey}`;
}

/** The catalog group of one of a service's (or the cross-cutting) area groups. */
export function areaGroupId(service: string | null, groupKey: string): string {
  return `${scopeId(service)}_${groupKey}`;
}

/** The statement part of a control: what every party does. */
export const statementId = (control: string) => `${control}_smt`;

/** One party's item in a control's statement. */
export const partyItemId = (control: string, party: string) => `${statementId(control)}.${party}`;

/** The guidance part of a control: the source's notes on the row. */
export const guidanceId = (control: string) => `${control}_gdn`;

/** A party's role: its key, which is unique among the provider's parties (a token-safe form of it). */
export function roleId(partyKey: string): string {
  return /^[a-z]/.test(partyKey) ? partyKey : `_${partyKey}`;
}
