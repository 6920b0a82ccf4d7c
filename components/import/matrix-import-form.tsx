"use client";

import { importMatrixAction, previewMatrixImportAction } from "@/lib/actions/import";
import { FormMessage, SelectField, SubmitButton } from "@/components/forms/form-controls";
import { AssignmentBadge } from "@/components/assignment/assignment-badge";
import { Duties } from "@/components/matrix/duties";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHeader } from "@/components/ui/table";
import type { MatrixImportPreview, MatrixImportRow } from "@/lib/drafts/import-service-matrix";
import type { MatrixImportState } from "@/lib/actions/import-state";
import { ErrorList, formatBytes, RadioGroup, UploadFields, usePreviewThenImport } from "./import-controls";
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
      <div className="grid gap-5 md:grid-cols-3">
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
            { value: "auto", label: "By file extension", hint: ".csv or .md; pasted text is recognised" },
            { value: "csv", label: "CSV", hint: "Comma or semicolon separated" },
            { value: "markdown", label: "Markdown table", hint: "Like the seed documents" },
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
        accept=".csv,.md,.markdown,.txt,text/csv,text/markdown,text/plain"
        fileLabel="Matrix file"
        pasteLabel="Or paste the table"
        placeholder={`| Responsibility Area | ${providerColumn} | Customer |\n|---|---|---|\n| Physical Infrastructure | Data center security, power | N/A |`}
        hint={
          <>
            Columns: Responsibility Area, {providerColumn} (the provider&apos;s column), Customer; optional Assignment,
            Notes, Plane, Layer. Duties are separated by “, ”; “N/A” marks a side as not applicable. At most{" "}
            {formatBytes(limits.maxBytes)} and {limits.maxRows} rows.
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
          <MatrixPreview preview={preview} providerColumn={providerColumn} />
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

const effectStyles = {
  added: "bg-emerald-50 text-emerald-800 ring-emerald-600/30",
  changed: "bg-amber-50 text-amber-900 ring-amber-600/30",
  unchanged: "bg-slate-50 text-slate-600 ring-slate-400/30",
} as const;
const effectLabels = { added: "New", changed: "Changed", unchanged: "Unchanged" } as const;

function MatrixPreview({ preview, providerColumn }: { preview: MatrixImportPreview; providerColumn: string }) {
  const failing = preview.rows.filter((r) => r.errors.length > 0).length;
  return (
    <>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700">
        {[
          ["Rows", preview.rows.length],
          ["With errors", failing],
          ["New", preview.added.length],
          ["Changed", preview.changed.length],
          ["Unchanged", preview.unchanged.length],
          ["Removed", preview.removed.length],
        ].map(([label, value]) => (
          <div key={label} className="flex gap-1.5">
            <dt className="text-slate-500">{label}:</dt>
            <dd className={`font-semibold ${label === "With errors" && failing > 0 ? "text-red-700" : ""}`}>{value}</dd>
          </div>
        ))}
      </dl>
      {preview.removed.length ? (
        <p className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          <span className="font-medium">Replace removes {plural(preview.removed.length, "area")} not in the file:</span>{" "}
          {preview.removed.join(", ")}
        </p>
      ) : null}
      <ErrorList title="Problems with the result" items={preview.problems} />
      <Table
        captionVisible
        caption={
          <>
            Preview: {preview.service.name} ({preview.mode === "replace" ? "replace its areas" : "append to its areas"},{" "}
            {preview.format === "csv" ? "CSV" : "Markdown"})
          </>
        }
      >
        <TableHeader>
          <TableRow>
            <TableHead>Line</TableHead>
            <TableHead>Responsibility area</TableHead>
            <TableHead>Assignment</TableHead>
            <TableHead>{providerColumn}</TableHead>
            <TableHead>Customer</TableHead>
            <TableHead>Result</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {preview.rows.map((row) => (
            <PreviewRow key={row.line} row={row} />
          ))}
        </TableBody>
      </Table>
    </>
  );
}

function PreviewRow({ row }: { row: MatrixImportRow }) {
  const failed = row.errors.length > 0;
  const area = row.area;
  return (
    <TableRow className={failed ? "bg-red-50" : undefined} aria-invalid={failed ? true : undefined}>
      <TableCell className="font-mono text-xs text-slate-500">{row.line}</TableCell>
      <TableRowHeader>
        {area?.name ?? <span className="font-normal text-slate-500 italic">(row with errors)</span>}
      </TableRowHeader>
      <TableCell>{area ? <AssignmentBadge assignment={area.assignment} /> : null}</TableCell>
      <TableCell>{area ? <Duties cell={area.cells.find((c) => c.party === "provider")} /> : null}</TableCell>
      <TableCell>{area ? <Duties cell={area.cells.find((c) => c.party === "customer")} /> : null}</TableCell>
      <TableCell>
        {failed ? (
          <ul className="space-y-0.5 text-red-700">
            {row.errors.map((error) => (
              <li key={error}>
                <span className="font-semibold">Error:</span> {error}
              </li>
            ))}
          </ul>
        ) : row.effect ? (
          <span
            className={`inline-block rounded-md px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${effectStyles[row.effect]}`}
          >
            {effectLabels[row.effect]}
          </span>
        ) : null}
      </TableCell>
    </TableRow>
  );
}
