// A provider's (or one service's) matrix as CSV: RFC 4180, UTF-8 with a byte-order mark so
// spreadsheet programs read the umlauts, CRLF line ends, formula-like cells neutralised.
import { csvCell } from "@/lib/audit/audit-csv";
import type { ProviderExport } from "./export-model";
import { exportTable } from "./export-rows";

/** Rows (the header first) as a CSV document in the form every export uses. */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((cells) => cells.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

export function renderMatrixCsv(data: ProviderExport): string {
  const table = exportTable(data);
  return csvDocument([table.columns, ...table.rows.map((row) => row.values)]);
}
