// The parts of a stack diagram that put it into words: the legend of the assignments drawn, and the
// plain-text description for `<desc>` / screen readers.
import { assignmentMeta, assignmentValues, type AssignmentValue } from "@/lib/domain/assignment";
import type { DiagramBand, LegendEntry } from "./stack-diagram-types";

const assignmentWords: Record<AssignmentValue, string> = {
  provider: "provider",
  customer: "customer",
  shared: "shared",
  "best-effort": "best effort",
  "third-party": "third party",
  "n/a": "not applicable",
};

/** "best effort (STACKIT)", "shared (Customer + Contain)", "unassigned". */
export function describeAssignment(assignment: AssignmentValue | null, partyNames: readonly string[]): string {
  if (!assignment) return "unassigned";
  const names = partyNames.length ? ` (${partyNames.join(" + ")})` : "";
  return `${assignmentWords[assignment]}${names}`;
}

export function buildLegend(bands: readonly DiagramBand[]): LegendEntry[] {
  const groups = new Map<AssignmentValue | null, string[]>();
  const add = (assignment: AssignmentValue | null, partyNames: readonly string[]) => {
    const list = groups.get(assignment) ?? [];
    const combo = partyNames.join(" + ");
    const label = assignment ? assignmentMeta[assignment].label : "Unassigned";
    // "Customer · Customer" says nothing; keep only combinations that add information.
    if (combo && combo.toLowerCase() !== label.toLowerCase() && !list.includes(combo)) list.push(combo);
    groups.set(assignment, list);
  };
  for (const band of bands) {
    if (band.assignment !== null || band.unassigned) add(band.assignment, band.partyNames);
    for (const box of band.boxes) add(box.assignment, box.partyNames);
  }
  const entries: LegendEntry[] = assignmentValues
    .filter((value) => groups.has(value))
    .map((value) => ({
      assignment: value,
      label: assignmentMeta[value].label,
      symbol: assignmentMeta[value].symbol,
      description: assignmentMeta[value].description,
      partyGroups: groups.get(value) ?? [],
    }));
  if (groups.has(null)) {
    // Boxes without an owner because it depends on the deployment model are not "unassigned": say so.
    const nulls = bands.flatMap((b) => [
      ...(b.assignment === null && b.unassigned ? [false] : []),
      ...b.boxes.filter((x) => x.assignment === null).map((x) => x.variesByModel),
    ]);
    const allVary = nulls.length > 0 && nulls.every(Boolean);
    entries.push(
      allVary
        ? {
            assignment: null,
            label: "Depends on the deployment model",
            symbol: "?",
            description: "Each deployment model assigns it; choose a model to see who holds it.",
            partyGroups: ["depends on the deployment model"],
          }
        : {
            assignment: null,
            label: "Unassigned",
            symbol: "?",
            description: "Nobody has been assigned yet.",
            partyGroups: [],
          },
    );
  }
  return entries;
}

export function describeDiagram(title: string, bands: readonly DiagramBand[]): string {
  if (!bands.length) return `${title}. No layers are described.`;
  const layerCount = `${bands.length} layer${bands.length === 1 ? "" : "s"}`;
  const parts = bands.map((band) => {
    const own =
      band.assignment !== null || band.unassigned
        ? ` (${band.assignment ? assignmentWords[band.assignment] : "unassigned"}${band.partyNames.length ? `: ${band.partyNames.join(" + ")}` : ""})`
        : "";
    const content = band.boxes.length ? band.boxes.map((b) => b.summary).join("; ") : "no components";
    return `${band.label}${own}: ${content}.`;
  });
  return `${title}. Stack of ${layerCount}, from top to bottom. ${parts.join(" ")}`;
}
