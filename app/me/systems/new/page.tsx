import type { Metadata } from "next";
import { SystemEditor } from "@/components/systems/system-editor";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { listServiceChoices } from "@/lib/systems/system-editor-options";
import { requireSystemsMember } from "@/app/systems/page-access";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "New system",
  description: "Stack the services your organization uses, top first, to see who carries every duty.",
};

export default async function NewSystemPage() {
  const actor = await requireSystemsMember("/me/systems/new", { edit: true });
  return (
    <>
      <Breadcrumbs
        items={[{ href: "/", label: "Catalog" }, { href: "/me/systems", label: "My systems" }, { label: "New system" }]}
      />
      <h1 className="mb-2 text-3xl font-semibold tracking-tight text-slate-900">New system</h1>
      <p className="mb-6 max-w-3xl text-slate-600">
        Add the services your system runs on, the one you use directly first. Once it is saved, bind the third parties a
        service names (a platform&apos;s hyperscaler) to the services below it.
      </p>
      <Card className="max-w-3xl p-5">
        <SystemEditor system={null} services={await listServiceChoices({ actor })} choices={null} />
      </Card>
    </>
  );
}
