"use client";

import { AssignmentBadge } from "@/components/assignment/assignment-badge";
import { Duties } from "@/components/matrix/duties";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHeader } from "@/components/ui/table";
import type { CellCorrection, MatrixImportPreview, MatrixImportRow } from "@/lib/drafts/import-service-matrix";
import { plural } from "@/lib/format";
import { ErrorList } from "./import-controls";

// The preview of a matrix import: what changes, the groups the file's headings make, and every row
// with how each party's cell was read (letters, a list split and where, a strength read from its
// wording). Any cell can be corrected here; the correction is read instead of the file's text on
// the next preview and in the import.

const effectStyles = {
  added: "bg-emerald-50 text-emerald-800 ring-emerald-600/30",
  changed: "bg-amber-50 text-amber-900 ring-amber-600/30",
  unchanged: "bg-slate-50 text-slate-600 ring-slate-400/30",
} as const;
const effectLabels = { added: "New", changed: "Changed", unchanged: "Unchanged" } as const;
const formatLabels = { csv: "CSV", markdown: "Markdown", xlsx: "XLSX" } as const;

export interface CorrectionControls {
  corrections: readonly CellCorrection[];
  onCorrect: (cell: Omit<CellCorrection, "text">, text: string | null) => void;
}

export function MatrixImportPreviewView({
  preview,
  ...controls
}: { preview: MatrixImportPreview } & CorrectionControls) {
  const failing = preview.rows.filter((r) => r.errors.length > 0).length;
  const parties = preview.parties.filter((p) => preview.rows.some((r) => r.cells.some((c) => c.party === p.key)));
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
      {preview.groups.length ? (
        <div className="text-sm text-slate-700">
          <p className="font-medium">Groups from the file&apos;s headings and group column:</p>
          <ul className="mt-1 space-y-0.5">
            {preview.groups.map((g, i) => (
              <li key={`${i}-${g.title}`} style={{ paddingLeft: `${g.depth * 1.25}rem` }}>
                {g.title}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview.removed.length ? (
        <p className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          <span className="font-medium">Replace removes {plural(preview.removed.length, "area")} not in the file:</span>{" "}
          {preview.removed.join(", ")}
        </p>
      ) : null}
      <ErrorList title="Problems with the result" items={preview.problems} />
      <Table
        captionVisible
        caption={`Preview: ${preview.service.name} (${preview.mode === "replace" ? "replace its areas" : "append to its areas"}, ${formatLabels[preview.format]}, ${preview.split === "commas" ? "duties split at commas" : "duties split at line breaks"})`}
      >
        <TableHeader>
          <TableRow>
            <TableHead>Line</TableHead>
            <TableHead>Responsibility area</TableHead>
            <TableHead>Assignment</TableHead>
            {parties.map((p) => (
              <TableHead key={p.key}>{p.name}</TableHead>
            ))}
            <TableHead>Result</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {preview.rows.map((row) => (
            <PreviewRow key={`${row.table}:${row.line}`} row={row} parties={parties} {...controls} />
          ))}
        </TableBody>
      </Table>
    </>
  );
}

function PreviewRow({
  row,
  parties,
  corrections,
  onCorrect,
}: { row: MatrixImportRow; parties: readonly { key: string; name: string }[] } & CorrectionControls) {
  const failed = row.errors.length > 0;
  const area = row.area;
  return (
    <TableRow className={failed ? "bg-red-50" : undefined} aria-invalid={failed ? true : undefined}>
      <TableCell className="font-mono text-xs text-slate-500">{row.line}</TableCell>
      <TableRowHeader>
        {row.groups.length ? (
          <span className="block text-xs font-normal text-slate-500">{row.groups.join(" › ")}</span>
        ) : null}
        {row.name || <span className="font-normal text-slate-500 italic">(no name)</span>}
      </TableRowHeader>
      <TableCell>
        {area ? (
          <>
            <AssignmentBadge assignment={area.assignment} />
            <span className="mt-1 block text-xs text-slate-500">{row.assignmentSource}</span>
          </>
        ) : null}
      </TableCell>
      {parties.map((party) => {
        const cell = row.cells.find((c) => c.party === party.key);
        if (!cell) return <TableCell key={party.key} />;
        const position = { table: row.table, line: row.line, column: cell.column };
        const corrected = corrections.find(
          (c) => c.table === position.table && c.line === position.line && c.column === position.column,
        );
        return (
          <TableCell key={party.key} className="min-w-48">
            <Duties
              cell={{
                duties: cell.reading.duties,
                notApplicable: cell.reading.kind === "not-applicable",
                raci: cell.reading.raci,
              }}
              label={`${party.name}, line ${row.line}`}
            />
            {cell.reading.notes.length ? (
              <ul
                className="mt-1 space-y-0.5 text-xs text-slate-500"
                aria-label={`How ${party.name}'s cell on line ${row.line} was read`}
              >
                {cell.reading.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            ) : null}
            <details className="mt-1 text-xs" open={corrected !== undefined}>
              <summary className="cursor-pointer text-blue-800">
                {cell.corrected ? "Corrected: change again" : "Correct this cell"}
              </summary>
              <label className="mt-1 block">
                <span className="sr-only">
                  Corrected text of {party.name}&apos;s cell on line {row.line}
                </span>
                <textarea
                  rows={3}
                  defaultValue={corrected?.text ?? cell.raw}
                  onChange={(event) => onCorrect(position, event.target.value === cell.raw ? null : event.target.value)}
                  className="w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs"
                />
              </label>
              <span className="text-slate-500">
                Then preview again. One duty per line; “N/A”, “-” or RACI letters work too.
              </span>
            </details>
          </TableCell>
        );
      })}
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
