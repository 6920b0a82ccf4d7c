"use client";

import type { Column, RowData } from "@tanstack/react-table";
import type { DataTableFacetOption, DataTableFeatures } from "./features";
import { Popover } from "./popover";
import { FilterIcon } from "./icons";

/** Distinct values of a column over all rows (before any filter), expanding array values. */
function allValues<TData extends RowData>(column: Column<DataTableFeatures, TData, unknown>): Set<unknown> {
  const values = new Set<unknown>();
  for (const row of column.table.getPreFilteredRowModel().flatRows) {
    for (const v of row.getUniqueValues<unknown>(column.id)) values.add(v);
  }
  return values;
}

export function selectedFacetValues(column: { getFilterValue: () => unknown }): string[] {
  const value = column.getFilterValue();
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/**
 * Multi-select checkbox filter for one column, with counts that reflect the other active filters
 * (TanStack faceting excludes the column's own filter, so alternatives keep their counts).
 */
export function DataTableFacetedFilter<TData extends RowData>({
  column,
  title,
  options,
}: {
  column: Column<DataTableFeatures, TData, unknown>;
  title: string;
  options?: readonly DataTableFacetOption[];
}) {
  const counts = column.getFacetedUniqueValues();
  const selected = selectedFacetValues(column);
  const present = allValues(column);
  const list: DataTableFacetOption[] = options
    ? options.filter((o) => present.has(o.value) || selected.includes(o.value))
    : [...present]
        .filter((v): v is string | number => typeof v === "string" || typeof v === "number")
        .map((v) => ({ value: String(v), label: String(v) }))
        .sort((a, b) => a.label.localeCompare(b.label));
  if (list.length === 0) return null;

  const labelOf = (value: string) => list.find((o) => o.value === value)?.label ?? value;
  const toggle = (value: string, checked: boolean) => {
    const next = checked ? [...selected, value] : selected.filter((v) => v !== value);
    column.setFilterValue(next.length ? next : undefined);
  };

  return (
    <Popover
      buttonClassName={`inline-flex h-8 items-center gap-1.5 rounded-md border border-dashed px-2.5 text-xs font-medium shadow-xs transition-colors hover:bg-slate-50 ${
        selected.length ? "border-slate-400 bg-white text-slate-900" : "border-slate-300 bg-white text-slate-700"
      }`}
      label={
        <>
          <FilterIcon />
          {title}
          <span className="sr-only"> filter</span>
          {selected.length > 0 ? (
            <>
              <span aria-hidden="true" className="mx-0.5 h-4 w-px bg-slate-300" />
              {selected.length > 2 ? (
                <span className="rounded bg-slate-100 px-1.5 py-0.5 font-normal text-slate-700">
                  {selected.length} selected
                </span>
              ) : (
                selected.map((v) => (
                  <span key={v} className="rounded bg-slate-100 px-1.5 py-0.5 font-normal text-slate-700">
                    {labelOf(v)}
                  </span>
                ))
              )}
            </>
          ) : null}
        </>
      }
    >
      <fieldset>
        <legend className="px-2 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
          Filter by {title.toLowerCase()}
        </legend>
        <ul className="max-h-72 overflow-y-auto">
          {list.map((option) => {
            const count = counts.get(option.value) ?? 0;
            const checked = selected.includes(option.value);
            return (
              <li key={option.value}>
                <label
                  className={`flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 hover:bg-slate-100 ${
                    count === 0 && !checked ? "text-slate-400" : "text-slate-800"
                  }`}
                >
                  <input
                    type="checkbox"
                    checked={checked}
                    onChange={(event) => toggle(option.value, event.currentTarget.checked)}
                    className="size-4 rounded border-slate-300 accent-blue-600"
                  />
                  {option.icon ? <span aria-hidden="true">{option.icon}</span> : null}
                  <span className="truncate">{option.label}</span>
                  <span className="ml-auto pl-3 font-mono text-xs tabular-nums text-slate-500">
                    <span className="sr-only">(</span>
                    {count}
                    <span className="sr-only"> {count === 1 ? "row" : "rows"})</span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      {selected.length > 0 ? (
        <div className="mt-1 border-t border-slate-100 pt-1">
          <button
            type="button"
            onClick={() => column.setFilterValue(undefined)}
            className="w-full rounded-md px-2 py-1.5 text-center text-xs font-medium text-slate-700 hover:bg-slate-100"
          >
            Clear {title.toLowerCase()} filter
          </button>
        </div>
      ) : null}
    </Popover>
  );
}
