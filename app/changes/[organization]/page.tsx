// An organization's change impacts for admins and auditors: the inbox its members have, read-only.
import type { Metadata } from "next";
import { ImpactList } from "@/components/changes/impact-list";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { listChangeImpacts } from "@/lib/notifications/list-change-impacts";
import { orNotFound, requireSystemsStaff } from "@/app/systems/page-access";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Changes to an organization's obligations",
  description: "What each new provider version changed for one organization's obligations, and who acknowledged it.",
};

type Props = { params: Promise<{ organization: string }> };

export default async function OrganizationChangesPage({ params }: Props) {
  const { organization: slug } = await params;
  const base = `/changes/${slug}`;
  const actor = await requireSystemsStaff(base, "read:changes:any");
  const { organization, impacts } = await orNotFound(listChangeImpacts({ actor, organization: slug }));
  const open = impacts.filter((i) => !i.acknowledged && i.actionRequired > 0).length;
  return (
    <>
      <Breadcrumbs
        items={[{ href: "/", label: "Catalog" }, { href: "/systems", label: "Systems" }, { label: "Changes" }]}
      />
      <header className="mb-4">
        <h1 className="text-2xl font-semibold text-slate-900">Changes to {organization.name}&apos;s obligations</h1>
        <p className="mt-1 text-sm text-slate-600">
          {open
            ? `${open} ${open === 1 ? "change waits" : "changes wait"} for the organization's action and acknowledgement.`
            : "Nothing waits for the organization's action."}{" "}
          Read-only: the organization&apos;s members acknowledge them.
        </p>
      </header>
      {impacts.length ? (
        <ImpactList impacts={impacts} base={base} />
      ) : (
        <Card className="p-5">
          <h2 className="text-base font-semibold text-slate-900">No changes yet</h2>
          <p className="mt-1 text-sm text-slate-700">
            No published version has changed a duty this organization carries.
          </p>
        </Card>
      )}
    </>
  );
}
