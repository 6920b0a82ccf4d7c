import type { Metadata } from "next";
import Link from "next/link";
import { SystemCards } from "@/components/systems/system-cards";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { listSystems } from "@/lib/systems/list-systems";
import { requireSystemsMember } from "@/app/systems/page-access";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "My systems",
  description: "Your organization's stacks of services, and the obligations each leaves it with.",
};

export default async function MySystemsPage() {
  const actor = await requireSystemsMember("/me/systems");
  const { organization, systems, canEdit } = await listSystems({ actor });
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Catalog" }, { label: "My systems" }]} />
      <header className="mb-6">
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">My systems</h1>
        <p className="mt-2 max-w-3xl text-slate-600">
          {organization.name}&apos;s stacks: services that run on other services. Each system resolves who carries every
          duty through the whole stack, and shows what is left open.
        </p>
      </header>
      {canEdit ? (
        <p className="mb-6">
          <Link href="/me/systems/new" className="font-medium text-blue-700 hover:underline">
            New system
          </Link>
        </p>
      ) : null}
      {systems.length === 0 ? (
        <Card className="max-w-2xl p-6">
          <h2 className="font-semibold text-slate-900">No systems yet</h2>
          <p className="mt-2 text-sm text-slate-600">
            A system stacks services, for instance a managed platform on the cloud it runs on.
          </p>
        </Card>
      ) : (
        <SystemCards systems={systems} base="/me/systems" />
      )}
    </>
  );
}
