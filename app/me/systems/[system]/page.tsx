// One system: its stack, counts that link to the rows they count, gaps, and the derived matrix by
// tier. `?carrier=` narrows the rows to one carrier (the organization, a provider, delegated, unbound).
import type { Metadata } from "next";
import Link from "next/link";
import { SystemOverview } from "@/components/systems/system-overview";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { getSystemTracking } from "@/lib/systems/get-system-tracking";
import { orNotFound, requireSystemsMember } from "@/app/systems/page-access";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ system: string }>; searchParams: Promise<{ carrier?: string | string[] }> };

export const metadata: Metadata = {
  title: "System",
  description:
    "A stack of services your organization uses: who carries every duty through the stack, and what is open.",
};

export default async function SystemPage({ params, searchParams }: Props) {
  const { system: slug } = await params;
  const actor = await requireSystemsMember(`/me/systems/${slug}`);
  const view = await orNotFound(getSystemTracking({ actor, system: slug }));
  const { system } = view;
  const carrier = [(await searchParams).carrier].flat()[0] ?? null;
  return (
    <>
      <Breadcrumbs
        items={[{ href: "/", label: "Catalog" }, { href: "/me/systems", label: "My systems" }, { label: system.name }]}
      />
      <header className="mb-6">
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">{system.name}</h1>
        {system.description ? <p className="mt-2 max-w-3xl text-slate-600">{system.description}</p> : null}
        {system.canEdit && !system.subscribed ? (
          <p className="mt-3">
            <Link href={`/me/systems/${system.slug}/edit`} className="font-medium text-blue-700 hover:underline">
              Edit the system
            </Link>
          </p>
        ) : null}
      </header>
      <SystemOverview view={view} base={`/me/systems/${slug}`} carrier={carrier} own />
    </>
  );
}
