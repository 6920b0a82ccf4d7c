// The tables of an XLSX workbook (with exceljs, the library the exports use): one table per
// worksheet that has one, under a heading named after the sheet. The header is the first row the
// caller recognises (`isHeader`) within the sheet's first rows — CAIQ workbooks put title rows above
// it. Cells are read as the text Excel shows (formula results, rich text joined).
import "server-only";
import ExcelJS from "exceljs";
import type { ReadTables, SourceRow, SourceTable } from "./source-table";

const HEADER_SEARCH_ROWS = 25;

export async function readXlsxTables(options: {
  bytes: Uint8Array;
  isHeader: (cells: readonly string[]) => boolean;
}): Promise<ReadTables> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(options.bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, error: "The file is not an XLSX workbook that can be read." };
  }
  const tables: SourceTable[] = [];
  for (const sheet of workbook.worksheets) {
    const rows: SourceRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column)));
      while (cells.length && cells.at(-1)!.trim() === "") cells.pop();
      if (cells.some((c) => c.trim() !== "")) rows.push({ line, cells });
    });
    const at = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => options.isHeader(r.cells));
    if (at < 0) continue;
    const header = rows[at]!;
    const body = rows.slice(at + 1).map((r) => ({
      line: r.line,
      cells: Array.from({ length: header.cells.length }, (_, i) => r.cells[i] ?? ""),
    }));
    tables.push({ headings: [{ level: 1, text: sheet.name, description: "" }], header, rows: body });
  }
  if (tables.length === 0)
    return { ok: false, error: "No worksheet holds a table with an area column and a party column." };
  return { ok: true, tables };
}

/** A cell as text. A damaged workbook can hold any shape in a cell (exceljs then answers numbers or objects): never throw. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "richText" in value)
    return Array.isArray(value.richText) ? value.richText.map((part) => String(part?.text ?? "")).join("") : "";
  if (typeof value === "object" && "result" in value) return String(value.result ?? "");
  if (typeof value === "object" && "text" in value) return String(value.text);
  const text: unknown = cell.text;
  return typeof text === "string" ? text : String(value);
}
