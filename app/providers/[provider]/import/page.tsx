import type { Metadata } from "next";
import Link from "next/link";
import { MatrixImportForm } from "@/components/import/matrix-import-form";
import { ProviderJsonImportForm } from "@/components/import/provider-json-import-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card, Section } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { getActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { requireEditorDraft } from "@/lib/drafts/editor-access";
import { matrixImportLimits } from "@/lib/drafts/import-service-matrix";
import { findVisibleProvider } from "@/lib/providers/find-visible-provider";
import { providerImportLimits } from "@/lib/drafts/import-provider-document";
import { importProviderAction, previewProviderImportAction } from "@/lib/actions/import";
import { formatDateTime } from "@/lib/format";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ provider: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const provider = await findVisibleProvider({ actor: await getActor(), slug: (await params).provider });
  if (!provider) return { title: "Not found" };
  return {
    title: `Import · ${provider.name}`,
    description: `Import a service matrix (CSV, Markdown or XLSX) or a whole provider document (JSON) into the ${provider.name} draft, with a preview of every cell before anything changes.`,
  };
}

const kib = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MiB` : `${bytes / 1024} KiB`);

/** Imports into the provider's draft, for its editors (see requireEditorDraft for everyone else). */
export default async function ImportPage({ params }: Props) {
  const slug = (await params).provider;
  const { actor, draft } = await requireEditorDraft(slug, `/providers/${slug}/import`);
  const document = draft.document;
  const providerColumn = document.parties.find((p) => p.key === "provider")?.name ?? document.name;

  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", label: "Catalog" },
          { href: `/providers/${slug}`, label: document.name },
          { label: "Import" },
        ]}
      />
      <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Import into the draft of {document.name}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Imports change the draft only: readers keep seeing the published model until the draft is published. Every
        import shows a preview first, with each row&apos;s problems; nothing is saved until you confirm it, and a file
        with any error saves nothing.
      </p>
      <Card className="mt-4 max-w-3xl p-4 text-sm text-slate-700">
        <p>
          {draft.changed ? (
            <>
              The draft has unpublished changes (change {draft.version}
              {draft.updatedAt ? `, last saved ${formatDateTime(draft.updatedAt)}` : ""}).
            </>
          ) : (
            <>The draft has no unpublished changes: it starts from the published model.</>
          )}
        </p>
        <p className="mt-1 text-slate-600">
          Limits: matrix files up to {kib(matrixImportLimits.maxBytes)} of text or{" "}
          {kib(matrixImportLimits.maxWorkbookBytes)} as a workbook, and {matrixImportLimits.maxRows} rows; provider
          documents (JSON) up to {kib(providerImportLimits.maxBytes)}.
        </p>
      </Card>

      <Section
        id="service-matrix"
        title="Service matrix"
        description={`One service's responsibility areas from a CSV, Markdown or XLSX file: a column of areas (“Responsibility Area”, “Activity”, …) and one per party (“${providerColumn}”, “Customer”, …) holding duties, N/A or RACI letters; several Markdown tables under headings become groups.`}
      >
        <Card className="p-6">
          {document.services.length ? (
            <MatrixImportForm
              provider={slug}
              providerColumn={providerColumn}
              services={document.services.map((s) => ({ slug: s.slug, name: s.name, areas: s.areas.length }))}
              limits={{ maxBytes: matrixImportLimits.maxWorkbookBytes, maxRows: matrixImportLimits.maxRows }}
            />
          ) : (
            <p className="text-sm text-slate-600">The draft has no services yet: import a whole provider below.</p>
          )}
        </Card>
      </Section>

      <Section
        id="whole-provider"
        title="Whole provider (JSON)"
        description="A provider document as the export gives it: it replaces the whole draft. Exporting and importing again gives the same content."
        actions={
          <div className="text-sm">
            <LinkButton raw href={`/api/v1/providers/${slug}/export`}>
              Export the published model (JSON)
            </LinkButton>
          </div>
        }
      >
        <Card className="p-6">
          <ProviderJsonImportForm
            provider={slug}
            previewAction={previewProviderImportAction}
            importAction={importProviderAction}
            maxBytes={providerImportLimits.maxBytes}
            label="Import a provider document"
          />
        </Card>
        {can(actor, "create:provider") ? (
          <p className="mt-3 text-sm text-slate-600">
            A document for another provider?{" "}
            <Link href="/providers/new" prefetch={false} className="font-medium text-blue-700 hover:underline">
              Start a new provider from it
            </Link>
            .
          </p>
        ) : null}
      </Section>
    </>
  );
}
