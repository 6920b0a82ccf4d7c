// Imports a whole provider from the JSON the API emits (GET /api/v1/providers/:slug/export). An
// existing provider's document becomes its draft (its editors may do that); a new slug creates the
// provider (administrators only) as published version 1. The preview says which will happen and
// lists every problem with its field path; nothing is written unless the whole document is valid.
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { holdsPermission, type Actor } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { visibleProviderWhere } from "@/lib/auth/visibility";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { contentHash } from "@/lib/versions/content-hash";
import { findEditableProvider } from "@/lib/drafts/find-editable-provider";
import { lockDraft } from "@/lib/drafts/lock-draft";
import { AppError, type FieldError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { providerDocumentSchema, slugSchema, type ProviderDocument } from "@/lib/validation/provider-document";
import { fieldErrorsFrom } from "@/lib/validation/parse-input";
import { parseStoredProviderDocument } from "@/lib/validation/stored-provider-document";
import { recordVersion } from "@/lib/versions/record-version";
import { readProviderDocument } from "./read-provider-document";
import { writeProviderDocument } from "./write-provider-document";

export const providerImportLimits = { maxBytes: 2 * 1024 * 1024, maxReportedErrors: 100 } as const;

/**
 * Where the document may go. `draft`: into this provider's draft (the file must be its document).
 * `new`: a new provider only (administrators). `auto`: the slug decides.
 */
export type ProviderImportTarget = { kind: "draft"; provider: string } | { kind: "new" } | { kind: "auto" };

export interface DocumentCounts {
  services: number;
  areas: number;
  crossCuttingAreas: number;
  layers: number;
  deploymentModels: number;
  sections: number;
}

export interface ProviderImportPreview {
  /** What the import would do; null when the file names no usable slug. */
  outcome: "create" | "draft" | null;
  slug: string | null;
  name: string | null;
  /** Whether the document marks the provider private (null when the file is not a valid document). */
  isPrivate: boolean | null;
  /** The existing provider whose draft would be replaced. */
  current: { name: string; draftVersion: number; counts: DocumentCounts } | null;
  counts: DocumentCounts | null;
  /** Services by slug, compared with the current draft (all "added" when creating). */
  services: { added: string[]; removed: string[]; changed: string[]; unchanged: string[] };
  /** Problems with field paths ("services.0.areas.3.name"); the import is possible only without any. */
  errors: FieldError[];
  /** More problems than listed (the list stops at providerImportLimits.maxReportedErrors). */
  moreErrors: number;
}

export type ProviderImportResult =
  | { outcome: "draft"; slug: string; name: string; draftVersion: number }
  | { outcome: "created"; slug: string; name: string; version: number };

interface Options {
  db?: Database;
  actor: Actor;
  json: string;
  target?: ProviderImportTarget;
  /** Shown in the audit entry. */
  fileName?: string | null;
}

/** Says what importing the file would do, with every problem. Writes nothing. */
export async function previewProviderDocument(options: Options): Promise<ProviderImportPreview> {
  const db = options.db ?? getDb();
  const target = options.target ?? { kind: "auto" };
  const fixed = await authorizeTarget(db, options.actor, target);
  const read = readProviderJson(options.json);
  const slug = read.ok ? read.document.slug : read.slug;
  const document = read.ok ? read.document : null;
  const errors = read.ok ? [] : [...read.errors];
  let moreErrors = read.ok ? 0 : read.moreErrors;

  let outcome: ProviderImportPreview["outcome"] = null;
  let existing: { id: string; name: string } | null = null;
  if (slug) {
    const resolved = await resolveSlug(db, options.actor, target, fixed, slug);
    outcome = resolved.outcome;
    existing = resolved.provider;
    if (resolved.problem) errors.unshift(resolved.problem);
  }
  let current: ProviderImportPreview["current"] = null;
  let currentServices: ProviderDocument["services"] = [];
  if (existing) {
    const draft = await currentDraft(db, existing.id);
    current = { name: existing.name, draftVersion: draft.version, counts: countDocument(draft.document) };
    currentServices = draft.document.services;
  }
  if (errors.length > providerImportLimits.maxReportedErrors) {
    moreErrors += errors.length - providerImportLimits.maxReportedErrors;
    errors.length = providerImportLimits.maxReportedErrors;
  }
  return {
    outcome,
    slug,
    name: document?.name ?? null,
    isPrivate: document ? (document.isPrivate ?? false) : null,
    current,
    counts: document ? countDocument(document) : null,
    services: compareServices(currentServices, document?.services ?? []),
    errors,
    moreErrors,
  };
}

/**
 * Imports the file: into the provider's draft (one audit entry "draft.import-provider"), or as a new
 * provider with published version 1 "Imported" (audit "provider.create"). One transaction; a file
 * with any problem changes nothing.
 */
export async function importProviderDocument(
  options: Options & { expectedDraftVersion?: number },
): Promise<ProviderImportResult> {
  const db = options.db ?? getDb();
  const { actor } = options;
  const target = options.target ?? { kind: "auto" };
  const fixed = await authorizeTarget(db, actor, target);
  const read = readProviderJson(options.json);
  if (!read.ok)
    throw new AppError("INVALID_INPUT", `${read.message} Nothing was imported.`, { fieldErrors: read.errors });
  const document = read.document;
  const resolved = await resolveSlug(db, actor, target, fixed, document.slug);
  if (resolved.problem)
    throw new AppError(resolved.outcome === "create" ? "CONFLICT" : "INVALID_INPUT", resolved.problem.message, {
      fieldErrors: [resolved.problem],
    });
  const counts = countDocument(document);

  if (resolved.provider) {
    const provider = resolved.provider;
    return db.$transaction(
      async (tx) => {
        const draft = await lockDraft({ tx, providerId: provider.id });
        if (options.expectedDraftVersion !== undefined && draft.version !== options.expectedDraftVersion)
          throw new AppError(
            "CONFLICT",
            `The draft changed after your preview (it is now at change ${draft.version}). Preview the file again, then import.`,
          );
        const version = draft.version + 1;
        await tx.providerDraft.update({
          where: { providerId: provider.id },
          data: { document, version, updatedById: actor.kind === "user" ? actor.id : null },
        });
        await recordAudit({
          tx,
          actor,
          action: "draft.import-provider",
          target: { type: "provider", id: provider.id },
          providerId: provider.id,
          before: { draftVersion: draft.version, contentHash: contentHash(draft.document) },
          after: {
            draftVersion: version,
            contentHash: contentHash(document),
            fileName: options.fileName ?? null,
            ...counts,
          },
        });
        return { outcome: "draft" as const, slug: document.slug, name: document.name, draftVersion: version };
      },
      { timeout: 30_000 },
    );
  }

  try {
    return await db.$transaction(
      async (tx) => {
        const { id } = await writeProviderDocument({ tx, document });
        const version = await recordVersion({ tx, actor, providerId: id, document, note: "Imported" });
        await recordAudit({
          tx,
          actor,
          action: "provider.create",
          target: { type: "provider", id },
          providerId: id,
          after: {
            slug: document.slug,
            name: document.name,
            isPrivate: document.isPrivate ?? false,
            version: version.number,
            contentHash: version.contentHash,
            fileName: options.fileName ?? null,
            ...counts,
          },
        });
        return { outcome: "created" as const, slug: document.slug, name: document.name, version: version.number };
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new AppError("CONFLICT", `A provider with the slug "${document.slug}" already exists.`, {
        fieldErrors: [{ path: "slug", message: "Already taken" }],
      });
    throw error;
  }
}

type ReadResult =
  | { ok: true; document: ProviderDocument }
  | { ok: false; message: string; errors: FieldError[]; moreErrors: number; slug: string | null };

/** Size limit, JSON syntax (with line and column) and the provider document schema (with field paths). Pure. */
export function readProviderJson(json: string): ReadResult {
  const refuse = (message: string, path = "file"): ReadResult => ({
    ok: false,
    message,
    errors: [{ path, message }],
    moreErrors: 0,
    slug: null,
  });
  const bytes = Buffer.byteLength(json);
  if (bytes > providerImportLimits.maxBytes)
    return refuse(
      `The file is larger than ${providerImportLimits.maxBytes / 1024 / 1024} MiB (it has ${(bytes / 1024 / 1024).toFixed(1)} MiB).`,
    );
  const text = json.replace(/^\uFEFF/, "");
  if (!text.trim()) return refuse("The file is empty.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const found = findJsonSyntaxError(text);
    if (!found) return refuse(`The file is not valid JSON: ${(error as Error).message}.`);
    const { line, column } = lineAndColumn(text, found.offset);
    return refuse(`The file is not valid JSON: line ${line}, column ${column}: ${found.message}.`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return refuse("The file must hold one provider: a JSON object such as the export of a provider.");
  const parsed = providerDocumentSchema.safeParse(value);
  if (parsed.success) return { ok: true, document: parsed.data };
  const rawSlug = slugSchema.safeParse((value as { slug?: unknown }).slug);
  const all = fieldErrorsFrom(parsed.error, { emptyPath: "(document)" });
  const shown = all.slice(0, providerImportLimits.maxReportedErrors);
  return {
    ok: false,
    message: `The file is not a valid provider document: ${all.length} ${all.length === 1 ? "problem" : "problems"}.`,
    errors: shown,
    moreErrors: all.length - shown.length,
    slug: rawSlug.success ? rawSlug.data : null,
  };
}

/** Checks what can be checked before reading the file; `draft` targets resolve their provider here. */
async function authorizeTarget(
  db: Database,
  actor: Actor,
  target: ProviderImportTarget,
): Promise<{ id: string; slug: string; name: string } | null> {
  if (target.kind === "draft") return findEditableProvider({ db, actor, slug: target.provider });
  if (target.kind === "new") requirePermission(actor, "edit:provider:any");
  else if (!holdsPermission(actor, "edit:provider:own")) requirePermission(actor, "edit:provider:any");
  return null;
}

/** The slug's provider (whose draft the file replaces) or a new provider, with the actor's right to it checked. */
async function resolveSlug(
  db: Database,
  actor: Actor,
  target: ProviderImportTarget,
  fixed: { id: string; slug: string; name: string } | null,
  slug: string,
): Promise<{ outcome: "create" | "draft"; provider: { id: string; name: string } | null; problem?: FieldError }> {
  if (target.kind === "draft") {
    const provider = fixed!;
    if (slug !== provider.slug)
      return {
        outcome: "draft",
        provider,
        problem: {
          path: "slug",
          message: `This file describes "${slug}", not "${provider.slug}": a provider's slug cannot change. Import it from that provider's page, or as a new provider.`,
        },
      };
    return { outcome: "draft", provider };
  }
  const visible = await db.provider.findFirst({
    where: { AND: [{ slug }, visibleProviderWhere(actor)] },
    select: { id: true, name: true },
  });
  if (target.kind === "new") {
    // Administrators see every provider, so "visible" is "exists" here.
    if (visible)
      return {
        outcome: "create",
        provider: null,
        problem: {
          path: "slug",
          message: `A provider with the slug "${slug}" already exists (${visible.name}). To change it, import the file into its draft from its Import page.`,
        },
      };
    return { outcome: "create", provider: null };
  }
  if (visible) {
    requirePermission(actor, "edit:provider:own", { providerId: visible.id });
    return { outcome: "draft", provider: visible };
  }
  // Unknown, or hidden from the actor: both mean "create", which only administrators may.
  requirePermission(actor, "edit:provider:any");
  return { outcome: "create", provider: null };
}

async function currentDraft(
  db: Database,
  providerId: string,
): Promise<{ document: ProviderDocument; version: number }> {
  const draft = await db.providerDraft.findUnique({ where: { providerId }, select: { document: true, version: true } });
  if (draft) return { document: parseStoredProviderDocument(draft.document), version: draft.version };
  return { document: await readProviderDocument({ db, providerId }), version: 0 };
}

export function countDocument(document: ProviderDocument): DocumentCounts {
  return {
    services: document.services.length,
    areas: document.services.reduce((n, s) => n + s.areas.length, 0),
    crossCuttingAreas: document.crossCuttingAreas.length,
    layers: document.services.reduce((n, s) => n + s.layers.length, 0),
    deploymentModels: document.services.reduce((n, s) => n + s.deploymentModels.length, 0),
    sections: document.sections.length,
  };
}

function compareServices(before: ProviderDocument["services"], after: ProviderDocument["services"]) {
  const old = new Map(before.map((s) => [s.slug, s]));
  const kept = new Set(after.map((s) => s.slug));
  const result = { added: [] as string[], removed: [] as string[], changed: [] as string[], unchanged: [] as string[] };
  for (const service of after) {
    const previous = old.get(service.slug);
    if (!previous) result.added.push(service.slug);
    else if (contentHash(previous) === contentHash(service)) result.unchanged.push(service.slug);
    else result.changed.push(service.slug);
  }
  result.removed = before.filter((s) => !kept.has(s.slug)).map((s) => s.slug);
  return result;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Where JSON.parse gave up, as an offset and a plain explanation (Node's own messages do not always
 * say where). Only run on text that JSON.parse refused.
 */
export function findJsonSyntaxError(text: string): { offset: number; message: string } | null {
  const maxDepth = 1000;
  let i = 0;
  class Stop {
    constructor(
      readonly offset: number,
      readonly message: string,
    ) {}
  }
  const fail = (message: string): never => {
    throw new Stop(i, message);
  };
  const describe = (ch: string | undefined) =>
    ch === undefined ? "the end of the file" : /\s/.test(ch) ? "a line break or space" : `"${ch}"`;
  const space = () => {
    while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  const string = () => {
    i++;
    for (;;) {
      const ch = text[i];
      if (ch === undefined) fail("a string is never closed (missing '\"')");
      else if (ch === '"') {
        i++;
        return;
      } else if (ch === "\\") {
        const next = text[i + 1];
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('"\\u" must be followed by four hex digits');
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else fail(`invalid escape "\\${next ?? ""}" in a string`);
      } else if (ch.charCodeAt(0) < 0x20) fail("a line break or control character inside a string (write \\n)");
      else i++;
    }
  };
  const value = (depth: number): void => {
    space();
    if (depth > maxDepth) fail(`values are nested more than ${maxDepth} levels deep`);
    const ch = text[i];
    if (ch === "{") {
      i++;
      space();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text[i] !== '"')
          fail(`expected a property name in double quotes, found ${describe(text[i])} (a trailing comma?)`);
        string();
        space();
        if (text[i] !== ":") fail(`expected ":" after the property name, found ${describe(text[i])}`);
        i++;
        value(depth + 1);
        space();
        if (text[i] === ",") i++;
        else if (text[i] === "}") {
          i++;
          return;
        } else fail(`expected "," or "}" after a property value, found ${describe(text[i])}`);
      }
    }
    if (ch === "[") {
      i++;
      space();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        space();
        if (text[i] === ",") i++;
        else if (text[i] === "]") {
          i++;
          return;
        } else fail(`expected "," or "]" after a list item, found ${describe(text[i])}`);
      }
    }
    if (ch === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (literal) {
      i += literal[0].length;
      return;
    }
    fail(`expected a value, found ${describe(ch)}`);
  };
  try {
    value(0);
    space();
    if (i < text.length) fail(`unexpected ${describe(text[i])} after the end of the document`);
    return null;
  } catch (error) {
    if (error instanceof Stop) return { offset: error.offset, message: error.message };
    throw error;
  }
}
