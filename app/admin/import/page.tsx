import type { Metadata } from "next";
import { ProviderJsonImportForm } from "@/components/import/provider-json-import-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { providerImportLimits } from "@/lib/transfer/import-provider-document";
import { importNewProviderAction, previewNewProviderAction } from "@/lib/actions/import";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Import a new provider" };

/** Administrators create providers from a provider document (the JSON a provider's export gives). */
export default async function ImportProviderPage() {
  await requirePagePermission("edit:provider:any", "/admin/import");
  return (
    <>
      <Breadcrumbs items={[{ href: "/admin", label: "Administration" }, { label: "Import a new provider" }]} />
      <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Import a new provider (JSON)</h1>
      <p className="mt-2 max-w-3xl text-slate-600">
        Creates a provider from a provider document, published at once as version 1 (“Imported”). The preview lists
        every problem with its field path; nothing is saved until you confirm it. To change an existing provider, import
        into its draft from its Import page instead. At most {providerImportLimits.maxBytes / 1024 / 1024} MiB.
      </p>
      <Card className="mt-6 max-w-4xl p-6">
        <ProviderJsonImportForm
          previewAction={previewNewProviderAction}
          importAction={importNewProviderAction}
          maxBytes={providerImportLimits.maxBytes}
          label="Import a new provider"
        />
      </Card>
    </>
  );
}
