"use client";

import { useTable, type ColumnVisibilityState, type RowData, type SortingState } from "@tanstack/react-table";
import { useSearchParams } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { columnLabel } from "./column-label";
import { DataTableToolbar } from "./data-table-toolbar";
import { GroupHeaderRow, withGroupHeaders, type RowGroup } from "./row-groups";
import { canSearchColumn, createSearchFilterFn, dataTableFeatures, type DataTableColumnDef } from "./features";
import { SortIcon } from "./icons";
import { readTableState, writeTableState, type FacetParams } from "./url-state";
import { useRowTarget } from "./use-row-target";

// Types only: this is a client module, so functions (e.g. `dataTableColumnHelper`) come from "./features".
export type { DataTableColumnDef, DataTableColumnMeta, DataTableFacetOption } from "./features";

export interface DataTableProps<TData extends RowData> {
  /** Rows. Keep the array reference stable between renders (it is the table's memo key). */
  data: readonly TData[];
  /** Column definitions; build with `dataTableColumnHelper<Row>()` and memoise (`useMemo`). */
  columns: readonly DataTableColumnDef<TData>[];
  /** Table caption (required for accessibility). Visually hidden unless `captionVisible`. */
  caption: string;
  captionVisible?: boolean;
  /** Plural noun for the rows, used in the search label and empty state ("areas"). Default "rows". */
  noun?: string;
  /** Stable row id (React key); defaults to the row index. */
  getRowId?: (row: TData, index: number) => string;
  /**
   * Extra text the search box matches for a row, on top of the searchable column values
   * (e.g. notes or labels that are rendered but are not a column's accessor value).
   */
  getRowSearchText?: (row: TData) => string;
  /**
   * The groups a row sits in, outermost first. In the initial sort order, rows are shown under
   * collapsible group headers (with counts of the rows that pass the filters); sorted otherwise,
   * the table is flat.
   */
  getRowGroups?: (row: TData) => readonly RowGroup[];
  /** Extra classes for a body row (e.g. to highlight changed rows). */
  getRowClassName?: (row: TData) => string | undefined;
  /**
   * The row's fragment id, so a link can point at it (`…#area-backups`): arriving with it opens the
   * row's collapsed groups, scrolls to it and highlights it.
   */
  getRowAnchor?: (row: TData) => string;
  /** Groups (keys) that start collapsed. */
  initiallyCollapsed?: readonly string[];
  /** Keep search, filters, sort and columns in the address (one such table per page). */
  stateInUrl?: boolean;
  /** Initial sort; "Reset" returns to it. */
  initialSorting?: SortingState;
  /** Visibility overrides on top of the columns' `meta.defaultHidden` (column id → visible). */
  initialColumnVisibility?: ColumnVisibilityState;
  /** Shown when there are no rows at all (not when filters hide them). */
  emptyMessage?: ReactNode;
  /** Beside the column picker, given what the table is filtered by (e.g. an Export menu for this view). */
  toolbarEnd?: (filters: TableFilters) => ReactNode;
  className?: string;
}

function columnIdOf<TData extends RowData>(def: DataTableColumnDef<TData>): string | undefined {
  if (typeof def.id === "string") return def.id;
  if ("accessorKey" in def && def.accessorKey != null) return String(def.accessorKey);
  return typeof def.header === "string" ? def.header : undefined;
}

function defaultVisibility<TData extends RowData>(
  columns: readonly DataTableColumnDef<TData>[],
): ColumnVisibilityState {
  const visibility: ColumnVisibilityState = {};
  for (const def of columns) {
    const id = columnIdOf(def);
    if (id && def.meta?.defaultHidden) visibility[id] = false;
    if ("columns" in def && def.columns) Object.assign(visibility, defaultVisibility(def.columns));
  }
  return visibility;
}

/** Every leaf column with its id (the table's own ids: explicit id, accessor key or string header). */
function leafColumns<TData extends RowData>(
  columns: readonly DataTableColumnDef<TData>[],
): { id: string; def: DataTableColumnDef<TData> }[] {
  return columns.flatMap((def) => {
    if ("columns" in def && def.columns) return leafColumns(def.columns);
    const id = columnIdOf(def);
    return id ? [{ id, def }] : [];
  });
}

// Below the md breakpoint a row is a card: its cells stack, each under its column's name, so nothing
// sits off-screen in a sideways-scrolling table. One DOM for both layouts (no duplicate content).
const cardFrameClass = "narrow:overflow-visible narrow:border-0 narrow:bg-transparent narrow:shadow-none";
const cardRowClass =
  "narrow:mb-3 narrow:flex narrow:flex-wrap narrow:items-start narrow:rounded-lg narrow:border narrow:border-slate-200 narrow:bg-white narrow:px-3 narrow:py-2 narrow:shadow-xs narrow:even:bg-white";
const cardCellClass = "narrow:block narrow:min-w-0 narrow:max-w-none narrow:border-0 narrow:px-0 narrow:py-1.5";

function sameSorting(a: SortingState, b: SortingState): boolean {
  return a.length === b.length && a.every((s, i) => s.id === b[i]?.id && s.desc === b[i]?.desc);
}

/**
 * Generic client-side data table: sortable headers, a search box, faceted filters for columns whose
 * meta declares `facet`, column visibility, reset, an empty state and a live row count.
 * Table state lives in the TanStack v9 store (seeded from `initialState`); nothing is mirrored in effects.
 */
/** What a table shows right now: the search text and each faceted column's chosen values. */
export interface TableFilters {
  query: string;
  facets: Readonly<Record<string, readonly string[]>>;
}

export function DataTable<TData extends RowData>({
  data,
  columns,
  caption,
  captionVisible = false,
  noun = "rows",
  getRowId,
  getRowSearchText,
  getRowGroups,
  getRowClassName,
  getRowAnchor,
  initiallyCollapsed,
  stateInUrl = false,
  initialSorting,
  initialColumnVisibility,
  emptyMessage,
  toolbarEnd,
  className = "",
}: DataTableProps<TData>) {
  const captionId = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const searchParams = useSearchParams();
  // Read once: initialState only matters when the table is constructed (and for resets); the address
  // may carry a shared view on top of it.
  const [{ initialState, fromUrl, facetParams, columnIds }] = useState(() => {
    const initialState = {
      sorting: initialSorting ?? [],
      columnVisibility: { ...defaultVisibility(columns), ...initialColumnVisibility },
    };
    const leaves = leafColumns(columns);
    const facetParams: FacetParams = new Map(
      leaves.flatMap(({ id, def }) => (def.meta?.facet ? [[id, def.meta.facet.param ?? id] as const] : [])),
    );
    const columnIds = leaves.map(({ id }) => id);
    const fromUrl = stateInUrl
      ? readTableState(
          new URLSearchParams(searchParams.toString()),
          facetParams,
          new Set(columnIds),
          initialState.columnVisibility,
        )
      : {};
    return { initialState, fromUrl, facetParams, columnIds };
  });

  // Rebuilt each render (cheap) so the latest `getRowSearchText` is used; TanStack reads the option when it
  // re-filters, which only happens when the data, filters or search change.
  const globalFilterFn = createSearchFilterFn(getRowSearchText);

  const table = useTable({
    features: dataTableFeatures,
    data,
    columns,
    getRowId,
    initialState: { ...initialState, ...fromUrl },
    globalFilterFn,
    getColumnCanGlobalFilter: canSearchColumn,
    defaultColumn: { filterFn: "facet" },
    sortDescFirst: false,
  });

  const { sorting, columnFilters, globalFilter, columnVisibility } = table.state;
  // The address follows the table (the table is the source of truth; the URL is where it is shared).
  useEffect(() => {
    if (!stateInUrl) return;
    const href = writeTableState(
      window.location.href,
      {
        globalFilter: typeof globalFilter === "string" ? globalFilter : "",
        columnFilters,
        sorting,
        columnVisibility,
      },
      facetParams,
      initialState,
      columnIds,
    );
    if (href !== window.location.href) window.history.replaceState(window.history.state, "", href);
  }, [stateInUrl, globalFilter, columnFilters, sorting, columnVisibility, facetParams, initialState, columnIds]);

  const query = typeof globalFilter === "string" ? globalFilter.trim() : "";
  const rows = table.getRowModel().rows;
  const total = table.getCoreRowModel().rows.length;
  const filtering = query !== "" || columnFilters.length > 0;
  const canReset = filtering || !sameSorting(sorting, table.initialState.sorting);
  const visibleColumnCount = table.getVisibleLeafColumns().length;
  const [folded, setFolded] = useState<ReadonlySet<string>>(() => new Set(initiallyCollapsed));
  // Groups the reader opened or closed by hand: a linked row no longer overrides them.
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const target = useRowTarget(
    getRowAnchor ? table.getCoreRowModel().rows.map((row) => row.original) : [],
    getRowAnchor,
  );
  const targetGroups = new Set(target && getRowGroups ? getRowGroups(target.row).map((g) => g.key) : []);
  const collapsed: ReadonlySet<string> = new Set(
    [...folded].filter((key) => touched.has(key) || !targetGroups.has(key)),
  );
  const grouped = getRowGroups !== undefined && sameSorting(sorting, table.initialState.sorting);
  const body = grouped
    ? withGroupHeaders(rows, (row) => getRowGroups(row.original), collapsed)
    : rows.map((row) => ({ kind: "row" as const, row }));
  const renderRow = (row: (typeof rows)[number]) => {
    const anchor = getRowAnchor?.(row.original);
    return (
      <tr
        key={row.id}
        id={anchor}
        data-targeted={anchor !== undefined && anchor === target?.id ? "" : undefined}
        className={`${cardRowClass} scroll-mt-24 even:bg-slate-50/70 hover:bg-blue-50/40 data-targeted:bg-amber-50 data-targeted:outline-2 data-targeted:-outline-offset-2 data-targeted:outline-amber-500 ${getRowClassName?.(row.original) ?? ""}`}
      >
        {row.getVisibleCells().map((cell) => {
          const meta = cell.column.columnDef.meta;
          const cellClass = `border-b border-slate-100 px-3 py-2 align-top ${cardCellClass} ${meta?.cellClassName ?? ""} ${meta?.cardClassName ?? "narrow:basis-full"}`;
          const label =
            meta?.rowHeader || meta?.cardLabel === false ? null : (meta?.cardLabel ?? columnLabel(cell.column));
          const content = (
            <>
              {label ? (
                <span className="mb-1 hidden text-xs font-semibold text-slate-600 narrow:block">{label}</span>
              ) : null}
              <table.FlexRender cell={cell} />
            </>
          );
          return meta?.rowHeader ? (
            <th key={cell.id} scope="row" className={`text-left font-normal ${cellClass}`}>
              {content}
            </th>
          ) : (
            <td key={cell.id} className={cellClass}>
              {content}
            </td>
          );
        })}
      </tr>
    );
  };
  const toggle = (key: string) => {
    const close = !collapsed.has(key);
    setFolded((current) => new Set(close ? [...current, key] : [...current].filter((k) => k !== key)));
    setTouched((current) => new Set([...current, key]));
  };

  const clearFilters = () => {
    table.resetGlobalFilter(true);
    table.resetColumnFilters(true);
    searchRef.current?.focus();
  };
  // "Reset" also restores the initial sort; the button disappears, so focus moves to the search box.
  const reset = () => {
    table.resetSorting();
    clearFilters();
  };

  return (
    <div className={`flex flex-col gap-3 ${className}`}>
      <DataTableToolbar
        end={toolbarEnd?.({
          query,
          facets: Object.fromEntries(
            columnFilters.map((filter) => [filter.id, Array.isArray(filter.value) ? filter.value.map(String) : []]),
          ),
        })}
        table={table}
        noun={noun}
        searchRef={searchRef}
        shown={rows.length}
        total={total}
        canReset={canReset}
        onReset={reset}
      />
      {/* relative: absolutely positioned (sr-only) text in far cells stays inside the scroll frame
          instead of widening the page. */}
      <div
        role="region"
        aria-labelledby={captionId}
        tabIndex={0}
        className={`relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs print:overflow-visible print:border-0 print:shadow-none ${cardFrameClass}`}
      >
        <table className="w-full border-separate border-spacing-0 text-left text-sm narrow:block">
          <caption
            id={captionId}
            className={captionVisible ? "px-3 py-2 text-left text-sm font-semibold text-slate-800" : "sr-only"}
          >
            {caption}
          </caption>
          <thead className="narrow:hidden">
            {table.getHeaderGroups().map((headerGroup) => (
              <tr key={headerGroup.id}>
                {headerGroup.headers.map((header) => {
                  const column = header.column;
                  const canSort = column.getCanSort();
                  const sorted = column.getIsSorted();
                  const meta = column.columnDef.meta;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      colSpan={header.colSpan > 1 ? header.colSpan : undefined}
                      aria-sort={
                        sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : canSort ? "none" : undefined
                      }
                      className={`sticky top-0 z-10 whitespace-nowrap border-b border-slate-200 bg-slate-100 px-3 py-2 text-xs font-semibold text-slate-700 print:static ${
                        meta?.headerClassName ?? ""
                      }`}
                    >
                      {header.isPlaceholder ? null : canSort ? (
                        <button
                          type="button"
                          onClick={column.getToggleSortingHandler()}
                          className="-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:bg-slate-200 hover:text-slate-900"
                        >
                          <table.FlexRender header={header} />
                          <span className="no-print">
                            <SortIcon direction={sorted} />
                          </span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="narrow:block">
            {rows.length === 0 ? (
              <tr>
                <td colSpan={Math.max(visibleColumnCount, 1)} className="px-3 py-10 text-center text-sm text-slate-600">
                  {total === 0 ? (
                    (emptyMessage ?? `No ${noun}.`)
                  ) : (
                    <div className="flex flex-col items-center gap-2">
                      <p>
                        No {noun} match{" "}
                        {query ? (
                          <>
                            “<span className="font-medium text-slate-900">{query}</span>”
                            {columnFilters.length > 0 ? " with the selected filters" : ""}
                          </>
                        ) : (
                          "the selected filters"
                        )}
                        .
                      </p>
                      <button
                        type="button"
                        onClick={clearFilters}
                        className="no-print rounded-md border border-slate-300 bg-white px-3 py-1 text-xs font-medium text-slate-700 shadow-xs hover:bg-slate-50"
                      >
                        Clear search and filters
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ) : (
              body.map((item, index) =>
                item.kind === "header" ? (
                  <GroupHeaderRow
                    // A group's rows may come back in several runs (sorted by another column): one header each.
                    key={`group:${item.header.path.join("/")}:${index}`}
                    header={item.header}
                    columns={Math.max(visibleColumnCount, 1)}
                    expanded={!collapsed.has(item.header.group.key)}
                    onToggle={() => toggle(item.header.group.key)}
                    noun={noun}
                  />
                ) : (
                  renderRow(item.row)
                ),
              )
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
