// An organization's system for admins and auditors: the same view its members have, read-only.
import type { Metadata } from "next";
import { SystemOverview } from "@/components/systems/system-overview";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { getSystemTracking } from "@/lib/systems/get-system-tracking";
import { orNotFound, requireSystemsStaff } from "@/app/systems/page-access";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ organization: string; system: string }>;
  searchParams: Promise<{ carrier?: string | string[] }>;
};

export const metadata: Metadata = {
  title: "System",
  description: "An organization's stack of services: who carries every duty, what is open, and how far it is tracked.",
};

export default async function OrganizationSystemPage({ params, searchParams }: Props) {
  const { organization, system: slug } = await params;
  const base = `/systems/${organization}/${slug}`;
  const actor = await requireSystemsStaff(base);
  const view = await orNotFound(getSystemTracking({ actor, organization, system: slug }));
  const { system } = view;
  const carrier = [(await searchParams).carrier].flat()[0] ?? null;
  return (
    <>
      <Breadcrumbs
        items={[{ href: "/", label: "Catalog" }, { href: "/systems", label: "Systems" }, { label: system.name }]}
      />
      <header className="mb-6">
        <p className="text-sm font-medium text-slate-600">{system.organization.name}</p>
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">{system.name}</h1>
        {system.description ? <p className="mt-2 max-w-3xl text-slate-600">{system.description}</p> : null}
      </header>
      <SystemOverview view={view} base={base} carrier={carrier} own={false} />
    </>
  );
}
