// Imports one service's responsibility matrix (CSV or a seed-style Markdown table) into the
// provider's draft. The preview parses and checks everything against the current draft and writes
// nothing; the import does the same inside one transaction (draft locked, whole document checked,
// one audit entry) and writes nothing at all when any row or the resulting document has an error.
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { defaultParties, type PartyRef } from "@/lib/domain/assignment";
import { sameJson } from "@/lib/domain/canonical-json";
import { uniqueSlugs } from "@/lib/domain/slug";
import { AppError, type FieldError } from "@/lib/errors";
import {
  importLimits,
  parseMatrixTable,
  type MatrixFormat,
  type ParsedMatrixRow,
} from "@/lib/transfer/parse-matrix-table";
import { providerDocumentSchema, type ProviderDocument } from "@/lib/validation/provider-document";
import { findEditableProvider } from "./find-editable-provider";
import { getDraft } from "./get-draft";
import { lockDraft } from "./lock-draft";
import { ownValue } from "@/lib/domain/own-keys";

export { importLimits as matrixImportLimits };
export type { MatrixFormat };

export const matrixImportModes = ["replace", "append"] as const;
export type MatrixImportMode = (typeof matrixImportModes)[number];

type Area = ProviderDocument["services"][number]["areas"][number];

export interface MatrixImportRow {
  /** 1-based line of the row in the file. */
  line: number;
  /** The area as it would be saved; null when the row itself cannot be read. */
  area: Area | null;
  /** What the row does to the draft; null while it has errors. */
  effect: "added" | "changed" | "unchanged" | null;
  errors: string[];
}

export interface MatrixImportPreview {
  provider: { slug: string; name: string };
  service: { slug: string; name: string };
  mode: MatrixImportMode;
  format: MatrixFormat;
  /** The draft version the preview was made against; the import refuses if the draft moved on. */
  draftVersion: number;
  rows: MatrixImportRow[];
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

interface ImportOptions {
  db?: Database;
  actor: Actor;
  /** Provider slug. */
  provider: string;
  /** Service slug (a service of the draft). */
  service: string;
  text: string;
  format: MatrixFormat;
  mode: MatrixImportMode;
  /** Shown in the audit entry. */
  fileName?: string | null;
}

/** The format a file is in: by its extension, else by its content (a pipe table is Markdown). */
export function detectMatrixFormat(options: { fileName?: string | null; text: string }): MatrixFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(options.fileName ?? "")?.[1]?.toLowerCase();
  if (extension === "csv") return "csv";
  if (extension === "md" || extension === "markdown") return "markdown";
  const lines = options.text.split(/\r?\n/);
  const pipeTable = lines.some(
    (line, i) => line.trim().startsWith("|") && /^\s*\|?\s*:?-{3,}:?\s*\|/.test(lines[i + 1] ?? ""),
  );
  return pipeTable ? "markdown" : "csv";
}

/** Parses and checks the file against the current draft. Writes nothing. */
export async function previewServiceMatrix(options: ImportOptions): Promise<MatrixImportPreview> {
  const draft = await getDraft(options);
  checkMode(options.mode);
  const parsed = readFile(options);
  const plan = planMatrixImport({
    document: draft.document,
    service: options.service,
    rows: parsed.rows,
    columns: parsed.columns,
    mode: options.mode,
  });
  return {
    provider: { slug: draft.document.slug, name: draft.document.name },
    service: plan.service,
    mode: options.mode,
    format: options.format,
    draftVersion: draft.version,
    rows: plan.rows,
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
  options: ImportOptions & { expectedDraftVersion?: number },
): Promise<MatrixImportResult> {
  const db = options.db ?? getDb();
  const provider = await findEditableProvider({ db, actor: options.actor, slug: options.provider });
  checkMode(options.mode);
  const parsed = readFile(options);
  const bad = parsed.rows.filter((r) => r.errors.length > 0);
  if (bad.length) throw rowsRefused(bad.length, parsed.rows.length, bad);

  return db.$transaction(
    async (tx) => {
      const draft = await lockDraft({ tx, providerId: provider.id });
      if (options.expectedDraftVersion !== undefined && draft.version !== options.expectedDraftVersion)
        throw new AppError(
          "CONFLICT",
          `The draft changed after your preview (it is now at change ${draft.version}). Preview the file again, then import.`,
        );
      const plan = planMatrixImport({
        document: draft.document,
        service: options.service,
        rows: parsed.rows,
        columns: parsed.columns,
        mode: options.mode,
      });
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
          format: options.format,
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

function checkMode(mode: string): void {
  if (!(matrixImportModes as readonly string[]).includes(mode))
    throw new AppError(
      "INVALID_INPUT",
      "Choose whether the file replaces the service's areas or is appended to them.",
      {
        fieldErrors: [{ path: "mode", message: "Choose Replace or Append" }],
      },
    );
}

function readFile(options: { text: string; format: MatrixFormat }): { rows: ParsedMatrixRow[]; columns: string[] } {
  const parsed = parseMatrixTable({ text: options.text, format: options.format });
  if (!parsed.ok)
    throw new AppError("INVALID_INPUT", `${parsed.error} Nothing was imported.`, {
      fieldErrors: [{ path: "file", message: parsed.error }],
    });
  return parsed;
}

function rowsRefused(count: number, total: number, rows: { line: number; errors: string[] }[]): AppError {
  const fieldErrors: FieldError[] = rows.map((r) => ({ path: `line ${r.line}`, message: r.errors.join(" ") }));
  return new AppError(
    "INVALID_INPUT",
    `${count} of ${total} ${total === 1 ? "row" : "rows"} ${count === 1 ? "has" : "have"} errors, so nothing was imported. Fix ${count === 1 ? "it" : "them"} and preview again.`,
    { fieldErrors },
  );
}

const optionalColumns = { notes: /^notes?$/i, plane: /^plane$/i, layer: /^layer$/i } as const;

/**
 * What importing the rows does to the document (pure). Rows keep what the file cannot say about an
 * area of the same name already in the service: its interpretation, its parties while the
 * assignment stays the same, and notes, plane or layer when the file has no such column — so
 * re-importing an exported table changes nothing.
 */
export function planMatrixImport(options: {
  document: ProviderDocument;
  service: string;
  rows: readonly ParsedMatrixRow[];
  columns: readonly string[];
  mode: MatrixImportMode;
}) {
  const { document, mode } = options;
  const serviceIndex = document.services.findIndex((s) => s.slug === options.service);
  const service = document.services[serviceIndex];
  if (!service) throw new AppError("NOT_FOUND", `${document.name} has no service "${options.service}" in its draft.`);
  const existing = service.areas;
  const existingByName = new Map(existing.map((a) => [key(a.name), a]));
  const takenKeys = new Set(
    existing.filter((a) => mode === "append" || existingByName.get(key(a.name)) === a).map((a) => a.key),
  );
  const freeKey = (area: Area) => {
    const free = takenKeys.has(area.key) ? uniqueSlugs([area.name], takenKeys)[0]! : area.key;
    takenKeys.add(free);
    return free;
  };
  const fileHas = (pattern: RegExp) => options.columns.some((c) => pattern.test(c.trim()));
  const parties: PartyRef[] = document.parties;

  const rows: MatrixImportRow[] = options.rows.map((row) => {
    const errors = [...row.errors];
    if (!row.area || errors.length) return { line: row.line, area: null, effect: null, errors };
    const imported = row.area as Area;
    const current = existingByName.get(key(imported.name));
    if (mode === "append" && current)
      return {
        line: row.line,
        area: imported,
        effect: null,
        errors: [`The service already has an area "${current.name}"; choose Replace to overwrite it.`],
      };
    const area: Area = {
      ...imported,
      // The row keeps its key (links, diffs and deployment models use it); a new row gets a free one.
      key: current?.key ?? freeKey(imported),
      parties:
        current && current.assignment === imported.assignment && current.parties
          ? current.parties
          : defaultParties(imported.assignment, parties),
    };
    if (current?.interpretation !== undefined) area.interpretation = current.interpretation;
    if (!fileHas(optionalColumns.notes) && current?.notes !== undefined) area.notes = current.notes;
    if (!fileHas(optionalColumns.plane) && current?.plane !== undefined) area.plane = current.plane;
    if (!fileHas(optionalColumns.layer) && current?.layer !== undefined) area.layer = current.layer;
    const effect = !current ? "added" : sameJson(current, area) ? "unchanged" : "changed";
    return { line: row.line, area, effect, errors };
  });

  const valid = rows.filter((r) => r.errors.length === 0);
  const importedNames = new Set(valid.map((r) => key(r.area!.name)));
  const removed = mode === "replace" ? existing.filter((a) => !importedNames.has(key(a.name))).map((a) => a.name) : [];
  const names = (effect: MatrixImportRow["effect"]) =>
    valid.filter((r) => r.effect === effect).map((r) => r.area!.name);
  const problems: string[] = [];
  let result: ProviderDocument | null = null;

  if (valid.length === rows.length) {
    const areas = [...(mode === "append" ? existing : []), ...valid.map((r) => r.area!)];
    /** Index in `areas` → the file row that produced it (existing areas come first when appending). */
    const rowAt = (index: number) => rows[mode === "append" ? index - existing.length : index];
    const candidate = structuredClone(document);
    candidate.services[serviceIndex] = { ...service, areas };
    const checked = providerDocumentSchema.safeParse(candidate);
    if (checked.success) result = checked.data;
    else
      for (const issue of checked.error.issues) {
        const [root, si, list, index, field] = issue.path;
        const inService = root === "services" && si === serviceIndex;
        if (inService && list === "areas" && typeof index === "number") {
          const row = rowAt(index);
          const message = field === undefined ? issue.message : `${label(String(field))}: ${issue.message}`;
          if (row) row.errors.push(message);
          else problems.push(`Area "${areas[index]?.name}" already in the service: ${message}`);
        } else if (inService && list === "areas" && issue.code === "too_big")
          problems.push(
            `A service holds at most ${String(issue.maximum)} areas; this import would leave ${areas.length}.`,
          );
        else if (inService && list === "deploymentModels" && typeof index === "number")
          problems.push(
            `Deployment model "${service.deploymentModels[index]?.name}": ${issue.message}. Keep that area in the file, or change the model first.`,
          );
        else problems.push(`${issue.path.join(".") || "document"}: ${issue.message}`);
      }
    for (const row of rows) if (row.errors.length) row.effect = null;
  }

  const failing = rows.filter((r) => r.errors.length > 0).length;
  return {
    service: { slug: service.slug, name: service.name },
    rows,
    problems,
    added: names("added"),
    changed: names("changed"),
    unchanged: names("unchanged"),
    removed,
    errorCount: failing + problems.length,
    /** Names of the areas before the import, for the audit entry. */
    before: existing.map((a) => a.name),
    /** The whole draft after the import, checked by the schema; null when anything failed. */
    document: failing === 0 && problems.length === 0 ? result : null,
  };
}

const key = (name: string) => name.trim().toLowerCase();

function label(field: string): string {
  const labels: Record<string, string> = {
    name: "Responsibility Area",
    parties: "Parties",
    cells: "Duties",
    layer: "Layer",
    plane: "Plane",
    notes: "Notes",
  };
  return ownValue(labels, field) ?? field;
}
