"use client";
// A system's obligations to work off: searchable, filterable by status, owner, due date and review,
// each row opening the obligation's page. Overdue due dates stand out.
import Link from "next/link";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableColumnHelper } from "@/components/data-table/features";
import { trackingStatusLabels, trackingStatuses } from "@/lib/domain/tracking-status";
import { dueBucketLabels, type DueBucket, type ObligationRow } from "./obligation-rows";
import { ReviewFlag, StatusBadge } from "./status-badge";

const dueBuckets = Object.keys(dueBucketLabels) as DueBucket[];

function obligationColumns() {
  const helper = dataTableColumnHelper<ObligationRow>();
  return helper.columns([
    helper.accessor("duty", {
      id: "duty",
      header: "Obligation",
      sortFn: "text",
      enableHiding: false,
      meta: { label: "Obligation", rowHeader: true, cellClassName: "min-w-56", cardLabel: false },
      cell: ({ row }) => (
        <>
          <Link href={row.original.href} className="font-medium text-blue-700 hover:underline">
            {row.original.duty}
          </Link>
          <span className="mt-0.5 block text-xs text-slate-600">{row.original.area}</span>
        </>
      ),
    }),
    helper.accessor("service", {
      id: "service",
      header: "Service",
      sortFn: "text",
      filterFn: "facet",
      meta: { label: "Service", facet: {} },
    }),
    helper.accessor("status", {
      id: "status",
      header: "Status",
      filterFn: "facet",
      sortFn: (a, b, id) =>
        trackingStatuses.indexOf(a.getValue<ObligationRow["status"]>(id)) -
        trackingStatuses.indexOf(b.getValue<ObligationRow["status"]>(id)),
      enableGlobalFilter: false,
      meta: {
        label: "Status",
        facet: { options: trackingStatuses.map((s) => ({ value: s, label: trackingStatusLabels[s] })) },
      },
      cell: ({ row }) => <StatusBadge status={row.original.status} />,
    }),
    helper.accessor("review", {
      id: "review",
      header: "Provider change",
      filterFn: "facet",
      enableSorting: false,
      enableGlobalFilter: false,
      meta: {
        label: "Provider change",
        facet: {
          options: [
            { value: "review", label: "Changed — review" },
            { value: "current", label: "Unchanged" },
          ],
        },
      },
      cell: ({ getValue }) =>
        getValue() === "review" ? <ReviewFlag /> : <span className="text-sm text-slate-600">Unchanged</span>,
    }),
    helper.accessor((row) => row.owner ?? "Nobody yet", {
      id: "owner",
      header: "Owner",
      sortFn: "text",
      filterFn: "facet",
      meta: { label: "Owner", facet: {} },
    }),
    helper.accessor("dueBucket", {
      id: "due",
      header: "Due",
      filterFn: "facet",
      sortFn: (a, b) => (a.original.due ?? "9999").localeCompare(b.original.due ?? "9999"),
      enableGlobalFilter: false,
      meta: {
        label: "Due",
        facet: { options: dueBuckets.map((b) => ({ value: b, label: dueBucketLabels[b] })) },
        cellClassName: "whitespace-nowrap",
      },
      cell: ({ row }) =>
        row.original.due ? (
          <time
            dateTime={row.original.due}
            className={row.original.dueBucket === "overdue" ? "font-semibold text-red-700" : undefined}
          >
            {row.original.due}
            {row.original.dueBucket === "overdue" ? " (overdue)" : ""}
          </time>
        ) : (
          <span className="text-slate-600">—</span>
        ),
    }),
    helper.accessor("evidence", {
      id: "evidence",
      header: "Evidence",
      sortFn: "basic",
      enableGlobalFilter: false,
      meta: { label: "Evidence", cellClassName: "tabular-nums" },
      cell: ({ getValue }) => (getValue() ? `${getValue()} link${getValue() === 1 ? "" : "s"}` : "—"),
    }),
  ]);
}

const rowId = (row: ObligationRow) => row.key;
const searchText = (row: ObligationRow) => [row.area, row.trail, trackingStatusLabels[row.status]].join("\n");

export function ObligationsTable({ rows }: { rows: readonly ObligationRow[] }) {
  const columns = useMemo(() => obligationColumns(), []);
  return (
    <DataTable
      data={rows}
      columns={columns}
      caption="Obligations of this system"
      noun="obligations"
      getRowId={rowId}
      getRowSearchText={searchText}
      stateInUrl
      emptyMessage="This system leaves your organization no duties."
    />
  );
}
