import type { Metadata } from "next";
import { ProviderJsonImportForm } from "@/components/import/provider-json-import-form";
import { NewProviderForm } from "@/components/providers/new-provider-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { importNewProviderAction, previewNewProviderAction } from "@/lib/actions/import";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { providerImportLimits } from "@/lib/drafts/import-provider-document";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "New provider",
  description: "Start a provider's shared responsibility model as an unpublished draft.",
};

/**
 * Account managers and administrators start a provider here, from a form or from a provider
 * document (JSON); either way readers see it once it is published.
 */
export default async function NewProviderPage() {
  await requirePagePermission("create:provider", "/providers/new");
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Catalog" }, { label: "New provider" }]} />
      <h1 className="text-3xl font-semibold tracking-tight text-slate-900">New provider</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        The provider starts as an unpublished draft: nobody but its editors sees it until it is published. Next, add its
        services on the edit page, or import its matrices (CSV, Markdown, XLSX) from its Import page.
      </p>
      <Card className="mt-6 p-5">
        <NewProviderForm />
      </Card>
      <section aria-labelledby="new-from-file" className="mt-10">
        <h2 id="new-from-file" className="text-xl font-semibold text-slate-900">
          Or start from a provider document (JSON)
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          The JSON another portal&apos;s export gives, services and all. The preview lists every problem with its field
          path; nothing is saved until you confirm it. At most {providerImportLimits.maxBytes / 1024 / 1024} MiB.
        </p>
        <Card className="mt-4 p-5">
          <ProviderJsonImportForm
            previewAction={previewNewProviderAction}
            importAction={importNewProviderAction}
            maxBytes={providerImportLimits.maxBytes}
            label="Import a new provider"
          />
        </Card>
      </section>
    </>
  );
}
