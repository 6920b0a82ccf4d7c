// A provider's (or one service's) matrix as CSV: RFC 4180, UTF-8 with a byte-order mark so
// spreadsheet programs read the umlauts, CRLF line ends, formula-like cells neutralised.
import { csvCell } from "@/lib/audit/audit-csv";
import type { ProviderExport } from "./export-model";
import { exportTable } from "./export-rows";

export function renderMatrixCsv(data: ProviderExport): string {
  const table = exportTable(data);
  const lines = [table.columns, ...table.rows.map((row) => row.values)].map((cells) => cells.map(csvCell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
