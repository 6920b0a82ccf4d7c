// Imports a whole provider from the JSON the API emits (GET /api/v1/providers/:slug/export). An
// existing provider's document becomes its draft (its editors may do that); a new slug creates the
// provider (administrators only) as published version 1. The preview says which will happen and
// lists every problem with its field path; nothing is written unless the whole document is valid.
import "server-only";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import { holdsPermission, type Actor } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import { visibleProviderWhere } from "@/lib/auth/visibility";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { contentHash } from "@/lib/versions/content-hash";
import { createDraftProvider } from "./create-provider";
import { findEditableProvider } from "./find-editable-provider";
import { lockDraft } from "./lock-draft";
import { AppError, type FieldError } from "@/lib/errors";
import type { ProviderDocument } from "@/lib/validation/provider-document";
import { parseStoredProviderDocument } from "@/lib/validation/stored-provider-document";
import { readProviderDocument } from "@/lib/transfer/read-provider-document";
import { providerImportLimits, readProviderJson } from "@/lib/transfer/read-provider-json";

export { findJsonSyntaxError, providerImportLimits, readProviderJson } from "@/lib/transfer/read-provider-json";

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
  /** A new provider, as an unpublished draft. */
  | { outcome: "created"; slug: string; name: string; draftVersion: number };

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
 * provider that exists as an unpublished draft until an editor publishes it (audit
 * "provider.create"). One transaction; a file with any problem changes nothing.
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

  const created = await createDraftProvider({ db, actor, document, fileName: options.fileName, counts: { ...counts } });
  return { outcome: "created" as const, slug: created.slug, name: created.name, draftVersion: created.draftVersion };
}

/** Checks what can be checked before reading the file; `draft` targets resolve their provider here. */
async function authorizeTarget(
  db: Database,
  actor: Actor,
  target: ProviderImportTarget,
): Promise<{ id: string; slug: string; name: string } | null> {
  if (target.kind === "draft") return findEditableProvider({ db, actor, slug: target.provider });
  if (target.kind === "new") requirePermission(actor, "create:provider");
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
    if (visible)
      return {
        outcome: "create",
        provider: null,
        problem: {
          path: "slug",
          message: `A provider with the slug "${slug}" already exists (${visible.name}). To change it, import the file into its draft from its Import page.`,
        },
      };
    // A provider the actor cannot see still holds its slug; say so without naming it.
    if (await db.provider.findUnique({ where: { slug }, select: { id: true } }))
      return {
        outcome: "create",
        provider: null,
        problem: { path: "slug", message: `The slug "${slug}" is taken: change the file's slug to import it.` },
      };
    return { outcome: "create", provider: null };
  }
  if (visible) {
    requirePermission(actor, "edit:provider:own", { providerId: visible.id });
    return { outcome: "draft", provider: visible };
  }
  // Unknown, or hidden from the actor: both mean "create", which only administrators may do
  // implicitly (account managers choose "new provider" explicitly).
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
