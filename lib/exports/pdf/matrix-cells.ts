// What each matrix column shows for a row, laid out with CellBuilder: the columns (#, Area,
// Assignment, one per party with anything on any row) and the words of every cell, following the
// web matrix (components/matrix): N/A and "none listed" distinct, strengths in words, RACI letters,
// the assignment as symbol + label + colour, notes, interpretation and references under the name.
import { assignmentMeta } from "@/lib/domain/assignment";
import { assignmentPartiesDetail, planeLabels, type MatrixRow } from "@/lib/model/area-text";
import { dutyStrengthLabels } from "@/lib/domain/vocabulary";
import type { GroupDto, PartyDto } from "@/lib/validation/api";
import { CellBuilder, cellStyles as s, type CellLayout } from "./matrix-layout";
import type { TextMeasure } from "./text-wrap";
import { colors } from "./theme";

export const cellPadX = 4;
export const cellPadY = 3.5;

export type ColumnKind = "position" | "area" | "assignment" | "party";

export interface Column {
  kind: ColumnKind;
  header: string;
  x: number;
  width: number;
  /** For party columns. */
  party?: PartyDto;
}

export interface CellContext {
  measure: TextMeasure;
  parties: readonly PartyDto[];
  /** Layer names by key (the service's layers). */
  layerNames: ReadonlyMap<string, string>;
}

/** Columns across `width`: parties only when some row has a cell for them (as the web matrix shows). */
export function matrixColumns(rows: readonly MatrixRow[], parties: readonly PartyDto[], width: number): Column[] {
  const shown = parties.filter((p) => rows.some((r) => r.cells.some((c) => c.party === p.key)));
  const n = shown.length;
  // Wide enough for the largest row number on one line ("305").
  const digits = String(Math.max(0, ...rows.map((r) => r.position + 1))).length;
  const position = Math.max(20, digits * 4.9 + 2 * cellPadX);
  let assignment = 80;
  let area = n === 0 ? width - position - assignment : n === 1 ? 150 : n === 2 ? 116 : 100;
  let partyWidth = n ? (width - position - assignment - area) / n : 0;
  if (n && partyWidth < 72) {
    // Many parties: give them what the name and assignment columns can spare.
    assignment = 68;
    area = 86;
    partyWidth = (width - position - assignment - area) / n;
  }
  const columns: Omit<Column, "x">[] = [
    { kind: "position", header: "#", width: position },
    { kind: "area", header: "Area", width: area },
    { kind: "assignment", header: "Assignment", width: assignment },
    ...shown.map((party) => ({ kind: "party" as const, header: party.name, width: partyWidth, party })),
  ];
  let x = 0;
  return columns.map((c) => {
    const column = { ...c, x };
    x += c.width;
    return column;
  });
}

export function headerCell(column: Column, measure: TextMeasure): CellLayout {
  const cell = new CellBuilder(measure, column.width - 2 * cellPadX);
  cell.text(column.header, { ...s.bold, color: colors.text });
  return cell.done();
}

export function groupCell(group: GroupDto, depth: number, width: number, measure: TextMeasure): CellLayout {
  const cell = new CellBuilder(measure, width - 2 * cellPadX - depth * 10);
  const indent = depth * 10;
  const label = group.number ? `${group.number} ${group.title}` : group.title;
  cell.text(label, { ...s.bold, size: depth === 0 ? 8.4 : 7.8, line: depth === 0 ? 10.6 : 9.8 }, { indent });
  if (group.description) cell.text(group.description, s.small, { indent, gapBefore: 1 });
  return cell.done();
}

export function rowCell(column: Column, row: MatrixRow, ctx: CellContext): CellLayout {
  const cell = new CellBuilder(ctx.measure, column.width - 2 * cellPadX);
  switch (column.kind) {
    case "position":
      cell.text(String(row.position + 1), { ...s.text, color: colors.muted });
      break;
    case "area":
      areaCell(cell, row, ctx);
      break;
    case "assignment":
      assignmentCell(cell, row, ctx);
      break;
    case "party":
      partyCell(cell, row, column.party?.key ?? "");
      break;
  }
  return cell.done();
}

function areaCell(cell: CellBuilder, row: MatrixRow, ctx: CellContext) {
  cell.text(row.name, s.bold);
  const layer = row.layer ? ctx.layerNames.get(row.layer) : undefined;
  const where = [row.plane ? planeLabels[row.plane] : null, layer ? `Layer: ${layer}` : null].filter(Boolean);
  if (where.length) cell.text(where.join(" · "), s.small);
  if (row.notes) cell.text(row.notes, s.small);
  if (row.interpretation)
    cell.text(row.interpretation, s.small, { prefix: { text: "Interpretation:", style: s.smallOblique } });
  if (row.references.length) {
    const refs = row.references.map((r) => `${r.framework} ${r.control}`).join("; ");
    cell.text(refs, s.small, { prefix: { text: "References:", style: s.smallBold } });
  }
}

function assignmentCell(cell: CellBuilder, row: MatrixRow, ctx: CellContext) {
  const meta = assignmentMeta[row.assignment];
  const chip = 10;
  // The label sits right of a chip holding the symbol in the assignment's colours.
  const label = cell.text(meta.label, { ...s.bold, color: colors.text }, { indent: chip + 3.5 });
  label.marks.push({ kind: "chip", x: 0, y: 0, size: chip, assignment: row.assignment });
  const detail = assignmentPartiesDetail(row, ctx.parties);
  if (detail) cell.text(detail, s.small, { gapBefore: 1.5 });
  if (row.overridden) cell.text("◆ Overridden by the deployment model", { ...s.small, color: colors.overridden });
  if (row.assignmentReason) {
    const why = row.raciAssignment ? "Set despite the RACI letters:" : "Why:";
    cell.text(row.assignmentReason, s.small, { prefix: { text: why, style: s.smallBold } });
  } else if (row.raciAssignment && !row.overridden && row.raciAssignment.assignment === row.assignment)
    cell.text("Derived from the RACI letters", s.small);
}

function partyCell(cell: CellBuilder, row: MatrixRow, party: string) {
  const content = row.cells.find((c) => c.party === party);
  if (content?.raci) cell.text(content.raci, s.bold, { prefix: { text: "RACI", style: s.small } });
  if (content?.notApplicable) {
    cell.text("N/A", { ...s.text, color: colors.muted }, { struct: { expanded: "Not applicable" } });
    return;
  }
  const duties = content?.duties ?? [];
  if (duties.length === 0) {
    // A dash, read out as "none listed": nothing is listed, which is not the same as N/A.
    if (!content?.raci) cell.text("—", { ...s.text, color: colors.faint }, { struct: { actual: "none listed" } });
    return;
  }
  for (const duty of duties) {
    const strength = duty.strength;
    const prefix = strength === "must" ? undefined : { text: `${dutyStrengthLabels[strength]}:`, style: s.smallBold };
    const style = strength === "excluded" ? { ...s.text, color: colors.faint } : s.text;
    cell.item(0, duty.text, style, { prefix, strike: strength === "excluded" });
  }
}
