// A system's obligations, for its organization's members (components/tracking/obligations-overview.tsx).
import type { Metadata } from "next";
import { ObligationsOverview } from "@/components/tracking/obligations-overview";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { getSystemTracking } from "@/lib/systems/get-system-tracking";
import { orNotFound, requireSystemsMember } from "@/app/systems/page-access";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Obligations",
  description: "Track the obligations a system leaves your organization: status, owner, due date and evidence.",
};

export default async function SystemObligationsPage({ params }: { params: Promise<{ system: string }> }) {
  const { system: slug } = await params;
  const base = `/me/systems/${slug}`;
  const actor = await requireSystemsMember(`${base}/obligations`);
  const view = await orNotFound(getSystemTracking({ actor, system: slug }));
  const { system } = view;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", label: "Catalog" },
          { href: "/me/systems", label: "My systems" },
          { href: base, label: system.name },
          { label: "Obligations" },
        ]}
      />
      <ObligationsOverview view={view} base={base} exportHref={`/api/v1/me/systems/${slug}/export`} />
    </>
  );
}
