// One change impact of the member's organization, to acknowledge and to keep as evidence.
import type { Metadata } from "next";
import { ImpactDetail } from "@/components/changes/impact-detail";
import { ExportMenu } from "@/components/exports/export-menu";
import { ButtonForm } from "@/components/forms/button-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { acknowledgeImpactAction } from "@/lib/actions/changes";
import { impactExportChoices } from "@/lib/exports/export-formats";
import { getChangeImpact } from "@/lib/notifications/get-change-impact";
import { orNotFound } from "@/app/systems/page-access";
import { requireChangesMember } from "../page-access";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Change to our obligations",
  description: "The rows of your services and systems a provider's new version changed, before and after.",
};

type Props = { params: Promise<{ impact: string }> };

export default async function ChangeImpactPage({ params }: Props) {
  const { impact: id } = await params;
  const actor = await requireChangesMember(`/me/changes/${id}`);
  const impact = await orNotFound(getChangeImpact({ actor, id }));
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", label: "Catalog" },
          { href: "/me/changes", label: "Changes" },
          { label: `${impact.provider.name} v${impact.toVersion}` },
        ]}
      />
      <ImpactDetail
        impact={impact}
        systemHref={(slug) => `/me/systems/${slug}`}
        exportMenu={
          <ExportMenu href={`/api/v1/me/changes/${impact.id}/export`} params={{}} formats={impactExportChoices} />
        }
        acknowledge={
          <ButtonForm
            action={acknowledgeImpactAction}
            fields={{ impact: impact.id }}
            label="Acknowledge"
            pendingLabel="Acknowledging…"
          />
        }
      />
    </>
  );
}
