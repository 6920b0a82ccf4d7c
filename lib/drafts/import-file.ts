// One entry point for imports without a browser (the API route and `npm run import`): a matrix
// file into one service of a provider's draft, or a whole provider document (JSON) into its draft or
// as a new provider; `dryRun` returns the preview and writes nothing. Authorization, validation and
// auditing happen in the services it calls.
import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import type { Database } from "@/lib/database/client";
import {
  importServiceMatrix,
  previewServiceMatrix,
  type MatrixImportMode,
  type SplitRule,
} from "./import-service-matrix";
import { AppError } from "@/lib/errors";
import { importProviderDocument, previewProviderDocument } from "./import-provider-document";
import type { ImportResponseDto } from "@/lib/validation/import-api";
import type { MatrixFormat } from "@/lib/transfer/matrix-import/read-matrix-file";

export const importFileFormats = ["markdown", "csv", "xlsx", "json"] as const;
export type ImportFileFormat = (typeof importFileFormats)[number];

export interface ImportFileOptions {
  db?: Database;
  actor: Actor;
  provider: string;
  format: ImportFileFormat;
  bytes: Uint8Array;
  /** Required for matrix formats: the service whose areas the file holds. */
  service?: string;
  mode?: MatrixImportMode;
  split?: SplitRule;
  /** JSON only: the file is a new provider (else it replaces the provider's draft). */
  create?: boolean;
  dryRun?: boolean;
  fileName?: string | null;
}

export async function importFile(options: ImportFileOptions) {
  const { actor, db } = options;
  const text = options.format === "xlsx" ? "" : new TextDecoder("utf-8", { fatal: false }).decode(options.bytes);
  if (options.format === "json") {
    if (options.create) requireSlugMatches(text, options.provider);
    const target = options.create
      ? ({ kind: "new" } as const)
      : ({ kind: "draft", provider: options.provider } as const);
    const common = { db, actor, json: text, target, fileName: options.fileName };
    if (options.dryRun) return { kind: "provider-preview" as const, preview: await previewProviderDocument(common) };
    return { kind: "provider-import" as const, result: await importProviderDocument(common) };
  }
  if (!options.service)
    throw new AppError("INVALID_INPUT", "Name the service the matrix belongs to.", {
      fieldErrors: [{ path: "service", message: "Required for CSV, Markdown and XLSX files" }],
    });
  const common = {
    db,
    actor,
    provider: options.provider,
    service: options.service,
    mode: options.mode ?? "replace",
    split: options.split,
    file: { format: options.format as MatrixFormat, text, bytes: options.bytes },
    fileName: options.fileName,
  };
  if (options.dryRun) return { kind: "matrix-preview" as const, preview: await previewServiceMatrix(common) };
  return { kind: "matrix-import" as const, result: await importServiceMatrix(common) };
}

/** A new provider's address names it: the file must describe the same slug (bad JSON is reported later, in full). */
function requireSlugMatches(text: string, provider: string) {
  let slug: unknown;
  try {
    slug = (JSON.parse(text) as { slug?: unknown } | null)?.slug;
  } catch {
    return;
  }
  if (typeof slug === "string" && slug !== provider)
    throw new AppError("INVALID_INPUT", `The file describes "${slug}", not "${provider}". Nothing was imported.`, {
      fieldErrors: [{ path: "slug", message: `Expected "${provider}", as the address says` }],
    });
}

/** The API's answer for an import: only what lib/validation/import-api.ts allows. */
export function importResponse(outcome: Awaited<ReturnType<typeof importFile>>): ImportResponseDto {
  switch (outcome.kind) {
    case "matrix-preview": {
      const p = outcome.preview;
      return {
        kind: "matrix-preview",
        service: p.service.slug,
        mode: p.mode,
        split: p.split,
        counts: {
          rows: p.rows.length,
          added: p.added.length,
          changed: p.changed.length,
          unchanged: p.unchanged.length,
          removed: p.removed.length,
          errors: p.errorCount,
        },
        removed: p.removed,
        problems: p.problems,
        rows: p.rows.map((row) => ({
          line: row.line,
          name: row.name,
          groups: row.groups,
          assignment: row.area?.assignment ?? null,
          assignmentSource: row.assignmentSource,
          effect: row.effect,
          errors: row.errors,
          cells: row.cells.map((cell) => ({
            party: cell.party,
            header: cell.header,
            kind: cell.reading.kind,
            duties: cell.reading.duties,
            raci: cell.reading.raci ?? null,
            notes: cell.reading.notes,
          })),
        })),
      };
    }
    case "matrix-import":
      return {
        kind: "matrix-import",
        draftVersion: outcome.result.draftVersion,
        counts: {
          rows: outcome.result.rows,
          added: outcome.result.added,
          changed: outcome.result.changed,
          unchanged: outcome.result.unchanged,
          removed: outcome.result.removed,
        },
      };
    case "provider-preview":
      return {
        kind: "provider-preview",
        outcome: outcome.preview.outcome,
        errors: outcome.preview.errors,
        counts: outcome.preview.counts ? { ...outcome.preview.counts } : null,
      };
    case "provider-import":
      return {
        kind: "provider-import",
        outcome: outcome.result.outcome,
        slug: outcome.result.slug,
        draftVersion: outcome.result.draftVersion,
      };
  }
}
