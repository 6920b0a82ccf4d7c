"use client";

import Link from "next/link";
import { FormMessage, SubmitButton } from "@/components/forms/form-controls";
import type { DocumentCounts, ProviderImportPreview } from "@/lib/transfer/import-provider-document";
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
                    ? "The provider is published at once as version 1."
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
                  ? ", private: only administrators, auditors and the account managers assigned to it see it."
                  : ", public: everyone sees it at once."}
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
        <div className="overflow-x-auto rounded-lg border border-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="bg-slate-50 px-3 py-2 text-left font-medium text-slate-800">Contents</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Part
                </th>
                {preview.current ? (
                  <th scope="col" className="px-3 py-2 text-right">
                    Draft now
                  </th>
                ) : null}
                <th scope="col" className="px-3 py-2 text-right">
                  In the file
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {keys.map((key) => (
                <tr key={key}>
                  <th scope="row" className="px-3 py-1.5 text-left font-normal text-slate-700">
                    {countLabels[key]}
                  </th>
                  {preview.current ? (
                    <td className="px-3 py-1.5 text-right tabular-nums">{preview.current.counts[key]}</td>
                  ) : null}
                  <td className="px-3 py-1.5 text-right font-medium tabular-nums">{preview.counts?.[key]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
        <div className="overflow-x-auto rounded-lg border border-red-200">
          <table className="min-w-full divide-y divide-red-100 text-sm">
            <caption className="bg-red-50 px-3 py-2 text-left font-medium text-red-800">
              Problems ({preview.errors.length + preview.moreErrors})
            </caption>
            <thead className="bg-red-50 text-left text-xs font-semibold tracking-wide text-red-800 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Field
                </th>
                <th scope="col" className="px-3 py-2">
                  Problem
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-red-100 bg-white">
              {preview.errors.map((error, i) => (
                <tr key={i}>
                  <td className="px-3 py-1.5 font-mono text-xs text-slate-700">{error.path}</td>
                  <td className="px-3 py-1.5 text-red-700">
                    <span className="font-semibold">Error:</span> {error.message}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.moreErrors ? (
            <p className="bg-red-50 px-3 py-2 text-sm text-red-800">…and {preview.moreErrors} more.</p>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
