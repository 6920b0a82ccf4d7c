"use client";

import type { ReactTable, RowData } from "@tanstack/react-table";
import { useId, type ReactNode, type Ref } from "react";
import { columnLabel } from "./column-label";
import { DataTableFacetedFilter } from "./data-table-faceted-filter";
import { DataTableViewOptions } from "./data-table-view-options";
import type { DataTableFeatures } from "./features";
import { ResetIcon, SearchIcon } from "./icons";

export function DataTableToolbar<TData extends RowData>({
  table,
  noun,
  searchRef,
  shown,
  total,
  canReset,
  onReset,
  end,
}: {
  table: ReactTable<DataTableFeatures, TData>;
  noun: string;
  searchRef: Ref<HTMLInputElement>;
  shown: number;
  total: number;
  canReset: boolean;
  onReset: () => void;
  end?: ReactNode;
}) {
  const searchId = useId();
  const query: unknown = table.state.globalFilter;
  const facetColumns = table
    .getAllLeafColumns()
    .filter((column) => column.columnDef.meta?.facet && column.getCanFilter());

  return (
    <div className="no-print flex flex-wrap items-center gap-2">
      <div className="relative">
        <label htmlFor={searchId} className="sr-only">
          Search {noun}
        </label>
        <SearchIcon className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-slate-400" />
        <input
          ref={searchRef}
          id={searchId}
          type="search"
          autoComplete="off"
          spellCheck={false}
          placeholder={`Search ${noun}…`}
          value={typeof query === "string" ? query : ""}
          onChange={(event) => table.setGlobalFilter(event.currentTarget.value)}
          className="h-8 w-56 rounded-md border border-slate-300 bg-white pl-8 pr-2 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 focus-visible:border-blue-600 lg:w-72"
        />
      </div>
      {facetColumns.map((column) => {
        const facet = column.columnDef.meta?.facet;
        return (
          <DataTableFacetedFilter
            key={column.id}
            column={column}
            title={facet?.title ?? columnLabel(column)}
            options={facet?.options}
          />
        );
      })}
      {canReset ? (
        <button
          type="button"
          onClick={onReset}
          className="inline-flex h-8 items-center gap-1 rounded-md px-2.5 text-xs font-medium text-slate-700 hover:bg-slate-200/60"
        >
          Reset
          <ResetIcon />
        </button>
      ) : null}
      <div className="ml-auto flex items-center gap-3">
        <p role="status" aria-live="polite" aria-atomic="true" className="text-xs tabular-nums text-slate-500">
          Showing {shown} of {total} {total === 1 ? "row" : "rows"}
        </p>
        <DataTableViewOptions table={table} />
        {end}
      </div>
    </div>
  );
}
