"use client";

import Link from "next/link";
import { FormMessage, SubmitButton } from "@/components/forms/form-controls";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHeader } from "@/components/ui/table";
import type { DocumentCounts, ProviderImportPreview } from "@/lib/drafts/import-provider-document";
import type { ProviderImportState } from "@/lib/actions/import-state";
import { formatBytes, UploadFields, usePreviewThenImport } from "./import-controls";

type Action = (prev: ProviderImportState, form: FormData) => Promise<ProviderImportState>;

const countLabels: Record<keyof DocumentCounts, string> = {
  services: "Services",
  areas: "Service areas",
  crossCuttingAreas: "Cross-cutting areas",
  layers: "Layers",
  deploymentModels: "Deployment models",
  sections: "Narrative sections",
};

/**
 * A whole provider document (the export's JSON): step 1 previews what would happen (replace the
 * draft, or create the provider) with every problem and its field path; step 2 imports it.
 */
export function ProviderJsonImportForm({
  provider,
  previewAction,
  importAction,
  maxBytes,
  label,
}: {
  /** The provider whose draft receives the document; omitted for new providers. */
  provider?: string;
  previewAction: Action;
  importAction: Action;
  maxBytes: number;
  label: string;
}) {
  const step = usePreviewThenImport<ProviderImportState>({
    previewAction,
    importAction,
    maxBytes,
  });
  const { preview } = step;
  const blocked = !preview || preview.errors.length > 0 || step.stale;

  return (
    <form
      action={step.runPreview}
      onSubmit={step.onSubmit}
      onChange={step.markStale}
      noValidate
      aria-label={label}
      className="space-y-5"
    >
      {provider ? <input type="hidden" name="provider" value={provider} /> : null}
      <input type="hidden" name="draftVersion" value={preview?.current?.draftVersion ?? ""} />
      <UploadFields
        accept=".json,application/json"
        fileLabel="Provider document (JSON)"
        pasteLabel="Or paste the JSON"
        placeholder={'{\n  "slug": "…",\n  "name": "…",\n  …\n}'}
        hint={`The JSON a provider's export gives (…/export). At most ${formatBytes(maxBytes)}.`}
        error={step.fileError ?? step.fieldError("file")}
      />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={step.previewing} pendingLabel="Checking…" variant={preview ? "secondary" : "primary"}>
          Preview
        </SubmitButton>
      </div>
      <FormMessage state={step.state} />
      {step.imported && step.importState.status === "success" && step.importState.link ? (
        <p className="text-sm">
          <Link href={step.importState.link.href} className="font-medium text-blue-700 hover:underline">
            {step.importState.link.label}
          </Link>
        </p>
      ) : null}

      {preview ? (
        <div className="space-y-4 border-t border-slate-200 pt-5">
          <DocumentPreview preview={preview} />
          <div className="flex flex-wrap items-center gap-4">
            <button
              type="submit"
              name="intent"
              value="import"
              formAction={step.runImport}
              disabled={blocked || step.importing}
              className="rounded-lg bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:cursor-not-allowed disabled:bg-slate-400"
            >
              {step.importing
                ? "Importing…"
                : preview.outcome === "create"
                  ? "Create the provider"
                  : "Import into the draft"}
            </button>
            <p className="text-sm text-slate-600">
              {step.stale
                ? "You changed the form after the preview: preview again before importing."
                : preview.errors.length > 0
                  ? "Fix the problems first: a file with problems imports nothing."
                  : preview.outcome === "create"
                    ? "The provider starts as an unpublished draft: publish it from its edit page."
                    : "The draft is replaced as a whole; readers see it once it is published."}
            </p>
          </div>
        </div>
      ) : null}
    </form>
  );
}

function DocumentPreview({ preview }: { preview: ProviderImportPreview }) {
  const keys = Object.keys(countLabels) as (keyof DocumentCounts)[];
  const services = preview.services;
  return (
    <>
      {preview.outcome ? (
        <p className="text-sm text-slate-800">
          {preview.outcome === "create" ? (
            <>
              Creates the provider <strong>{preview.name ?? preview.slug}</strong> (<code>{preview.slug}</code>)
              {preview.isPrivate === null
                ? "."
                : preview.isPrivate
                  ? ", private: once published, only its subscribers, its account managers, auditors and administrators see it."
                  : ", public: everyone sees it once it is published."}
            </>
          ) : (
            <>
              Replaces the draft of <strong>{preview.current?.name ?? preview.slug}</strong> (
              <code>{preview.slug}</code>
              {preview.current ? `, now at change ${preview.current.draftVersion}` : ""}).
            </>
          )}
        </p>
      ) : null}
      {preview.counts ? (
        <Table caption="Contents" captionVisible>
          <TableHeader>
            <TableRow>
              <TableHead>Part</TableHead>
              {preview.current ? <TableHead className="text-right">Draft now</TableHead> : null}
              <TableHead className="text-right">In the file</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {keys.map((key) => (
              <TableRow key={key}>
                <TableRowHeader>{countLabels[key]}</TableRowHeader>
                {preview.current ? (
                  <TableCell className="text-right tabular-nums">{preview.current.counts[key]}</TableCell>
                ) : null}
                <TableCell className="text-right font-medium tabular-nums">{preview.counts?.[key]}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {preview.counts && preview.outcome === "draft" ? (
        <ul className="space-y-1 text-sm text-slate-700">
          {(
            [
              ["New services", services.added],
              ["Changed services", services.changed],
              ["Removed services", services.removed],
              ["Unchanged services", services.unchanged],
            ] as const
          ).map(([title, slugs]) =>
            slugs.length ? (
              <li key={title}>
                <span className="font-medium">{title}:</span> {slugs.join(", ")}
              </li>
            ) : null,
          )}
        </ul>
      ) : null}
      {preview.errors.length ? (
        <div>
          <Table
            tone="danger"
            captionVisible
            caption={<span className="text-red-800">Problems ({preview.errors.length + preview.moreErrors})</span>}
          >
            <TableHeader>
              <TableRow>
                <TableHead>Field</TableHead>
                <TableHead>Problem</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.errors.map((error, i) => (
                <TableRow key={i}>
                  <TableCell className="font-mono text-xs text-slate-700">{error.path}</TableCell>
                  <TableCell className="text-red-700">
                    <span className="font-semibold">Error:</span> {error.message}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {preview.moreErrors ? <p className="mt-2 text-sm text-red-800">…and {preview.moreErrors} more.</p> : null}
        </div>
      ) : null}
    </>
  );
}
