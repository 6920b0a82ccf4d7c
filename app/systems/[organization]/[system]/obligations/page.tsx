// An organization's system's obligations for admins and auditors, read-only, with the exports.
import type { Metadata } from "next";
import { ObligationsOverview } from "@/components/tracking/obligations-overview";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { getSystemTracking } from "@/lib/systems/get-system-tracking";
import { orNotFound, requireSystemsStaff } from "@/app/systems/page-access";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Obligations",
  description: "How far an organization has worked off the obligations its system leaves it.",
};

type Props = { params: Promise<{ organization: string; system: string }> };

export default async function OrganizationSystemObligationsPage({ params }: Props) {
  const { organization, system: slug } = await params;
  const base = `/systems/${organization}/${slug}`;
  const actor = await requireSystemsStaff(`${base}/obligations`);
  const view = await orNotFound(getSystemTracking({ actor, organization, system: slug }));
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", label: "Catalog" },
          { href: "/systems", label: "Systems" },
          { href: base, label: view.system.name },
          { label: "Obligations" },
        ]}
      />
      <ObligationsOverview
        view={view}
        base={base}
        exportHref={`/api/v1/organizations/${organization}/systems/${slug}/export`}
      />
    </>
  );
}
