import type { Metadata } from "next";
import { CreateOrganizationForm } from "@/components/admin/create-organization-form";
import { OrganizationsTable, type OrganizationRow } from "@/components/admin/organizations-table";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card, Section } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { listOrganizations } from "@/lib/organizations/list-organizations";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Organizations",
  description: "Customer organizations and the services they subscribe to.",
};

/** Administrators and account managers (who manage subscriptions of their providers' services). */
export default async function OrganizationsPage() {
  const actor = await requirePagePermission(["manage:users", "manage:subscriptions:own"], "/admin/organizations");
  const organizations = await listOrganizations({ actor });
  const seesAllProviders = can(actor, "manage:subscriptions:any");
  const rows: OrganizationRow[] = organizations.map((o) => ({
    slug: o.slug,
    name: o.name,
    memberCount: o.memberCount,
    subscriptionCount: o.subscriptionCount,
    createdAt: o.createdAt.toISOString(),
    createdLabel: formatDateTime(o.createdAt),
  }));
  return (
    <>
      <Breadcrumbs items={[{ href: "/admin", label: "Administration" }, { label: "Organizations" }]} />
      <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Organizations</h1>
      <p className="mt-2 max-w-2xl text-slate-600">
        Customer companies. Their subscriptions decide which services of private providers their users see.
        {seesAllProviders ? null : " You see and manage subscriptions to your providers' services only."}
      </p>
      <div className="mt-6">
        <OrganizationsTable
          rows={rows}
          subscriptionsHeader={seesAllProviders ? "Subscriptions" : "Subscriptions (your providers)"}
        />
      </div>
      {can(actor, "manage:users") ? (
        <div className="no-print">
          <Section id="new-organization" title="New organization">
            <Card className="max-w-3xl p-6">
              <CreateOrganizationForm />
            </Card>
          </Section>
        </div>
      ) : null}
    </>
  );
}
