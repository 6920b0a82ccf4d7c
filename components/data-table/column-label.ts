import type { Column, RowData } from "@tanstack/react-table";
import type { DataTableFeatures } from "./features";

/** Plain-text name of a column: `meta.label`, else a string header, else the id. */
export function columnLabel<TData extends RowData>(column: Column<DataTableFeatures, TData, unknown>): string {
  const header = column.columnDef.header;
  return column.columnDef.meta?.label ?? (typeof header === "string" ? header : column.id);
}
