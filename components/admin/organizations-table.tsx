"use client";

import Link from "next/link";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableColumnHelper } from "@/components/data-table/features";

export interface OrganizationRow {
  slug: string;
  name: string;
  memberCount: number;
  subscriptionCount: number;
  /** ISO date-time and its display form (formatted on the server). */
  createdAt: string;
  createdLabel: string;
}

function organizationColumns(subscriptionsHeader: string) {
  const helper = dataTableColumnHelper<OrganizationRow>();
  return helper.columns([
    helper.accessor("name", {
      id: "name",
      header: "Organization",
      sortFn: "text",
      enableHiding: false,
      meta: { label: "Organization", rowHeader: true },
      cell: ({ row }) => (
        <Link href={`/admin/organizations/${row.original.slug}`} className="font-medium text-blue-700 hover:underline">
          {row.original.name}
        </Link>
      ),
    }),
    helper.accessor("slug", {
      id: "slug",
      header: "Slug",
      sortFn: "text",
      meta: { label: "Slug", cellClassName: "font-mono text-xs text-slate-600" },
    }),
    helper.accessor("memberCount", {
      id: "members",
      header: "Members",
      sortFn: "basic",
      enableGlobalFilter: false,
      meta: { label: "Members", cellClassName: "tabular-nums" },
    }),
    helper.accessor("subscriptionCount", {
      id: "subscriptions",
      header: subscriptionsHeader,
      sortFn: "basic",
      enableGlobalFilter: false,
      meta: { label: subscriptionsHeader, cellClassName: "tabular-nums" },
    }),
    helper.accessor("createdAt", {
      id: "createdAt",
      header: "Created",
      sortFn: "text",
      enableGlobalFilter: false,
      meta: { label: "Created", cellClassName: "whitespace-nowrap" },
      cell: ({ row }) => <time dateTime={row.original.createdAt}>{row.original.createdLabel}</time>,
    }),
  ]);
}

const initialSorting = [{ id: "name", desc: false }];
const rowId = (row: OrganizationRow) => row.slug;

export function OrganizationsTable({
  rows,
  subscriptionsHeader = "Subscriptions",
}: {
  rows: readonly OrganizationRow[];
  /** Account managers only see their providers' subscriptions: say so in the header. */
  subscriptionsHeader?: string;
}) {
  const columns = useMemo(() => organizationColumns(subscriptionsHeader), [subscriptionsHeader]);
  return (
    <DataTable
      data={rows}
      columns={columns}
      caption="Customer organizations"
      noun="organizations"
      getRowId={rowId}
      initialSorting={initialSorting}
      emptyMessage="No organizations yet."
    />
  );
}
