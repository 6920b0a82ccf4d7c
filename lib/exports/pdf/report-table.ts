// A report's table: columns by share of the page width, the first cell of each row heading its row,
// cells laid out with the matrix's CellBuilder (lines, bulleted items, an assignment chip) and drawn
// by the same TableWriter, so headers repeat on every page and rows are never split needlessly.
import { assignmentMeta } from "@/lib/domain/assignment";
import { styles, type PdfFlow, type TextStyle } from "./flow";
import { cellPadX, headerCell, type Column } from "./matrix-cells";
import { CellBuilder, cellStyles as s, type CellLayout } from "./matrix-layout";
import type { StructElement } from "./pdfkit-adapter";
import type { ReportCell, ReportLine, ReportTable } from "./report-types";
import { rowHeight, tableRow, TableWriter } from "./table-writer";
import { colors } from "./theme";

const lineStyles: Record<NonNullable<ReportLine["tone"]>, TextStyle> = {
  strong: s.bold,
  normal: s.text,
  muted: s.small,
  code: { ...s.small, color: colors.text },
};

function reportCell(cell: ReportCell, width: number, flow: PdfFlow): CellLayout {
  const builder = new CellBuilder(flow.measure, width - 2 * cellPadX);
  if (cell.assignment) {
    const chip = 10;
    const label = builder.text(assignmentMeta[cell.assignment].label, s.bold, { indent: chip + 3.5 });
    label.marks.push({ kind: "chip", x: 0, y: 0, size: chip, assignment: cell.assignment });
  }
  for (const line of cell.lines ?? []) builder.text(line.text, lineStyles[line.tone ?? "normal"]);
  for (const item of cell.items ?? [])
    builder.item(0, item.text, item.strike ? { ...s.text, color: colors.faint } : s.text, {
      prefix: item.prefix ? { text: item.prefix, style: s.smallBold } : undefined,
      strike: item.strike,
    });
  if (!builder.blocks.length) builder.text("—", { ...s.text, color: colors.faint }, { struct: { actual: "none" } });
  return builder.done();
}

export function drawReportTable(
  flow: PdfFlow,
  parent: StructElement,
  table: ReportTable,
  heading: (keepWithNext: number) => void,
): void {
  if (!table.rows.length) {
    heading(40);
    flow.paragraph(parent, table.empty, styles.muted);
    return;
  }
  let x = 0;
  const columns: Column[] = table.columns.map((column) => {
    const width = column.share * flow.width;
    const placed: Column = { kind: "party", header: column.header, x, width };
    x += width;
    return placed;
  });
  const header = tableRow(
    columns.map((column) => ({
      x: column.x,
      width: column.width,
      layout: headerCell(column, flow.measure),
      type: "TH" as const,
      struct: { scope: "Column" as const },
    })),
    colors.headerFill,
  );
  const rows = table.rows.map((cells) =>
    tableRow(
      columns.map((column, index) => ({
        x: column.x,
        width: column.width,
        layout: reportCell(cells[index] ?? {}, column.width, flow),
        type: index === 0 ? ("TH" as const) : ("TD" as const),
        struct: index === 0 ? { scope: "Row" as const } : undefined,
      })),
    ),
  );
  const writer = new TableWriter(flow, parent, header, flow.width);
  // The heading, the header row and the first row (up to a limit) start on one page.
  const lead = Math.min(rowHeight(rows[0]!), 400);
  heading(rowHeight(header) + lead);
  writer.start(lead);
  for (const row of rows) writer.add(row);
  writer.finish();
}
