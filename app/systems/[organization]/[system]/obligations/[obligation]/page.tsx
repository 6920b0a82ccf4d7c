// One obligation of an organization's system for admins and auditors: where it stands and its history.
import type { Metadata } from "next";
import { ObligationDetail } from "@/components/tracking/obligation-detail";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { clip } from "@/lib/format";
import { getObligation } from "@/lib/systems/get-obligation";
import { orNotFound, requireSystemsStaff } from "@/app/systems/page-access";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Obligation",
  description: "Where one obligation of an organization's system stands: status, owner, due date, evidence, history.",
};

type Props = { params: Promise<{ organization: string; system: string; obligation: string }> };

export default async function OrganizationObligationPage({ params }: Props) {
  const { organization, system: slug, obligation: key } = await params;
  const base = `/systems/${organization}/${slug}`;
  const actor = await requireSystemsStaff(`${base}/obligations/${key}`);
  const view = await orNotFound(getObligation({ actor, organization, system: slug, obligation: key }));
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", label: "Catalog" },
          { href: "/systems", label: "Systems" },
          { href: base, label: view.system.name },
          { href: `${base}/obligations`, label: "Obligations" },
          { label: clip(view.obligation.text, 40) },
        ]}
      />
      <ObligationDetail view={view} />
    </>
  );
}
