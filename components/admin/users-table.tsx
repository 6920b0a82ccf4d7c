"use client";

import Link from "next/link";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { EmailAddress } from "@/components/ui/email-address";
import { dataTableColumnHelper } from "@/components/data-table/features";
import { roleLabels, roles, type Role } from "@/lib/auth/permissions";

export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  organization: string | null;
  status: "active" | "deactivated";
  managedProviders: string[];
  activeTokens: number;
  totalTokens: number;
  /** ISO date-time and its display form (formatted on the server, so both renders agree). */
  createdAt: string;
  createdLabel: string;
}

const statusLabels = { active: "Active", deactivated: "Deactivated" } as const;

function Dash() {
  return (
    <span className="text-slate-400">
      <span aria-hidden="true">—</span>
      <span className="sr-only">none</span>
    </span>
  );
}

function userColumns() {
  const helper = dataTableColumnHelper<UserRow>();
  return helper.columns([
    helper.accessor("name", {
      id: "name",
      header: "Name",
      sortFn: "text",
      enableHiding: false,
      meta: { label: "Name", rowHeader: true, cellClassName: "min-w-40" },
      cell: ({ row }) => (
        <Link href={`/admin/users/${row.original.id}`} className="font-medium text-blue-700 hover:underline">
          {row.original.name}
        </Link>
      ),
    }),
    helper.accessor("email", {
      id: "email",
      header: "Email",
      sortFn: "text",
      meta: { label: "Email", cellClassName: "text-slate-700" },
      cell: ({ getValue }) => <EmailAddress email={getValue()} />,
    }),
    helper.accessor("role", {
      id: "role",
      header: "Role",
      filterFn: "facet",
      sortFn: (a, b, id) => roles.indexOf(a.getValue<Role>(id)) - roles.indexOf(b.getValue<Role>(id)),
      enableGlobalFilter: false, // the label is in the row search text
      meta: {
        label: "Role",
        facet: { options: roles.map((r) => ({ value: r, label: roleLabels[r] })) },
        cellClassName: "whitespace-nowrap",
      },
      cell: ({ getValue }) => roleLabels[getValue()],
    }),
    helper.accessor((row) => row.organization ?? undefined, {
      id: "organization",
      header: "Organization",
      sortFn: "text",
      sortUndefined: "last",
      meta: { label: "Organization" },
      cell: ({ getValue }) => getValue() ?? <Dash />,
    }),
    helper.accessor("status", {
      id: "status",
      header: "Status",
      filterFn: "facet",
      enableGlobalFilter: false,
      meta: {
        label: "Status",
        facet: { options: (["active", "deactivated"] as const).map((s) => ({ value: s, label: statusLabels[s] })) },
        cellClassName: "whitespace-nowrap",
      },
      cell: ({ getValue }) =>
        getValue() === "active" ? (
          <span className="text-emerald-800">Active</span>
        ) : (
          <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-700">Deactivated</span>
        ),
    }),
    helper.accessor("managedProviders", {
      id: "managedProviders",
      header: "Managed providers",
      enableSorting: false,
      meta: { label: "Managed providers" },
      cell: ({ getValue }) => (getValue().length ? getValue().join(", ") : <Dash />),
    }),
    helper.accessor("activeTokens", {
      id: "tokens",
      header: "API tokens",
      sortFn: "basic",
      enableGlobalFilter: false,
      meta: { label: "API tokens", cellClassName: "whitespace-nowrap tabular-nums" },
      cell: ({ row }) => (
        <span title={`${row.original.activeTokens} active of ${row.original.totalTokens} issued`}>
          {row.original.activeTokens}
          {row.original.totalTokens > row.original.activeTokens ? (
            <span className="text-slate-500"> ({row.original.totalTokens} issued)</span>
          ) : null}
        </span>
      ),
    }),
    helper.accessor("createdAt", {
      id: "createdAt",
      header: "Created",
      sortFn: "text",
      enableGlobalFilter: false,
      meta: { label: "Created", defaultHidden: true, cellClassName: "whitespace-nowrap" },
      cell: ({ row }) => <time dateTime={row.original.createdAt}>{row.original.createdLabel}</time>,
    }),
  ]);
}

const initialSorting = [{ id: "name", desc: false }];
const rowId = (row: UserRow) => row.id;
const searchText = (row: UserRow) => [roleLabels[row.role], statusLabels[row.status]].join("\n");

/** Every account: searchable, sortable, filterable by role and status. */
export function UsersTable({ rows }: { rows: readonly UserRow[] }) {
  const columns = useMemo(() => userColumns(), []);
  return (
    <DataTable
      data={rows}
      columns={columns}
      caption="User accounts"
      noun="users"
      getRowId={rowId}
      getRowSearchText={searchText}
      initialSorting={initialSorting}
      emptyMessage="No accounts yet."
    />
  );
}
