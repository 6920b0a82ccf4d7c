// Every organization's systems, for admins and auditors (read-only; members use /me/systems).
import type { Metadata } from "next";
import Link from "next/link";
import { SystemCards } from "@/components/systems/system-cards";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { listEverySystem } from "@/lib/systems/list-every-system";
import { SUBSCRIBED_SERVICES } from "@/lib/systems/subscribed-services";
import { requireSystemsStaff } from "@/app/systems/page-access";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Systems",
  description: "Every organization's systems: their stacks, and how far each has worked off its obligations.",
};

export default async function EverySystemPage() {
  const actor = await requireSystemsStaff("/systems");
  const organizations = await listEverySystem({ actor });
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Catalog" }, { label: "Systems" }]} />
      <header className="mb-6">
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Systems</h1>
        <p className="mt-2 max-w-3xl text-slate-600">
          The stacks customer organizations have described, with the obligations each leaves them and how far they are
          tracked. Read-only: each organization edits its own.
        </p>
      </header>
      {organizations.length === 0 ? (
        <Card className="max-w-2xl p-6">
          <p className="text-slate-700">No organization subscribes to a service or has described a system yet.</p>
        </Card>
      ) : (
        organizations.map(({ organization, systems, subscribes }) => (
          <section key={organization.slug} aria-labelledby={`org-${organization.slug}`} className="mb-8">
            <h2 id={`org-${organization.slug}`} className="mb-3 text-xl font-semibold text-slate-900">
              {organization.name}
            </h2>
            <p className="mb-3 flex flex-wrap gap-x-4 gap-y-1">
              {subscribes ? (
                <Link
                  href={`/systems/${organization.slug}/${SUBSCRIBED_SERVICES}/obligations`}
                  className="font-medium text-blue-700 hover:underline"
                >
                  Obligations of its subscribed services
                </Link>
              ) : null}
              <Link href={`/changes/${organization.slug}`} className="font-medium text-blue-700 hover:underline">
                Changes to its obligations
              </Link>
            </p>
            {systems.length ? (
              <SystemCards systems={systems} base={`/systems/${organization.slug}`} heading="h3" />
            ) : (
              <p className="text-sm text-slate-600">No system described yet.</p>
            )}
          </section>
        ))
      )}
    </>
  );
}
