import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { DeleteSystemForm } from "@/components/systems/delete-system-form";
import { SystemEditor } from "@/components/systems/system-editor";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { getActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getSystem } from "@/lib/systems/get-system";
import { bindingChoices, listServiceChoices } from "@/lib/systems/system-editor-options";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Edit system",
  description: "Change a system's stack of services and the bindings between them.",
};

export default async function EditSystemPage({ params }: { params: Promise<{ system: string }> }) {
  const { system: slug } = await params;
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/me/systems/${slug}/edit`)}`);
  if (!can(actor, "edit:systems:organization") || actor.kind !== "user" || !actor.organizationId) notFound();
  const system = await getSystem({ actor, system: slug }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
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
