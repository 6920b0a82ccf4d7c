// Column definitions for a responsibility matrix (one row per area). Used by <ServiceMatrix>.
import type { SortFn } from "@tanstack/react-table";
import { AssignmentBadge } from "@/components/assignment/assignment-badge";
import { assignmentClasses } from "@/components/assignment/assignment-styles";
import { dataTableColumnHelper, type DataTableFeatures } from "@/components/data-table/features";
import { assignmentMeta, assignmentValues, type AssignmentValue } from "@/lib/domain/assignment";
import type { AreaDto } from "@/lib/validation/api";
import { AreaLabel } from "@/components/matrix/area-label";
import { assignmentPartiesDetail, effectiveParties, type AreaTextOptions, type MatrixRow } from "@/lib/model/area-text";
import { Duties } from "@/components/matrix/duties";

export interface MatrixColumnsOptions extends AreaTextOptions {
  /** Only used to decide whether the Layer column starts visible (it does when any row has a layer). */
  rows?: readonly MatrixRow[];
}

function References({ references }: { references: AreaDto["references"] }) {
  if (references.length === 0)
    return (
      <span className="relative text-slate-400">
        <span aria-hidden="true">—</span>
        <span className="sr-only">none</span>
      </span>
    );
  return (
    <ul className="flex flex-wrap gap-1">
      {references.map((r) => (
        <li
          key={`${r.framework} ${r.control}`}
          className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 ring-1 ring-inset ring-slate-300"
        >
          {r.framework} <span className="font-mono font-semibold">{r.control}</span>
        </li>
      ))}
    </ul>
  );
}

function OverriddenMarker() {
  return (
    <span
      title="Overridden by the deployment model"
      className="inline-flex items-center gap-1 whitespace-nowrap rounded px-1.5 py-0.5 text-[11px] font-medium text-amber-900 ring-1 ring-inset ring-amber-400 bg-amber-50"
    >
      <span aria-hidden="true">◆</span>
      Overridden<span className="sr-only"> by the deployment model</span>
    </span>
  );
}

/**
 * Where the assignment comes from, when it is not simply stated: derived from the row's RACI letters
 * (lib/domain/raci.ts), or set by the editor with a stated reason (which wins over the letters).
 */
function AssignmentBasis({ row }: { row: MatrixRow }) {
  if (row.assignmentReason)
    return (
      <p className="max-w-56 text-xs leading-snug text-slate-600">
        <span className="font-medium">{row.raciAssignment ? "Set despite the RACI letters: " : "Why: "}</span>
        {row.assignmentReason}
      </p>
    );
  if (row.raciAssignment && !row.overridden && row.raciAssignment.assignment === row.assignment)
    return <p className="text-xs text-slate-600">Derived from the RACI letters</p>;
  return null;
}

const everyServiceOffset = 1_000_000;

const assignmentOrder = new Map<AssignmentValue, number>(assignmentValues.map((v, i) => [v, i]));
const sortByAssignment: SortFn<DataTableFeatures, MatrixRow> = (a, b, id) =>
  (assignmentOrder.get(a.getValue<AssignmentValue>(id)) ?? 0) -
  (assignmentOrder.get(b.getValue<AssignmentValue>(id)) ?? 0);

const assignmentFacetOptions = assignmentValues.map((value) => ({
  value,
  label: assignmentMeta[value].label,
  icon: <span className={`inline-block size-2.5 rounded-sm ${assignmentClasses[value].swatch}`} />,
}));

/** Columns for the responsibility matrix. Memoise the result: the table re-processes when it changes. */
export function matrixColumns({ parties, layers = [], rows }: MatrixColumnsOptions) {
  const helper = dataTableColumnHelper<MatrixRow>();
  const partyName = new Map(parties.map((p) => [p.key, p.name]));
  // One column per party; a party with nothing in any row starts hidden (the column picker shows it).
  const shown = (key: string) => !rows || rows.some((r) => r.cells.some((c) => c.party === key));
  const partyColumns = parties.map((party) =>
    helper.accessor((row) => row.cells.find((c) => c.party === party.key), {
      id: `cell:${party.key}`,
      header: party.name,
      enableSorting: false,
      enableGlobalFilter: false, // duties are in matrixSearchText
      meta: {
        label: `${party.name} (duties)`,
        cardLabel: party.name,
        defaultHidden: !shown(party.key),
        cellClassName: "min-w-56",
      },
      cell: ({ getValue }) => <Duties cell={getValue()} label={`${party.name} duties`} />,
    }),
  );
  const frameworks = [...new Set((rows ?? []).flatMap((r) => r.references.map((ref) => ref.framework)))];
  const layerName = new Map(layers.map((l) => [l.key, l.name]));
  const layerOrder = new Map(layers.map((l, i) => [l.key, i]));
  const anyLayer = rows ? rows.some((r) => r.layer) : layers.length > 0;

  const layerColumn = helper.accessor((row) => row.layer ?? undefined, {
    id: "layer",
    header: "Layer",
    filterFn: "facet",
    enableGlobalFilter: false, // the layer name is in matrixSearchText
    sortUndefined: "last",
    sortFn: (a, b, id) => (layerOrder.get(a.getValue<string>(id)) ?? 0) - (layerOrder.get(b.getValue<string>(id)) ?? 0),
    meta: {
      label: "Layer",
      defaultHidden: !anyLayer,
      facet: { options: layers.map((l) => ({ value: l.key, label: l.name })) },
      cellClassName: "whitespace-nowrap",
    },
    cell: ({ getValue }) => {
      const key = getValue();
      return key ? (
        <span className="text-slate-700">{layerName.get(key) ?? key}</span>
      ) : (
        <span className="text-slate-400">
          <span aria-hidden="true">—</span>
          <span className="sr-only">none</span>
        </span>
      );
    },
  });

  return helper.columns([
    // A provider's cross-cutting areas sort after the service's own (they keep their own numbers).
    helper.accessor((row) => (row.everyService ? everyServiceOffset : 0) + row.position, {
      id: "position",
      header: () => (
        <>
          <span aria-hidden="true">#</span>
          <span className="sr-only">Position</span>
        </>
      ),
      sortFn: "basic",
      enableGlobalFilter: false,
      // Stored from 0; people count rows from 1.
      cell: ({ row }) => row.original.position + 1,
      meta: {
        label: "Position (#)",
        cardLabel: false,
        headerClassName: "w-12",
        cellClassName: "w-12 font-mono text-xs leading-5 tabular-nums text-slate-500",
        cardClassName: "narrow:w-auto narrow:basis-auto narrow:pr-2",
      },
    }),
    helper.accessor("name", {
      id: "name",
      header: "Area",
      sortFn: "text",
      enableHiding: false,
      meta: {
        label: "Area",
        rowHeader: true,
        cellClassName: "min-w-48 max-w-sm",
        cardClassName: "narrow:basis-0 narrow:grow",
      },
      cell: ({ row }) => {
        const area = row.original;
        return (
          <div>
            <AreaLabel area={area} />
            {area.everyService ? (
              <p className="mt-1 text-xs font-medium text-slate-600">Applies to every service</p>
            ) : null}
          </div>
        );
      },
    }),
    helper.accessor("assignment", {
      id: "assignment",
      header: "Assignment",
      sortFn: sortByAssignment,
      filterFn: "facet",
      meta: { label: "Assignment", cardLabel: false, facet: { options: assignmentFacetOptions } },
      cell: ({ row }) => (
        <div className="flex flex-col items-start gap-1">
          <AssignmentBadge
            assignment={row.original.assignment}
            detail={assignmentPartiesDetail(row.original, parties)}
          />
          {row.original.overridden ? <OverriddenMarker /> : null}
          <AssignmentBasis row={row.original} />
        </div>
      ),
    }),
    ...partyColumns,
    helper.accessor((row) => effectiveParties(row, parties), {
      id: "parties",
      header: "Parties",
      enableSorting: false,
      enableGlobalFilter: false, // party names are in matrixSearchText
      filterFn: "facet",
      // Facet counts per party rather than per combination of parties.
      getUniqueValues: (row) => effectiveParties(row, parties),
      meta: {
        label: "Parties",
        defaultHidden: true,
        facet: { title: "Party", param: "party", options: parties.map((p) => ({ value: p.key, label: p.name })) },
        cellClassName: "min-w-32",
      },
      cell: ({ getValue }) => {
        const keys = getValue();
        return keys.length ? (
          <span className="text-slate-700">{keys.map((k) => partyName.get(k) ?? k).join(", ")}</span>
        ) : (
          <span className="text-slate-400">
            <span aria-hidden="true">—</span>
            <span className="sr-only">none</span>
          </span>
        );
      },
    }),
    ...(layers.length > 0 ? [layerColumn] : []),
    helper.accessor((row) => row.references.map((r) => r.framework), {
      id: "references",
      header: "Framework references",
      enableSorting: false,
      enableGlobalFilter: false, // references are in matrixSearchText
      filterFn: "facet",
      getUniqueValues: (row) => row.references.map((r) => r.framework),
      meta: {
        label: "Framework references",
        defaultHidden: frameworks.length === 0,
        facet: { title: "Framework", param: "framework", options: frameworks.map((f) => ({ value: f, label: f })) },
        cellClassName: "min-w-40",
      },
      cell: ({ row }) => <References references={row.original.references} />,
    }),
    helper.accessor((row) => row.caiq.ownership, {
      id: "caiq",
      header: "CAIQ ownership",
      sortFn: "text",
      meta: { label: "CAIQ ownership", defaultHidden: true, cellClassName: "whitespace-nowrap" },
      cell: ({ row }) => {
        const { ownership, exact, note } = row.original.caiq;
        if (exact) return <span className="text-slate-700">{ownership}</span>;
        return (
          <span className="text-slate-700" title={note}>
            <span aria-hidden="true" className="font-semibold text-slate-500">
              ≈{" "}
            </span>
            <span className="sr-only">approximately </span>
            {ownership}
            {note ? <span className="sr-only"> ({note})</span> : null}
          </span>
        );
      },
    }),
  ]);
}
