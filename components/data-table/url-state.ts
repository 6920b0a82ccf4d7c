// A table's search, filters, sort and columns as address parameters, so a filtered view can be shared and
// survives the back button. Pure: the table reads them once when it is built and writes them as they change.
import type { ColumnFiltersState, ColumnVisibilityState, SortingState } from "@tanstack/react-table";

export interface UrlTableState {
  globalFilter?: string;
  columnFilters?: ColumnFiltersState;
  sorting?: SortingState;
  columnVisibility?: ColumnVisibilityState;
}

/** Which parameter holds which facet column's choices ("assignment" → ?assignment=shared,customer). */
export type FacetParams = ReadonlyMap<string, string>;

const list = (value: string | null) => (value ? value.split(",").filter(Boolean) : []);

/** Reads the table's state from the address; unknown columns and values are ignored by the table itself. */
export function readTableState(
  params: URLSearchParams,
  facets: FacetParams,
  columnIds: ReadonlySet<string>,
  defaults: ColumnVisibilityState,
): UrlTableState {
  const state: UrlTableState = {};
  const query = params.get("q");
  if (query) state.globalFilter = query;
  const filters: ColumnFiltersState = [];
  for (const [column, param] of facets) {
    const values = list(params.get(param));
    if (values.length) filters.push({ id: column, value: values });
  }
  if (filters.length) state.columnFilters = filters;
  const sort = params.get("sort");
  if (sort) {
    const desc = sort.startsWith("-");
    const id = desc ? sort.slice(1) : sort;
    if (columnIds.has(id)) state.sorting = [{ id, desc }];
  }
  const columns = params.get("columns");
  if (columns !== null) {
    const shown = new Set(list(columns));
    state.columnVisibility = { ...defaults };
    for (const id of columnIds) state.columnVisibility[id] = shown.has(id);
  }
  return state;
}

/** The address for a table state: other parameters and the fragment are kept; defaults are left out. */
export function writeTableState(
  href: string,
  state: Required<UrlTableState>,
  facets: FacetParams,
  initial: { sorting: SortingState; columnVisibility: ColumnVisibilityState },
  columnIds: readonly string[],
): string {
  const url = new URL(href);
  const params = url.searchParams;
  const query = state.globalFilter.trim();
  if (query) params.set("q", query);
  else params.delete("q");
  for (const [column, param] of facets) {
    const filter = state.columnFilters.find((f) => f.id === column);
    const values = Array.isArray(filter?.value) ? filter.value.map(String) : [];
    if (values.length) params.set(param, values.join(","));
    else params.delete(param);
  }
  const [sort] = state.sorting;
  const initialSort = initial.sorting[0];
  if (sort && (sort.id !== initialSort?.id || sort.desc !== initialSort.desc))
    params.set("sort", `${sort.desc ? "-" : ""}${sort.id}`);
  else params.delete("sort");
  const visible = (visibility: ColumnVisibilityState, id: string) => visibility[id] !== false;
  const changed = columnIds.some((id) => visible(state.columnVisibility, id) !== visible(initial.columnVisibility, id));
  if (changed) params.set("columns", columnIds.filter((id) => visible(state.columnVisibility, id)).join(","));
  else params.delete("columns");
  return url.toString();
}
