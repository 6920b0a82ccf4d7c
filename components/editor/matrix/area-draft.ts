// The editor's model of one matrix row: the area as the draft holds it, the form's text state while
// it is edited, and the conversions between them. Pure.
import { defaultParties, type AssignmentValue, type PartyRoleValue } from "@/lib/domain/assignment";
import { dutyToLine, linesToDuties } from "@/lib/domain/duty-lines";
import { parseRaci } from "@/lib/domain/raci";
import { uniqueSlugs } from "@/lib/domain/slug";
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

/** One party's cell in the form: duties as text, one per line (strength as a "Should:" prefix). */
export interface CellDraft {
  party: string;
  duties: string;
  notApplicable: boolean;
  raci: string;
}

/** A row's form state. */
export interface AreaDraft {
  name: string;
  group: string;
  assignment: AssignmentValue;
  parties: string[];
  assignmentReason: string;
  /** One per party of the provider, in party order. */
  cells: CellDraft[];
  notes: string;
  layer: string;
  /** One reference per line: "Framework: control". */
  references: string;
}

/** The fields the row editor shows (errors elsewhere, e.g. inside cells, are listed under the row). */
export const editedFields = [
  "name",
  "group",
  "assignment",
  "parties",
  "assignmentReason",
  "notes",
  "layer",
  "references",
] as const;
export type EditedField = (typeof editedFields)[number];

export function toDraft(area: Area, parties: readonly EditorParty[]): AreaDraft {
  return {
    name: area.name,
    group: area.group ?? "",
    assignment: area.assignment,
    parties: area.parties ?? defaultParties(area.assignment, parties),
    assignmentReason: area.assignmentReason ?? "",
    cells: parties.map((p) => {
      const cell = area.cells.find((c) => c.party === p.key);
      return {
        party: p.key,
        duties: (cell?.duties ?? []).map(dutyToLine).join("\n"),
        notApplicable: cell?.notApplicable ?? false,
        raci: cell?.raci ?? "",
      };
    }),
    notes: area.notes ?? "",
    layer: area.layer ?? "",
    references: (area.references ?? []).map((r) => `${r.framework}: ${r.control}`).join("\n"),
  };
}

/** "CSA CCM: IAM-02" → framework and control (the last colon splits; without one, the last word is the control). */
function parseReference(line: string): { framework: string; control: string } {
  const at = line.lastIndexOf(":");
  if (at > 0) return { framework: line.slice(0, at).trim(), control: line.slice(at + 1).trim() };
  const space = line.lastIndexOf(" ");
  return space > 0
    ? { framework: line.slice(0, space).trim(), control: line.slice(space + 1).trim() }
    : { framework: line.trim(), control: "" };
}

/**
 * The area to save: the draft's fields over the loaded row (so fields this editor does not show are
 * kept). `key` names a new row (the loaded row keeps its own).
 */
export function fromDraft(draft: AreaDraft, base: Area | null, key = base?.key ?? ""): Area {
  const kept: Partial<Area> = { ...base };
  for (const field of ["notes", "layer", "group", "assignmentReason", "references"] as const) delete kept[field];
  const references = draft.references
    .split("\n")
    .filter((line) => line.trim())
    .map(parseReference);
  const raci = (text: string) => parseRaci(text) ?? (text.trim() || undefined);
  return {
    ...kept,
    key,
    name: draft.name.trim(),
    ...(draft.group ? { group: draft.group } : {}),
    assignment: draft.assignment,
    parties: draft.parties,
    ...(draft.assignmentReason.trim() ? { assignmentReason: draft.assignmentReason.trim() } : {}),
    cells: draft.cells.flatMap((c) => {
      const duties = linesToDuties(c.duties);
      const letters = raci(c.raci);
      if (duties.length === 0 && !c.notApplicable && !letters) return [];
      return [
        {
          party: c.party,
          duties,
          ...(c.notApplicable ? { notApplicable: true } : {}),
          ...(letters ? { raci: letters } : {}),
        },
      ];
    }),
    ...(references.length ? { references } : {}),
    ...(draft.notes.trim() ? { notes: draft.notes.trim() } : {}),
    ...(draft.layer ? { layer: draft.layer } : {}),
  };
}

export function newDraft(parties: readonly EditorParty[]): AreaDraft {
  return toDraft({ key: "", name: "", assignment: "customer", cells: [] }, parties);
}

/** A key for a new row: the name's slug, unique among the list's keys. */
export function newRowKey(name: string, areas: readonly Area[]): string {
  return uniqueSlugs(
    [name],
    areas.map((a) => a.key),
  )[0]!;
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
    Array.isArray((value as Area).cells)
  );
}
