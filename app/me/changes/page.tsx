// The organization's inbox of change impacts: each version that changed what it carries, newest first.
import type { Metadata } from "next";
import Link from "next/link";
import { ImpactList } from "@/components/changes/impact-list";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { listChangeImpacts } from "@/lib/notifications/list-change-impacts";
import { requireChangesMember } from "./page-access";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Changes to our obligations",
  description: "What each new provider version changed for your organization's obligations, to review and acknowledge.",
};

export default async function ChangesPage() {
  const actor = await requireChangesMember("/me/changes");
  const { organization, impacts } = await listChangeImpacts({ actor });
  const open = impacts.filter((i) => !i.acknowledged && i.actionRequired > 0).length;
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Catalog" }, { label: "Changes" }]} />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold text-slate-900">Changes to {organization.name}&apos;s obligations</h1>
          <p className="mt-1 text-sm text-slate-600">
            {open
              ? `${open} ${open === 1 ? "change needs" : "changes need"} action and acknowledgement.`
              : "Nothing waits for action."}{" "}
            Each entry lists only the rows of the services and systems you use.
          </p>
        </div>
        <Link href="/me/notifications" className="text-sm font-medium text-blue-700 hover:underline">
          How we tell you: email, feed, webhooks
        </Link>
      </div>
      {impacts.length ? (
        <ImpactList impacts={impacts} base="/me/changes" />
      ) : (
        <Card className="p-5">
          <h2 className="text-base font-semibold text-slate-900">No changes yet</h2>
          <p className="mt-1 text-sm text-slate-700">
            When a provider publishes a version that changes a duty your organization carries, it appears here.
          </p>
        </Card>
      )}
    </>
  );
}
