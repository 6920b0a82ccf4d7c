"use client";

import type { RowData } from "@tanstack/react-table";
import type { ReactTable } from "@tanstack/react-table";
import type { DataTableFeatures } from "./features";
import { columnLabel } from "./column-label";
import { Popover } from "./popover";
import { ColumnsIcon } from "./icons";

/** "Columns" menu: one checkbox per hideable column, plus a way back to the default set. */
export function DataTableViewOptions<TData extends RowData>({
  table,
}: {
  table: ReactTable<DataTableFeatures, TData>;
}) {
  const columns = table.getAllLeafColumns().filter((column) => column.getCanHide());
  if (columns.length === 0) return null;
  const hiddenCount = columns.filter((c) => !c.getIsVisible()).length;

  return (
    <Popover
      align="end"
      buttonClassName="inline-flex h-8 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 text-xs font-medium text-slate-700 shadow-xs hover:bg-slate-50"
      label={
        <>
          <ColumnsIcon />
          Columns
          {hiddenCount > 0 ? <span className="font-normal text-slate-500"> ({hiddenCount} hidden)</span> : null}
        </>
      }
    >
      <fieldset>
        <legend className="px-2 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Show columns</legend>
        <ul>
          {columns.map((column) => (
            <li key={column.id}>
              <label className="flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-slate-800 hover:bg-slate-100">
                <input
                  type="checkbox"
                  checked={column.getIsVisible()}
                  onChange={(event) => column.toggleVisibility(event.currentTarget.checked)}
                  className="size-4 rounded border-slate-300 accent-blue-600"
                />
                {columnLabel(column)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="mt-1 border-t border-slate-100 pt-1">
        <button
          type="button"
          onClick={() => table.resetColumnVisibility()}
          className="w-full rounded-md px-2 py-1.5 text-center text-xs font-medium text-slate-700 hover:bg-slate-100"
        >
          Default columns
        </button>
      </div>
    </Popover>
  );
}
