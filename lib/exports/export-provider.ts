// A provider as a file (PDF, CSV, XLSX, OSCAL, CAIQ or the JSON of one version or service), recorded
// in the audit log as trust centers do: who downloaded which provider, version, view and format.
import "server-only";
import type { FileResponse } from "@/lib/api/handle-route";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import type { ProviderExportFormat } from "@/lib/validation/export-query";
import type { ExportFilters } from "./export-model";
import { loadProviderExport } from "./load-provider-export";
import { renderProviderExport } from "./render-provider-export";

export async function exportProvider(options: {
  actor: Actor;
  provider: string;
  format: ProviderExportFormat;
  version?: number | null;
  service?: string | null;
  model?: string | null;
  filters?: ExportFilters;
}): Promise<FileResponse> {
  const db = getDb();
  const { data, document, providerId } = await loadProviderExport({ ...options, db });
  const file = await renderProviderExport({ format: options.format, data, document });
  // Recorded once the file exists: a refused rendering (the renderer busy) downloaded nothing.
  await recordAudit({
    tx: db,
    actor: options.actor,
    action: "export.download",
    target: { type: "provider", id: providerId },
    providerId,
    after: {
      format: options.format,
      version: data.version.number,
      service: options.service ?? null,
      model: options.model ?? null,
      assignments: [...data.scope.filters.assignments],
      query: data.scope.filters.query,
      parties: [...(data.scope.filters.parties ?? [])],
      layers: [...(data.scope.filters.layers ?? [])],
      frameworks: [...(data.scope.filters.frameworks ?? [])],
    },
  });
  return file;
}
