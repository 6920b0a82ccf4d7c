// The editor's model of one matrix row: the area as the draft holds it, the form's text state while
// it is edited, and the conversions between them. Pure.
import { defaultParties, type AssignmentValue, type PartyRoleValue } from "@/lib/domain/assignment";
import type { ProviderDocument } from "@/lib/validation/provider-document";

export type Area = ProviderDocument["crossCuttingAreas"][number];

export interface EditorParty {
  key: string;
  name: string;
  role: PartyRoleValue;
}

export interface RowIssue {
  severity: "error" | "warning";
  rule: string;
  message: string;
}

/** A row's form state: duties as one text per side, one duty per line. */
export interface AreaDraft {
  name: string;
  assignment: AssignmentValue;
  parties: string[];
  providerDuties: string;
  customerDuties: string;
  providerNotApplicable: boolean;
  customerNotApplicable: boolean;
  notes: string;
  layer: string;
}

/** The fields the row editor shows (errors elsewhere are listed under the row). */
export const editedFields = [
  "name",
  "assignment",
  "parties",
  "providerDuties",
  "customerDuties",
  "providerNotApplicable",
  "customerNotApplicable",
  "notes",
  "layer",
] as const;
export type EditedField = (typeof editedFields)[number];

export function toDraft(area: Area, parties: readonly EditorParty[]): AreaDraft {
  return {
    name: area.name,
    assignment: area.assignment,
    parties: area.parties ?? defaultParties(area.assignment, parties),
    providerDuties: area.providerDuties.join("\n"),
    customerDuties: area.customerDuties.join("\n"),
    providerNotApplicable: area.providerNotApplicable ?? false,
    customerNotApplicable: area.customerNotApplicable ?? false,
    notes: area.notes ?? "",
    layer: area.layer ?? "",
  };
}

const lines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

/** The area to save: the draft's fields over the loaded row (so fields this editor does not show are kept). */
export function fromDraft(draft: AreaDraft, base: Area | null): Area {
  const kept: Partial<Area> = { ...base };
  for (const key of ["notes", "layer", "providerNotApplicable", "customerNotApplicable"] as const) delete kept[key];
  return {
    ...kept,
    name: draft.name.trim(),
    assignment: draft.assignment,
    parties: draft.parties,
    providerDuties: lines(draft.providerDuties),
    customerDuties: lines(draft.customerDuties),
    ...(draft.providerNotApplicable ? { providerNotApplicable: true } : {}),
    ...(draft.customerNotApplicable ? { customerNotApplicable: true } : {}),
    ...(draft.notes.trim() ? { notes: draft.notes.trim() } : {}),
    ...(draft.layer ? { layer: draft.layer } : {}),
  };
}

export function newDraft(parties: readonly EditorParty[]): AreaDraft {
  return toDraft({ name: "", assignment: "customer", providerDuties: [], customerDuties: [] }, parties);
}

/** Party names next to the badge when they add something (as on the read-only matrix). */
export function partiesDetail(area: Pick<Area, "assignment" | "parties">, parties: readonly EditorParty[]) {
  if (area.assignment === "n/a") return undefined;
  const defaults = defaultParties(area.assignment, parties);
  const keys = area.parties ?? defaults;
  if (keys.length === 0) return undefined;
  const sameAsDefaults = keys.length === defaults.length && keys.every((k) => defaults.includes(k));
  if (sameAsDefaults && !(area.assignment === "shared" && parties.length > 2)) return undefined;
  if (parties.length > 2 && keys.length === parties.length) return "All";
  const names = new Map(parties.map((p) => [p.key, p.name]));
  return keys.map((k) => names.get(k) ?? k).join(" + ");
}

/** Row keys that survive moves: the name, numbered when it repeats. */
export function rowKeys(areas: readonly Area[]): string[] {
  const seen = new Map<string, number>();
  return areas.map((a) => rowKey(a.name, seen.get(a.name) ?? 0, seen));
}

function rowKey(name: string, occurrence: number, seen?: Map<string, number>): string {
  seen?.set(name, occurrence + 1);
  return `${name}\u0000${occurrence}`;
}

/** The key a row named `name` will have when it lands at `at` (rows of the same name above it count). */
export function rowKeyAt(areas: readonly Area[], name: string, at: number): string {
  return rowKey(name, areas.slice(0, at).filter((a) => a.name === name).length);
}

export function isArea(value: unknown): value is Area {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Area).name === "string" &&
    typeof (value as Area).assignment === "string" &&
    Array.isArray((value as Area).providerDuties) &&
    Array.isArray((value as Area).customerDuties)
  );
}
