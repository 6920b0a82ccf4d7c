// A provider's (or one service's) matrix as an XLSX workbook: a cover sheet saying which version it
// is, one sheet per service and one for the cross-cutting areas, and a legend. Frozen header rows,
// filters, wrapped text; assignment cells carry the label and the colour, never the colour alone.
import ExcelJS from "exceljs";
import { assignmentMeta, assignmentValues, type AssignmentValue } from "@/lib/domain/assignment";
import { assignmentHex } from "@/lib/domain/assignment-colours";
import { isFiltered, type ProviderExport } from "./export-model";
import { exportSheets, type ExportSheet } from "./export-rows";
import { coverLines } from "./cover-lines";

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
export function sheetName(title: string, taken: Set<string>): string {
  const base =
    title
      .replace(/[:\\/?*[\]]/g, " ")
      .trim()
      .slice(0, 31) || "Sheet";
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Column widths from the content, within reason: long duty lists wrap instead. */
function widthOf(header: string, values: readonly string[]): number {
  const longest = Math.max(
    header.length,
    ...values.map((value) => Math.max(...value.split("\n").map((line) => line.length), 0)),
  );
  return Math.min(Math.max(longest + 2, 10), 60);
}

function addMatrixSheet(workbook: ExcelJS.Workbook, sheet: ExportSheet, name: string) {
  const ws = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = sheet.columns.map((header, i) => ({
    header,
    key: String(i),
    width: widthOf(
      header,
      sheet.rows.map((row) => row.values[i] ?? ""),
    ),
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
  const assignmentColumn = sheet.columns.indexOf("Assignment") + 1;
  for (const row of sheet.rows) {
    const added = ws.addRow(row.values);
    added.alignment = { vertical: "top", wrapText: true };
    const cell = added.getCell(assignmentColumn);
    const colours = assignmentHex[row.area.assignment];
    cell.value = `${assignmentMeta[row.area.assignment].symbol} ${assignmentMeta[row.area.assignment].label}`;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(colours.fill) } };
    cell.font = { bold: true, color: { argb: argb(colours.text) } };
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + sheet.rows.length, column: sheet.columns.length } };
}

function addCover(workbook: ExcelJS.Workbook, data: ProviderExport) {
  const ws = workbook.addWorksheet("Cover");
  ws.columns = [{ width: 28 }, { width: 90 }];
  ws.addRow([`${data.provider.name}: shared responsibility model`]).font = { bold: true, size: 14 };
  ws.addRow([]);
  for (const [label, value] of coverLines(data)) {
    const row = ws.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.alignment = { vertical: "top", wrapText: true };
  }
  if (isFiltered(data.scope.filters))
    ws.addRow(["", "This file holds only the areas that match the filters above."]).font = { italic: true };
}

function addLegend(workbook: ExcelJS.Workbook, used: ReadonlySet<AssignmentValue>) {
  const ws = workbook.addWorksheet("Legend");
  ws.columns = [
    { header: "Assignment", width: 20 },
    { header: "Meaning", width: 70 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const value of assignmentValues.filter((v) => used.has(v))) {
    const row = ws.addRow([
      `${assignmentMeta[value].symbol} ${assignmentMeta[value].label}`,
      assignmentMeta[value].description,
    ]);
    row.getCell(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(assignmentHex[value].fill) } };
    row.getCell(1).font = { bold: true, color: { argb: argb(assignmentHex[value].text) } };
  }
  ws.addRow([]);
  ws.addRow([
    "Duties",
    "One per line. “Should:”, “May:” and “Excluded:” mark duties that are not a plain must; N/A: not applicable to that party.",
  ]);
  ws.addRow(["RACI", "R Responsible, A Accountable, C Consulted, I Informed."]);
}

export async function renderMatrixXlsx(data: ProviderExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  // From the version, not the clock: the same version gives the same workbook.
  const published = new Date(data.version.publishedAt);
  workbook.creator = "Demarc";
  workbook.lastModifiedBy = "Demarc";
  workbook.created = published;
  workbook.modified = published;
  workbook.title = `${data.provider.name} shared responsibility model, version ${data.version.number}`;
  addCover(workbook, data);
  const sheets = exportSheets(data);
  const taken = new Set(["cover", "legend"]);
  for (const sheet of sheets) addMatrixSheet(workbook, sheet, sheetName(sheet.title, taken));
  addLegend(workbook, new Set(sheets.flatMap((sheet) => sheet.rows.map((row) => row.area.assignment))));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
