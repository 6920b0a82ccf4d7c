import type { Metadata } from "next";
import { UsersTable, type UserRow } from "@/components/admin/users-table";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { LinkButton } from "@/components/ui/link-button";
import { formatDateTime } from "@/lib/format";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { listUsers } from "@/lib/users/list-users";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Users",
  description: "Every account with its role, organization and status; open one to change it or issue an API token.",
};

export default async function UsersPage() {
  const actor = await requirePagePermission("manage:users", "/admin/users");
  const users = await listUsers({ actor });
  const rows: UserRow[] = users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    organization: u.organization?.name ?? null,
    status: u.active ? "active" : "deactivated",
    managedProviders: u.managedProviders,
    activeTokens: u.tokens.active,
    totalTokens: u.tokens.total,
    createdAt: u.createdAt.toISOString(),
    createdLabel: formatDateTime(u.createdAt),
  }));
  const inactive = users.filter((u) => !u.active).length;
  return (
    <>
      <Breadcrumbs items={[{ href: "/admin", label: "Administration" }, { label: "Users" }]} />
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Users</h1>
          <p className="mt-2 max-w-2xl text-slate-600">
            {users.length} {users.length === 1 ? "account" : "accounts"}
            {inactive > 0 ? `, ${inactive} deactivated` : ""}. Open an account to change its role, providers, password,
            API tokens or status.
          </p>
        </div>
        <div className="no-print text-sm">
          <LinkButton href="/admin/users/new">New user</LinkButton>
        </div>
      </div>
      <UsersTable rows={rows} />
    </>
  );
}
