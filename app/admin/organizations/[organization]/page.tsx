import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { SubscriptionsForm } from "@/components/admin/subscriptions-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card, Section } from "@/components/ui/card";
import { EmailAddress } from "@/components/ui/email-address";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHeader } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { getActor } from "@/lib/auth/current-actor";
import { can, roleLabels } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { canViewOrganizations } from "@/lib/organizations/access";
import { getOrganization } from "@/lib/organizations/get-organization";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ organization: string }> };

// Shared by generateMetadata and the page within one request.
const loadOrganization = cache(async (slug: string) => {
  const actor = await getActor();
  return canViewOrganizations(actor) ? getOrganization({ actor, slug }) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const organization = await loadOrganization((await params).organization);
  if (!organization) return { title: "Not found" };
  return {
    title: organization.name,
    description: `${organization.name}: its members and the services it subscribes to.`,
  };
}

export default async function OrganizationPage({ params }: Props) {
  const slug = (await params).organization;
  const actor = await requirePagePermission(
    ["manage:users", "manage:subscriptions:own"],
    `/admin/organizations/${slug}`,
  );
  const organization = await loadOrganization(slug);
  if (!organization) notFound();
  const mayManageUsers = can(actor, "manage:users");
  const seesAllProviders = can(actor, "manage:subscriptions:any");

  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/admin", label: "Administration" },
          { href: "/admin/organizations", label: "Organizations" },
          { label: organization.name },
        ]}
      />
      <h1 className="text-3xl font-semibold tracking-tight text-slate-900">{organization.name}</h1>
      <p className="mt-1 text-sm text-slate-600">
        <code className="rounded bg-slate-100 px-1">{organization.slug}</code> · created{" "}
        {formatDateTime(organization.createdAt)}
      </p>

      <Section
        id="members"
        title="Members"
        description={mayManageUsers ? "Customers are added to an organization on their user page." : undefined}
      >
        {organization.members.length === 0 ? (
          <p className="text-sm text-slate-600">No users belong to this organization yet.</p>
        ) : (
          <Table cards caption={`Members of ${organization.name}`}>
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Email</TableHead>
                <TableHead>Role</TableHead>
                <TableHead>Status</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {organization.members.map((m) => (
                <TableRow key={m.id} className="even:bg-slate-50/70">
                  <TableRowHeader>
                    {mayManageUsers ? (
                      <Link className="text-blue-700 hover:underline" href={`/admin/users/${m.id}`}>
                        {m.name}
                      </Link>
                    ) : (
                      m.name
                    )}
                  </TableRowHeader>
                  <TableCell label="Email" className="text-slate-700">
                    <EmailAddress email={m.email} />
                  </TableCell>
                  <TableCell label="Role" className="text-slate-700">
                    {roleLabels[m.role]}
                  </TableCell>
                  <TableCell label="Status" className="text-slate-700">
                    {m.active ? "Active" : "Deactivated"}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>

      <Section
        id="subscriptions"
        title="Subscriptions"
        description={
          seesAllProviders
            ? "Tick the services this organization subscribes to, then save each provider. Its users see the subscribed services of private providers."
            : "Tick the services of your providers this organization subscribes to, then save. Its users see the subscribed services of private providers."
        }
      >
        {organization.providers.length === 0 ? (
          <p className="text-sm text-slate-600">There are no providers whose subscriptions you manage.</p>
        ) : (
          <ul className="grid gap-4 lg:grid-cols-2">
            {organization.providers.map((provider) => (
              <li key={provider.id}>
                <Card className="h-full p-5">
                  <div className="mb-3 flex flex-wrap items-center gap-2">
                    <h3 className="font-semibold text-slate-900">{provider.name}</h3>
                    {provider.isPrivate ? (
                      <span className="rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-inset ring-amber-300">
                        Private
                      </span>
                    ) : null}
                    <span className="text-xs text-slate-500">
                      {provider.services.filter((s) => s.subscribed).length} of {provider.services.length} subscribed
                    </span>
                  </div>
                  <SubscriptionsForm
                    organizationId={organization.id}
                    organizationName={organization.name}
                    provider={provider}
                  />
                </Card>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
