"use client";

import { importMatrixAction, previewMatrixImportAction } from "@/lib/actions/import";
import { FormMessage, SelectField, SubmitButton } from "@/components/forms/form-controls";
import { useState } from "react";
import type { CellCorrection } from "@/lib/drafts/import-service-matrix";
import type { MatrixImportState } from "@/lib/actions/import-state";
import { formatBytes, RadioGroup, UploadFields, usePreviewThenImport } from "./import-controls";
import { MatrixImportPreviewView } from "./matrix-import-preview";
import { plural } from "@/lib/format";

/**
 * Step 1 previews the file against the draft (rows, their errors, what changes); step 2 imports
 * exactly that preview. Changing any field afterwards asks for a new preview.
 */
export function MatrixImportForm({
  provider,
  providerColumn,
  services,
  limits,
}: {
  provider: string;
  /** The provider's column in the seed tables ("DanubeData"). */
  providerColumn: string;
  services: readonly { slug: string; name: string; areas: number }[];
  limits: { maxBytes: number; maxRows: number };
}) {
  const step = usePreviewThenImport<MatrixImportState>({
    previewAction: previewMatrixImportAction,
    importAction: importMatrixAction,
    maxBytes: limits.maxBytes,
  });
  const { preview } = step;
  const [corrections, setCorrections] = useState<CellCorrection[]>([]);
  const onCorrect = (cell: Omit<CellCorrection, "text">, text: string | null) =>
    setCorrections((current) => [
      ...current.filter((c) => c.table !== cell.table || c.line !== cell.line || c.column !== cell.column),
      ...(text === null ? [] : [{ ...cell, text }]),
    ]);
  const changes = preview ? preview.added.length + preview.changed.length + preview.removed.length : 0;
  const blocked = !preview || preview.errorCount > 0 || step.stale || changes === 0;

  return (
    <form
      action={step.runPreview}
      onSubmit={step.onSubmit}
      onChange={step.markStale}
      noValidate
      aria-label="Import a service matrix"
      className="space-y-5"
    >
      <input type="hidden" name="provider" value={provider} />
      <input type="hidden" name="draftVersion" value={preview?.draftVersion ?? ""} />
      <input type="hidden" name="corrections" value={corrections.length ? JSON.stringify(corrections) : ""} />
      <div className="grid gap-5 md:grid-cols-2 xl:grid-cols-4">
        <SelectField
          label="Service"
          name="service"
          options={services.map((s) => ({ value: s.slug, label: `${s.name} (${plural(s.areas, "area")})` }))}
          defaultValue={services[0]?.slug}
          error={step.fieldError("service")}
        />
        <RadioGroup
          legend="Format"
          name="format"
          defaultValue="auto"
          options={[
            { value: "auto", label: "By file extension", hint: ".csv, .md or .xlsx; pasted text is recognised" },
            { value: "csv", label: "CSV", hint: "Comma or semicolon separated" },
            { value: "markdown", label: "Markdown", hint: "One or more tables; headings become groups" },
            { value: "xlsx", label: "XLSX workbook", hint: "One table per sheet; CAIQ v4 columns are understood" },
          ]}
        />
        <RadioGroup
          legend="Duties in a cell"
          name="split"
          defaultValue="lines"
          error={step.fieldError("split")}
          options={[
            { value: "lines", label: "One per line", hint: "Line breaks and list markers split; commas stay" },
            { value: "commas", label: "Also split at commas", hint: "“Backups, restores” is two duties" },
          ]}
        />
        <RadioGroup
          legend="Mode"
          name="mode"
          defaultValue="replace"
          error={step.fieldError("mode")}
          options={[
            { value: "replace", label: "Replace the service's areas", hint: "Areas missing from the file are removed" },
            { value: "append", label: "Append to them", hint: "Names must be new to the service" },
          ]}
        />
      </div>
      <UploadFields
        accept=".csv,.md,.markdown,.txt,.xlsx,text/csv,text/markdown,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        fileLabel="Matrix file"
        pasteLabel="Or paste the table"
        placeholder={`| Responsibility Area | ${providerColumn} | Customer |\n|---|---|---|\n| Physical Infrastructure | Data center security, power | N/A |`}
        hint={
          <>
            Columns: the area (Area, Responsibility Area, Activity, Task, Control…) and one per party, named after the
            party ({providerColumn}, Customer, …); optional Assignment, Notes, Plane, Layer, Group, References, ID. A
            cell holds duties, “N/A”, “-” or RACI letters (R, A/R, C, I). At most {formatBytes(limits.maxBytes)} per
            file and {limits.maxRows} rows.
          </>
        }
        error={step.fileError ?? step.fieldError("file")}
      />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={step.previewing} pendingLabel="Checking…" variant={preview ? "secondary" : "primary"}>
          Preview
        </SubmitButton>
      </div>
      <FormMessage state={step.state} />

      {preview ? (
        <div className="space-y-4 border-t border-slate-200 pt-5">
          <MatrixImportPreviewView preview={preview} corrections={corrections} onCorrect={onCorrect} />
          <div className="flex flex-wrap items-center gap-4">
            <button
              type="submit"
              name="intent"
              value="import"
              formAction={step.runImport}
              disabled={blocked || step.importing}
              className="rounded-lg bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:cursor-not-allowed disabled:bg-slate-400"
            >
              {step.importing ? "Importing…" : `Import ${plural(preview.rows.length, "row")} into the draft`}
            </button>
            <p className="text-sm text-slate-600">
              {step.stale
                ? "You changed the form after the preview: preview again before importing."
                : preview.errorCount > 0
                  ? "Fix the errors first: a file with errors imports nothing."
                  : changes === 0
                    ? "Nothing would change: the draft already holds these rows."
                    : "All rows are saved together, in one step, into the draft."}
            </p>
          </div>
        </div>
      ) : null}
    </form>
  );
}
