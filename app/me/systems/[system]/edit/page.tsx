import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeleteSystemForm } from "@/components/systems/delete-system-form";
import { SystemEditor } from "@/components/systems/system-editor";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { getSystem } from "@/lib/systems/get-system";
import { isSubscribedServices } from "@/lib/systems/subscribed-services";
import { bindingChoices, listServiceChoices } from "@/lib/systems/system-editor-options";
import { orNotFound, requireSystemsMember } from "@/app/systems/page-access";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Edit system",
  description: "Change a system's stack of services and the bindings between them.",
};

export default async function EditSystemPage({ params }: { params: Promise<{ system: string }> }) {
  const { system: slug } = await params;
  const actor = await requireSystemsMember(`/me/systems/${slug}/edit`, { edit: true });
  if (isSubscribedServices(slug)) notFound();
  const system = await orNotFound(getSystem({ actor, system: slug }));
  const fields = {
    slug: system.slug,
    version: system.version,
    name: system.name,
    description: system.description ?? "",
    tiers: system.tiers.map((t) => t.tier),
    bindings: system.bindings,
  };
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", label: "Catalog" },
          { href: "/me/systems", label: "My systems" },
          { href: `/me/systems/${system.slug}`, label: system.name },
          { label: "Edit" },
        ]}
      />
      <h1 className="mb-6 text-3xl font-semibold tracking-tight text-slate-900">Edit “{system.name}”</h1>
      <Card className="max-w-3xl p-5">
        <SystemEditor
          system={fields}
          services={await listServiceChoices({ actor })}
          choices={bindingChoices(system.tiers)}
        />
      </Card>
      <Card className="mt-6 max-w-3xl p-5">
        <DeleteSystemForm slug={system.slug} version={system.version} name={system.name} />
      </Card>
    </>
  );
}
