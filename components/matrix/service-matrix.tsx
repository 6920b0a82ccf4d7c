"use client";

import { useMemo } from "react";
import { AssignmentLegend } from "@/components/assignment/assignment-badge";
import { RaciLegend } from "./duties";
import { DataTable, type TableFilters } from "@/components/data-table/data-table";
import { ExportMenu } from "@/components/exports/export-menu";
import { serviceExportFormats } from "@/lib/exports/export-formats";
import type { RowGroup } from "@/components/data-table/row-groups";
import { assignmentValues } from "@/lib/domain/assignment";
import type { GroupDto, LayerDto, PartyDto } from "@/lib/validation/api";
import { areaAnchor, matrixSearchText, type MatrixRow } from "@/lib/model/area-text";
import { matrixColumns } from "./columns";

export interface ServiceMatrixProps {
  /** Areas (optionally with `overridden` from a deployment model). */
  rows: readonly MatrixRow[];
  /** The provider's parties. */
  parties: readonly PartyDto[];
  /** The service's layers; omit or pass [] for provider-wide (cross-cutting) areas. */
  layers?: readonly Pick<LayerDto, "key" | "name">[];
  /** The groups rows sit in (headers, collapsible, with counts). */
  groups?: readonly GroupDto[];
  /** Accessible table caption, e.g. "Responsibility matrix for Managed Kubernetes". */
  caption: string;
  /** Show the caption above the table instead of only to assistive tech. */
  captionVisible?: boolean;
  /** Offer this view's files: the export endpoint and the parameters naming the view (service, version, model). */
  exportView?: { href: string; params: Record<string, string | undefined> };
  /**
   * The provider's cross-cutting areas, shown after the service's own under one collapsed group that says
   * they apply to every service; searched and filtered with the rest.
   */
  everyService?: { providerName: string; rows: readonly MatrixRow[]; groups: readonly GroupDto[] };
  /** Keep search, filters, sort and columns in the address (the page's main matrix). */
  stateInUrl?: boolean;
  /**
   * Fragment ids for the rows: "area-<key>" for a service's areas, "cross-cutting-<key>" for a provider's
   * cross-cutting ones (pass "cross-cutting" when every row is one); omit on pages with several matrices.
   */
  anchors?: "areas" | "cross-cutting";
  className?: string;
}

const initialSorting = [{ id: "position", desc: false }];
const rowId = (row: MatrixRow) => `${row.everyService ? "all" : "own"}:${row.position}:${row.name}`;
const everyServiceGroup = "every-service";
const initiallyCollapsed = [everyServiceGroup];

/** Responsibility matrix: a searchable, filterable table of areas with the assignment legend under it. */
export function ServiceMatrix({
  rows,
  parties,
  layers,
  groups,
  caption,
  captionVisible,
  exportView,
  everyService,
  stateInUrl,
  anchors,
  className = "",
}: ServiceMatrixProps) {
  const allRows = useMemo(
    () =>
      everyService?.rows.length ? [...rows, ...everyService.rows.map((row) => ({ ...row, everyService: true }))] : rows,
    [rows, everyService],
  );
  const columns = useMemo(() => matrixColumns({ parties, layers, rows: allRows }), [parties, layers, allRows]);
  const searchText = useMemo(() => matrixSearchText({ parties, layers }), [parties, layers]);
  const groupPath = useMemo(() => {
    const own = groups?.length ? groupPathOf(groups) : undefined;
    if (!everyService?.rows.length) return own && ((row: MatrixRow) => own(row.group));
    const cross = groupPathOf(everyService.groups);
    const top: RowGroup = {
      key: everyServiceGroup,
      label: `Applies to every ${everyService.providerName} service`,
      description: "The provider's cross-cutting responsibilities: they hold for this service as for every other.",
    };
    return (row: MatrixRow): RowGroup[] =>
      row.everyService
        ? [top, ...cross(row.group).map((g) => ({ ...g, key: `${everyServiceGroup}/${g.key}` }))]
        : (own?.(row.group) ?? []);
  }, [groups, everyService]);
  const usesRaci = useMemo(() => allRows.some((row) => row.cells.some((cell) => cell.raci)), [allRows]);
  const present = useMemo(() => assignmentValues.filter((v) => allRows.some((r) => r.assignment === v)), [allRows]);

  return (
    <div className={`flex flex-col gap-3 ${className}`}>
      <DataTable
        data={allRows}
        columns={columns}
        caption={caption}
        captionVisible={captionVisible}
        noun="areas"
        getRowId={rowId}
        getRowSearchText={searchText}
        getRowGroups={groupPath ? (row) => groupPath(row) : undefined}
        getRowAnchor={
          anchors
            ? (row) => areaAnchor({ key: row.key, everyService: row.everyService || anchors === "cross-cutting" })
            : undefined
        }
        initiallyCollapsed={initiallyCollapsed}
        stateInUrl={stateInUrl}
        initialSorting={initialSorting}
        emptyMessage="No areas are listed for this service."
        toolbarEnd={exportView ? (filters) => <MatrixExportMenu view={exportView} filters={filters} /> : undefined}
      />
      <AssignmentLegend only={present.length > 0 ? present : undefined} />
      {usesRaci ? <RaciLegend /> : null}
    </div>
  );
}

/** A row's groups (by the row's group key), outermost first, labelled "3.1 Backups". */
function groupPathOf(groups: readonly GroupDto[]) {
  const byKey = new Map(groups.map((g) => [g.key, g]));
  return (key: string | null): RowGroup[] => {
    const path: RowGroup[] = [];
    for (let g = key === null ? undefined : byKey.get(key); g && path.length < groups.length;) {
      path.unshift({
        key: g.key,
        label: g.number ? `${g.number} ${g.title}` : g.title,
        description: g.description ?? undefined,
      });
      g = g.parent === null ? undefined : byKey.get(g.parent);
    }
    return path;
  };
}

/** The matrix's column filters as export parameters (facet id → query parameter, also its name in words). */
const exportedFacets = { assignment: "assignment", parties: "party", layer: "layer", references: "framework" } as const;

/** The matrix's files keep its search and its column filters (every facet column); the menu says which. */
function MatrixExportMenu({
  view,
  filters,
}: {
  view: NonNullable<ServiceMatrixProps["exportView"]>;
  filters: TableFilters;
}) {
  const active = Object.entries(exportedFacets).filter(([id]) => filters.facets[id]?.length);
  const kept = [
    filters.query ? `the search “${filters.query}”` : "",
    active.length ? `the ${active.map(([, param]) => param).join(", ")} filter${active.length > 1 ? "s" : ""}` : "",
  ]
    .filter(Boolean)
    .join(" and ");
  const params = Object.fromEntries(active.map(([id, param]) => [param, filters.facets[id]!.join(",")]));
  return (
    <ExportMenu
      href={view.href}
      params={{ ...view.params, ...params, q: filters.query }}
      formats={serviceExportFormats}
      note={kept ? `Files keep ${kept}.` : undefined}
    />
  );
}
