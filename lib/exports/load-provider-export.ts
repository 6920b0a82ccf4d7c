// Reads what an export holds: a published version of a provider as the actor may see it (the
// newest unless a number is asked for), checked and shaped into the export model.
import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ProviderDocument } from "@/lib/validation/provider-document";
import { getScopedDocuments, listVersionHistory, type VersionEntry } from "@/lib/versions/version-history";
import {
  buildProviderExport,
  noFilters,
  type ExportFilters,
  type ExportVersion,
  type ProviderExport,
} from "./export-model";

/** What an export says of the version it holds. */
export function exportVersion(entry: VersionEntry): ExportVersion {
  return {
    number: entry.number,
    publishedAt: entry.publishedAt.toISOString(),
    contentHash: entry.contentHash,
    note: entry.note,
  };
}

/** Party and layer filters name keys of this version (a typo would silently export nothing). */
function checkFilterKeys(
  document: ProviderDocument,
  service: ProviderDocument["services"][number] | null,
  filters: ExportFilters | undefined,
): void {
  const parties = new Set(document.parties.map((p) => p.key));
  const layers = new Set((service ? [service] : document.services).flatMap((s) => s.layers.map((l) => l.key)));
  const fieldErrors = [
    ...(filters?.parties ?? [])
      .filter((key) => !parties.has(key))
      .map((key) => ({ path: "party", message: `No party "${key}": use ${[...parties].join(", ")}` })),
    ...(filters?.layers ?? [])
      .filter((key) => !layers.has(key))
      .map((key) => ({
        path: "layer",
        message: layers.size ? `No layer "${key}": use ${[...layers].join(", ")}` : `No layer "${key}": there are none`,
      })),
  ];
  if (fieldErrors.length) throw new AppError("INVALID_INPUT", "Check the filters.", { fieldErrors });
}

export async function loadProviderExport(options: {
  db?: Database;
  actor: Actor;
  provider: string;
  version?: number | null;
  service?: string | null;
  model?: string | null;
  filters?: ExportFilters;
}): Promise<{ data: ProviderExport; document: ProviderDocument; providerId: string }> {
  const db = options.db ?? getDb();
  const history = await listVersionHistory({ db, actor: options.actor, provider: options.provider });
  if (!history) throw new AppError("NOT_FOUND", `No provider "${options.provider}".`);
  const number = options.version ?? history.versions[0]?.number;
  if (number === undefined)
    throw new AppError("NOT_FOUND", `“${history.scope.provider.name}” has no published version to export yet.`);
  const entry = (await getScopedDocuments({ db, scope: history.scope, numbers: [number] })).get(number);
  if (!entry) throw new AppError("NOT_FOUND", `“${history.scope.provider.name}” has no version ${number}.`);

  const service = options.service ? entry.document.services.find((s) => s.slug === options.service) : null;
  if (options.service && !service)
    throw new AppError("NOT_FOUND", `No service "${options.service}" in version ${number} of this provider.`);
  if (options.model) {
    if (!service)
      throw new AppError("INVALID_INPUT", "A deployment model belongs to one service: add service=<slug>.", {
        fieldErrors: [{ path: "model", message: "Needs service=<slug>" }],
      });
    if (!service.deploymentModels.some((m) => m.key === options.model)) {
      const known = service.deploymentModels.map((m) => m.key);
      throw new AppError("INVALID_INPUT", `“${service.name}” has no deployment model "${options.model}".`, {
        fieldErrors: [
          { path: "model", message: known.length ? `Use one of ${known.join(", ")}` : "This service has none" },
        ],
      });
    }
  }

  checkFilterKeys(entry.document, service ?? null, options.filters);
  const data = buildProviderExport({
    document: entry.document,
    version: exportVersion(entry),
    service: options.service ?? null,
    model: options.model ?? null,
    filters: options.filters ?? noFilters,
  });
  const document = options.service
    ? { ...entry.document, services: entry.document.services.filter((s) => s.slug === options.service) }
    : entry.document;
  return { data, document, providerId: history.scope.provider.id };
}
