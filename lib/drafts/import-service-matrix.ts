// Imports one service's responsibility matrix (CSV, Markdown with one or many tables, or an XLSX
// workbook) into the provider's draft. The preview reads and checks everything against the current
// draft and writes nothing, showing how every cell was read; the import does the same inside one
// transaction (draft locked, whole document checked, one audit entry) and writes nothing at all when
// any row or the resulting document has an error.
import "server-only";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { AppError, type FieldError } from "@/lib/errors";
import type { SplitRule } from "@/lib/transfer/matrix-import/cells";
import type { CellCorrection } from "@/lib/transfer/matrix-import/interpret";
import {
  importLimits,
  readMatrixFile,
  type MatrixFile,
  type MatrixFormat,
} from "@/lib/transfer/matrix-import/read-matrix-file";
import type { ProviderDocument } from "@/lib/validation/provider-document";
import { findEditableProvider } from "./find-editable-provider";
import { getDraft } from "./get-draft";
import { lockDraft } from "./lock-draft";
import { matrixImportModes, planMatrixImport, type MatrixImportMode, type MatrixImportRow } from "./plan-matrix-import";

export { importLimits as matrixImportLimits, matrixImportModes };
export type { MatrixFormat, MatrixImportMode, MatrixImportRow, SplitRule, CellCorrection };

export const splitRules = ["lines", "commas"] as const satisfies readonly SplitRule[];

export interface MatrixImportPreview {
  provider: { slug: string; name: string };
  service: { slug: string; name: string };
  /** The draft's parties, in order: one preview column each. */
  parties: { key: string; name: string }[];
  mode: MatrixImportMode;
  format: MatrixFormat;
  split: SplitRule;
  /** The draft version the preview was made against; the import refuses if the draft moved on. */
  draftVersion: number;
  /** The header of each table, as read. */
  headers: string[][];
  rows: MatrixImportRow[];
  /** Group titles the service will have, with how deep each sits. */
  groups: { title: string; depth: number }[];
  /** Problems of the resulting document that belong to no single row of the file. */
  problems: string[];
  added: string[];
  changed: string[];
  unchanged: string[];
  /** Areas of the service the import would remove (replace mode). */
  removed: string[];
  /** Rows with errors plus problems: the import is possible only when this is 0. */
  errorCount: number;
}

export interface MatrixImportResult {
  draftVersion: number;
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  removed: number;
}

export interface MatrixImportOptions {
  db?: Database;
  actor: Actor;
  /** Provider slug. */
  provider: string;
  /** Service slug (a service of the draft). */
  service: string;
  file: MatrixFile;
  mode: MatrixImportMode;
  /** Split duties at commas too, or only at line breaks and list markers (the default). */
  split?: SplitRule;
  /** Cells corrected in the preview, read instead of the file's text. */
  corrections?: readonly CellCorrection[];
  /** Shown in the audit entry. */
  fileName?: string | null;
}

/** Reads and checks the file against the current draft. Writes nothing. */
export async function previewServiceMatrix(options: MatrixImportOptions): Promise<MatrixImportPreview> {
  const draft = await getDraft(options);
  checkOptions(options);
  const plan = await planFor(draft.document, options);
  return {
    provider: { slug: draft.document.slug, name: draft.document.name },
    service: plan.service,
    parties: draft.document.parties.map((p) => ({ key: p.key, name: p.name })),
    mode: options.mode,
    format: options.file.format,
    split: options.split ?? "lines",
    draftVersion: draft.version,
    headers: plan.headers,
    rows: plan.rows,
    groups: groupOutline(plan.groups),
    problems: plan.problems,
    added: plan.added,
    changed: plan.changed,
    unchanged: plan.unchanged,
    removed: plan.removed,
    errorCount: plan.errorCount,
  };
}

/**
 * Imports the file into the draft: all rows or nothing. Refused (nothing written, no audit entry)
 * when the file cannot be read, any row has an error, the resulting document breaks a rule, or the
 * draft changed after the preview (`expectedDraftVersion`).
 */
export async function importServiceMatrix(
  options: MatrixImportOptions & { expectedDraftVersion?: number },
): Promise<MatrixImportResult> {
  const db = options.db ?? getDb();
  const provider = await findEditableProvider({ db, actor: options.actor, slug: options.provider });
  checkOptions(options);
  return db.$transaction(
    async (tx) => {
      const draft = await lockDraft({ tx, providerId: provider.id });
      if (options.expectedDraftVersion !== undefined && draft.version !== options.expectedDraftVersion)
        throw new AppError(
          "CONFLICT",
          `The draft changed after your preview (it is now at change ${draft.version}). Preview the file again, then import.`,
        );
      const plan = await planFor(draft.document, options);
      if (!plan.document) {
        const rowErrors = plan.rows.filter((r) => r.errors.length > 0);
        if (rowErrors.length) throw rowsRefused(rowErrors.length, plan.rows.length, rowErrors);
        throw new AppError(
          "INVALID_INPUT",
          `The import would break the draft, so nothing was imported: ${plan.problems.join(" ")}`,
          { fieldErrors: plan.problems.map((message) => ({ path: "document", message })) },
        );
      }
      const version = draft.version + 1;
      await tx.providerDraft.update({
        where: { providerId: provider.id },
        data: {
          document: plan.document,
          version,
          updatedById: options.actor.kind === "user" ? options.actor.id : null,
        },
      });
      await recordAudit({
        tx,
        actor: options.actor,
        action: "draft.import-matrix",
        target: { type: "provider", id: provider.id },
        providerId: provider.id,
        before: { draftVersion: draft.version, service: plan.service.slug, areas: plan.before },
        after: {
          draftVersion: version,
          service: plan.service.slug,
          mode: options.mode,
          format: options.file.format,
          split: options.split ?? "lines",
          corrections: options.corrections?.length ?? 0,
          fileName: options.fileName ?? null,
          rows: plan.rows.length,
          added: plan.added,
          changed: plan.changed,
          unchanged: plan.unchanged.length,
          removed: plan.removed,
        },
      });
      return {
        draftVersion: version,
        rows: plan.rows.length,
        added: plan.added.length,
        changed: plan.changed.length,
        unchanged: plan.unchanged.length,
        removed: plan.removed.length,
      };
    },
    { timeout: 30_000 },
  );
}

async function planFor(document: ProviderDocument, options: MatrixImportOptions) {
  const read = await readMatrixFile({
    file: options.file,
    parties: document.parties,
    split: options.split ?? "lines",
    corrections: options.corrections,
  });
  if (!read.ok)
    throw new AppError("INVALID_INPUT", `${read.error} Nothing was imported.`, {
      fieldErrors: [{ path: "file", message: read.error }],
    });
  const plan = planMatrixImport({ document, service: options.service, read, mode: options.mode });
  if (!plan) throw new AppError("NOT_FOUND", `${document.name} has no service "${options.service}" in its draft.`);
  return { ...plan, headers: read.headers };
}

function checkOptions(options: MatrixImportOptions): void {
  if (!(matrixImportModes as readonly string[]).includes(options.mode))
    throw new AppError(
      "INVALID_INPUT",
      "Choose whether the file replaces the service's areas or is appended to them.",
      {
        fieldErrors: [{ path: "mode", message: "Choose Replace or Append" }],
      },
    );
  if (options.split !== undefined && !(splitRules as readonly string[]).includes(options.split))
    throw new AppError("INVALID_INPUT", "Choose how duties are split.", {
      fieldErrors: [{ path: "split", message: "Choose line breaks or commas" }],
    });
}

function rowsRefused(count: number, total: number, rows: { line: number; errors: string[] }[]): AppError {
  const fieldErrors: FieldError[] = rows.map((r) => ({ path: `line ${r.line}`, message: r.errors.join(" ") }));
  return new AppError(
    "INVALID_INPUT",
    `${count} of ${total} ${total === 1 ? "row" : "rows"} ${count === 1 ? "has" : "have"} errors, so nothing was imported. Fix ${count === 1 ? "it" : "them"} and preview again.`,
    { fieldErrors },
  );
}

function groupOutline(groups: readonly { key: string; title: string; parent?: string }[]) {
  const depth = (key: string | undefined, seen = 0): number => {
    const group = groups.find((g) => g.key === key);
    return group?.parent && seen < groups.length ? 1 + depth(group.parent, seen + 1) : 0;
  };
  return groups.map((g) => ({ title: g.title, depth: depth(g.key) }));
}
