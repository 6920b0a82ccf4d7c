// One change impact of an organization for admins and auditors: what its members read, read-only, and
// downloadable as evidence.
import type { Metadata } from "next";
import { ImpactDetail } from "@/components/changes/impact-detail";
import { ExportMenu } from "@/components/exports/export-menu";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { impactExportChoices } from "@/lib/exports/export-formats";
import { getChangeImpact } from "@/lib/notifications/get-change-impact";
import { orNotFound, requireSystemsStaff } from "@/app/systems/page-access";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Change to an organization's obligations",
  description: "The rows of an organization's services and systems a provider's new version changed, before and after.",
};

type Props = { params: Promise<{ organization: string; impact: string }> };

export default async function OrganizationChangeImpactPage({ params }: Props) {
  const { organization, impact: id } = await params;
  const actor = await requireSystemsStaff(`/changes/${organization}/${id}`, "read:changes:any");
  const impact = await orNotFound(getChangeImpact({ actor, id, organization }));
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", label: "Catalog" },
          { href: "/systems", label: "Systems" },
          { href: `/changes/${organization}`, label: `${impact.organization.name} changes` },
          { label: `${impact.provider.name} v${impact.toVersion}` },
        ]}
      />
      <ImpactDetail
        impact={impact}
        systemHref={(slug) => `/systems/${organization}/${slug}`}
        exportMenu={
          <ExportMenu
            href={`/api/v1/organizations/${organization}/changes/${impact.id}/export`}
            params={{}}
            formats={impactExportChoices}
          />
        }
      />
    </>
  );
}
