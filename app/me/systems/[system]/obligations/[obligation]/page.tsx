// One obligation of a system: the duty and where it comes from, where it stands (status, owner, due,
// evidence), the form that records it, and its history.
import type { Metadata } from "next";
import { ObligationDetail } from "@/components/tracking/obligation-detail";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { clip } from "@/lib/format";
import { getObligation } from "@/lib/systems/get-obligation";
import { orNotFound, requireSystemsMember } from "@/app/systems/page-access";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Obligation",
  description: "Where one of your system's obligations stands: status, owner, due date, evidence and history.",
};

type Props = { params: Promise<{ system: string; obligation: string }> };

export default async function ObligationPage({ params }: Props) {
  const { system: slug, obligation: key } = await params;
  const base = `/me/systems/${slug}`;
  const actor = await requireSystemsMember(`${base}/obligations/${encodeURIComponent(key)}`);
  const view = await orNotFound(getObligation({ actor, system: slug, obligation: key }));
  const { system, obligation } = view;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", label: "Catalog" },
          { href: "/me/systems", label: "My systems" },
          { href: base, label: system.name },
          { href: `${base}/obligations`, label: "Obligations" },
          { label: clip(obligation.text, 40) },
        ]}
      />
      <ObligationDetail view={view} />
    </>
  );
}
