// TanStack Table v9 feature set shared by every DataTable, plus the column-meta contract.
// No "use client": column factories in feature folders import the helper from here.
import type { ReactNode } from "react";
import {
  columnFacetingFeature,
  columnFilteringFeature,
  columnVisibilityFeature,
  constructFilterFn,
  createColumnHelper,
  createFacetedRowModel,
  createFacetedUniqueValues,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_includesString,
  globalFilteringFeature,
  metaHelper,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
  type Column,
  type TableFeatures,
  type ColumnDef,
  type FilterFn,
  type Row,
  type RowData,
} from "@tanstack/react-table";

export interface DataTableFacetOption {
  /** The value as produced by the column's accessor (or by `getUniqueValues` for array columns). */
  value: string;
  /** Plain-text label: used in the checkbox list, the selected chips and for assistive tech. */
  label: string;
  /** Optional decoration shown before the label (a swatch, a symbol). Decorative: keep `label` meaningful. */
  icon?: ReactNode;
}

/** `columnDef.meta` for DataTable columns (declared per table through the `columnMeta` type slot). */
export interface DataTableColumnMeta {
  /** Plain-text column name for menus, filter buttons and search labels (headers may be JSX). */
  label?: string;
  /** Show a faceted multi-select filter for this column in the toolbar. Use with `filterFn: "facet"`. */
  facet?: {
    /** Button / legend text; defaults to `label`. */
    title?: string;
    /** Options in display order. Omit to list the column's distinct values. Options absent from the data are hidden. */
    options?: readonly DataTableFacetOption[];
    /** The address parameter holding the choices when the table keeps its state in the URL; defaults to the id. */
    param?: string;
  };
  /** On narrow screens (cards), the label above the cell; `false` for cells that speak for themselves. */
  cardLabel?: string | false;
  /** Extra classes for the cell on narrow screens, where a row is a card. */
  cardClassName?: string;
  /** Hidden until the reader turns it on in the "Columns" menu (still searchable and filterable). */
  defaultHidden?: boolean;
  /** Render this column's cells as `<th scope="row">` (the row's name). */
  rowHeader?: boolean;
  headerClassName?: string;
  cellClassName?: string;
}

/** Lower-cases and strips diacritics so "Donau" matches "donau" and "é" matches "e". */
export function normalizeSearchText(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}

/**
 * Multi-select filter for faceted columns: the filter value is an array of selected values; a row passes
 * when its value (or, for array values, any element) is one of them. Empty selections remove the filter.
 */
export const facetFilterFn = constructFilterFn({
  filter: (dataValue: unknown, filterValue: readonly unknown[]) => {
    if (Array.isArray(dataValue)) return dataValue.some((v) => filterValue.includes(v));
    return filterValue.includes(dataValue);
  },
  autoRemove: (value: unknown) => !Array.isArray(value) || value.length === 0,
});

export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text, basic: sortFn_basic },
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  filterFns: { facet: facetFilterFn, includesString: filterFn_includesString },
  columnFacetingFeature,
  facetedRowModel: createFacetedRowModel(),
  facetedUniqueValues: createFacetedUniqueValues(),
  columnVisibilityFeature,
  columnMeta: metaHelper<DataTableColumnMeta>(),
});

export type DataTableFeatures = typeof dataTableFeatures;

/** A column definition accepted by DataTable. Build them with `dataTableColumnHelper<Row>()`. */
// The columns of one table have different value types, which TanStack expresses as `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DataTableColumnDef<TData extends RowData> = ColumnDef<DataTableFeatures, TData, any>;

export function dataTableColumnHelper<TData extends RowData>() {
  return createColumnHelper<DataTableFeatures, TData>();
}

/** Lower-cased, diacritic-free text of a cell value for the search box (arrays are joined). */
export function searchTextOf(value: unknown): string {
  if (value == null) return "";
  if (Array.isArray(value)) return value.map(searchTextOf).join(" \n ");
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return normalizeSearchText(String(value));
  return "";
}

/** Splits a search query into normalized terms; every term must match somewhere in the row. */
export function searchTerms(query: unknown): string[] {
  if (typeof query !== "string") return [];
  return normalizeSearchText(query).split(/\s+/).filter(Boolean);
}

/**
 * The search box's filter: row-wide, every term must occur in some searchable column value or in
 * `getRowSearchText(row)`. TanStack calls a global filter once per (row, searchable column) and keeps
 * the row if any call passes, so the row's text is built once and cached per row object.
 */
export function createSearchFilterFn<TData extends RowData>(
  getRowSearchText?: (row: TData) => string,
): FilterFn<DataTableFeatures, TData> {
  const cache = new WeakMap<object, string>();
  const haystackOf = (row: Row<DataTableFeatures, TData>): string => {
    let text = cache.get(row);
    if (text === undefined) {
      const parts = row.table
        .getAllLeafColumns()
        .filter((column) => column.getCanGlobalFilter())
        .map((column) => searchTextOf(row.getValue(column.id)));
      if (getRowSearchText) parts.push(searchTextOf(getRowSearchText(row.original)));
      text = parts.join("\n");
      cache.set(row, text);
    }
    return text;
  };
  return Object.assign(
    (row: Row<DataTableFeatures, TData>, _columnId: string, terms: string[]) => {
      const haystack = haystackOf(row);
      return terms.every((term) => haystack.includes(term));
    },
    { resolveFilterValue: (value: unknown) => searchTerms(value) },
  );
}

/**
 * Search eligibility: every accessor column unless it sets `enableGlobalFilter: false`. (v9's default
 * admits only columns whose first non-null value is a string or number, dropping array columns.)
 */
export function canSearchColumn<TFeatures extends TableFeatures, TData extends RowData, TValue = unknown>(
  column: Column<TFeatures, TData, TValue>,
): boolean {
  return (column.columnDef as { enableGlobalFilter?: boolean }).enableGlobalFilter !== false;
}
