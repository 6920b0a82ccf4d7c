// A responsibility matrix as a real table: rows in position order, a header row per nested group
// where the group changes ("3.1 Backups" under "3 Data"), then the legends for the assignments and
// RACI letters the table uses.
import { assignmentValues } from "@/lib/domain/assignment";
import type { MatrixRow } from "@/lib/model/area-text";
import type { GroupDto, LayerDto, PartyDto } from "@/lib/validation/api";
import { styles, type PdfFlow } from "./flow";
import { groupCell, headerCell, matrixColumns, rowCell, type CellContext, type Column } from "./matrix-cells";
import type { StructElement } from "./pdfkit-adapter";
import { drawLegend, legendText } from "./swatch";
import { rowHeight, tableRow, TableWriter, type TableRow } from "./table-writer";
import { colors } from "./theme";

export interface MatrixInput {
  rows: readonly MatrixRow[];
  groups: readonly GroupDto[];
  parties: readonly PartyDto[];
  layers: readonly Pick<LayerDto, "key" | "name">[];
  /** Said instead of a table when there are no rows. */
  emptyMessage: string;
  /**
   * Draws the table's heading, keeping `keepWithNext` points under it: the header row and the first
   * row, so neither the heading nor the header is left alone at the foot of a page.
   */
  heading?: (keepWithNext: number) => void;
}

/** Rows up to this tall move whole to the next page with the header; taller ones are cut anyway. */
const leadRowLimit = 400;

/** A row's groups, outermost first (guarded against loops, which the schema refuses anyway). */
function groupPaths(groups: readonly GroupDto[]) {
  const byKey = new Map(groups.map((g) => [g.key, g]));
  return (key: string | null): GroupDto[] => {
    const path: GroupDto[] = [];
    for (let g = key === null ? undefined : byKey.get(key); g && path.length < groups.length;) {
      path.unshift(g);
      g = g.parent === null ? undefined : byKey.get(g.parent);
    }
    return path;
  };
}

function areaRow(columns: readonly Column[], row: MatrixRow, ctx: CellContext): TableRow {
  return tableRow(
    columns.map((column) => ({
      x: column.x,
      width: column.width,
      layout: rowCell(column, row, ctx),
      // The area's name heads its row, as on the web page.
      type: column.kind === "area" ? "TH" : "TD",
      struct: column.kind === "area" ? { scope: "Row" } : undefined,
    })),
  );
}

export function drawMatrix(flow: PdfFlow, parent: StructElement, input: MatrixInput): void {
  const { measure } = flow;
  if (!input.rows.length) {
    input.heading?.(40);
    flow.paragraph(parent, input.emptyMessage, styles.muted);
    return;
  }
  const rows = [...input.rows].sort((a, b) => a.position - b.position);
  const columns = matrixColumns(rows, input.parties, flow.width);
  const ctx: CellContext = {
    measure,
    parties: input.parties,
    layerNames: new Map(input.layers.map((l) => [l.key, l.name])),
  };
  const header = tableRow(
    columns.map((column) => ({
      x: column.x,
      width: column.width,
      layout: headerCell(column, measure),
      type: "TH",
      struct: { scope: "Column" },
    })),
    colors.headerFill,
  );
  const pathOf = groupPaths(input.groups);
  const writer = new TableWriter(flow, parent, header, flow.width);
  let previous: GroupDto[] = [];
  rows.forEach((row, index) => {
    const area = areaRow(columns, row, ctx);
    const path = pathOf(row.group);
    let same = 0;
    while (same < path.length && same < previous.length && path[same]?.key === previous[same]?.key) same += 1;
    const groupRows = path.slice(same).map((group, i) =>
      tableRow(
        [
          {
            x: 0,
            width: flow.width,
            layout: groupCell(group, same + i, flow.width, measure),
            type: "TH",
            struct: { colSpan: columns.length, scope: "Row" },
          },
        ],
        colors.groupFill[(same + i) % 2],
      ),
    );
    if (index === 0) {
      const lead = groupRows.reduce((h, r) => h + rowHeight(r), 0) + Math.min(rowHeight(area), leadRowLimit);
      input.heading?.(rowHeight(header) + lead);
      writer.start(lead);
    }
    groupRows.forEach((groupRow, i) => {
      // Group headings stay on the page of the first row under them.
      const below = groupRows.slice(i + 1).reduce((h, r) => h + rowHeight(r), 0) + Math.min(rowHeight(area), 60);
      writer.add(groupRow, below);
    });
    writer.add(area);
    previous = path;
  });
  writer.finish();

  const present = assignmentValues.filter((v) => rows.some((r) => r.assignment === v));
  drawLegend(
    flow,
    parent,
    "Assignments",
    present.map((assignment) => ({ assignment, text: legendText(assignment) })),
  );
  if (rows.some((r) => r.cells.some((c) => c.raci)))
    flow.paragraph(parent, "RACI letters: R Responsible · A Accountable · C Consulted · I Informed.", styles.muted);
}
