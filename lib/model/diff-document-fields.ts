// Each kind of item flattened into the fields a diff compares, as the pages show them: omitted
// parties are the assignment's default, and absent flags, notes and instance counts equal false,
// null and 1.
import type { ProviderDocument } from "@/lib/validation/provider-document";
import { responsibleParties, type AssignmentValue, type PartyRef } from "@/lib/domain/assignment";
import { dutyToLine } from "@/lib/domain/duty-lines";
import type { FieldValue } from "@/lib/domain/diff-types";

type Doc = ProviderDocument;
export type Area = Doc["crossCuttingAreas"][number];
export type Service = Doc["services"][number];
type Layer = Service["layers"][number];
type Component = Layer["components"][number];
type DeploymentModel = Service["deploymentModels"][number];

/** Parties are compared as sets: their order carries no meaning. */
const sortedParties = (keys: readonly string[]) => [...keys].sort();

function who(
  assignment: AssignmentValue | null | undefined,
  keys: string[] | undefined,
  parties: readonly PartyRef[],
): string[] {
  return sortedParties(responsibleParties(assignment, keys, parties));
}

/**
 * An area's fields; each party's cell is three fields named after the party's key ("duties:provider",
 * "notApplicable:provider", "raci:provider"), for every party of either version, so a cell that
 * appears or goes is a change of its fields.
 */
export function areaFields(
  area: Area,
  parties: readonly PartyRef[],
  cellParties: readonly string[],
): Record<string, FieldValue> {
  const cells: Record<string, FieldValue> = {};
  for (const party of cellParties) {
    const cell = area.cells.find((c) => c.party === party);
    cells[`duties:${party}`] = (cell?.duties ?? []).map(dutyToLine);
    cells[`notApplicable:${party}`] = cell?.notApplicable ?? false;
    cells[`raci:${party}`] = cell?.raci ?? null;
  }
  return {
    key: area.key,
    name: area.name,
    group: area.group ?? null,
    assignment: area.assignment,
    parties: who(area.assignment, area.parties, parties),
    assignmentReason: area.assignmentReason ?? null,
    ...cells,
    references: (area.references ?? []).map((r) => `${r.framework} ${r.control}`),
    notes: area.notes ?? null,
    interpretation: area.interpretation ?? null,
    layer: area.layer ?? null,
    plane: area.plane ?? null,
  };
}

export function layerFields(layer: Layer, parties: readonly PartyRef[]): Record<string, FieldValue> {
  return {
    name: layer.name,
    description: layer.description ?? null,
    assignment: layer.assignment ?? null,
    parties: who(layer.assignment, layer.parties, parties),
    interpretation: layer.interpretation ?? null,
    area: layer.area ?? null,
    areaInterpretation: layer.areaInterpretation ?? null,
  };
}

export interface PlacedComponent {
  layer: Layer;
  component: Component;
}

export function componentFields(
  { component: c }: PlacedComponent,
  parties: readonly PartyRef[],
): Record<string, FieldValue> {
  return {
    name: c.name,
    description: c.description ?? null,
    assignment: c.assignment,
    parties: who(c.assignment, c.parties, parties),
    instances: c.instances ?? 1,
    interpretation: c.interpretation ?? null,
    area: c.area ?? null,
    areaInterpretation: c.areaInterpretation ?? null,
    markerOn: c.markerOn ?? null,
  };
}

/** One line per per-model assignment, so changes read as lines added and removed. */
function modelAssignmentLines(model: DeploymentModel, parties: readonly PartyRef[]): string[] {
  return model.assignments.map((a) => {
    const target = a.component !== undefined ? `component ${a.component}` : `area ${a.area ?? ""}`;
    const keys = who(a.assignment, a.parties, parties);
    const interpretation = a.interpretation ? ` — ${a.interpretation}` : "";
    return `${target}: ${a.assignment}${keys.length ? ` (${keys.join(", ")})` : ""}${interpretation}`;
  });
}

export function modelFields(model: DeploymentModel, parties: readonly PartyRef[]): Record<string, FieldValue> {
  return {
    name: model.name,
    description: model.description ?? null,
    group: model.group ?? null,
    interpretation: model.interpretation ?? null,
    open: model.open === true,
    assignments: modelAssignmentLines(model, parties),
  };
}

export function serviceFields(s: Service): Record<string, FieldValue> {
  return { name: s.name, category: s.category, summary: s.summary, sourceSection: s.sourceSection ?? null };
}

export function providerFields(d: Doc): Record<string, FieldValue> {
  return {
    slug: d.slug,
    name: d.name,
    summary: d.summary,
    brandColor: d.brandColor,
    isPrivate: d.isPrivate ?? false,
    "source.title": d.source.title,
    "source.document": d.source.document,
    "source.url": d.source.url ?? null,
    "source.retrieved": d.source.retrieved ?? null,
  };
}
