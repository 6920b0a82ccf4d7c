// The signed-in customer's obligations as a file, recorded in the audit log like every export.
import "server-only";
import type { FileResponse } from "@/lib/api/handle-route";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getObligations, type ObligationsDto } from "@/lib/obligations/get-obligations";
import { getScopedDocuments, listVersionHistory } from "@/lib/versions/version-history";
import { buildProviderExport, type ProviderExport } from "./export-model";
import { exportVersion } from "./load-provider-export";
import { slugify } from "@/lib/domain/slug";
import { renderObligationsCsv, renderObligationsXlsx } from "./obligations-files";
import { obligationsReport } from "./obligations-report";
import { toObligationsOscalSsp } from "./oscal/oscal-obligations-ssp";
import { renderPdfOffThread } from "./pdf/render-pdf-off-thread";

export const obligationsExportFormats = ["pdf", "csv", "xlsx", "oscal-ssp"] as const;
export type ObligationsExportFormat = (typeof obligationsExportFormats)[number];

/**
 * Each provider's published version as the actor sees it, narrowed to the subscribed services
 * (cross-cutting areas kept): what the organization's plan leverages. The live tables My
 * obligations reads hold the newest published version, so the two agree.
 */
async function subscribedExports(actor: Actor, data: ObligationsDto): Promise<ProviderExport[]> {
  const db = getDb();
  return Promise.all(
    data.providers.map(async (provider) => {
      const history = await listVersionHistory({ db, actor, provider: provider.slug });
      const latest = history?.versions[0];
      const entry =
        history &&
        latest &&
        (await getScopedDocuments({ db, scope: history.scope, numbers: [latest.number] })).get(latest.number);
      if (!entry) throw new AppError("NOT_FOUND", `“${provider.name}” has no published version to export.`);
      const whole = buildProviderExport({ document: entry.document, version: exportVersion(entry) });
      const subscribed = new Set(provider.services.map((service) => service.slug));
      return { ...whole, services: whole.services.filter((service) => subscribed.has(service.slug)) };
    }),
  );
}

export async function exportObligations(options: {
  actor: Actor;
  format: ObligationsExportFormat;
}): Promise<FileResponse> {
  // Authorizes (read:obligations:own, an organization) before anything is read.
  const data = await getObligations({ actor: options.actor });
  const base = `${slugify(data.organization.name) || "organization"}-obligations`;
  const file = await renderObligations(options.actor, options.format, data, base);
  // Recorded once the file exists: a refused rendering (the renderer busy) downloaded nothing.
  await recordAudit({
    tx: getDb(),
    actor: options.actor,
    action: "export.download",
    target: { type: "obligations" },
    after: { format: options.format, providers: data.providers.map((p) => p.slug) },
  });
  return file;
}

async function renderObligations(
  actor: Actor,
  format: ObligationsExportFormat,
  data: ObligationsDto,
  base: string,
): Promise<FileResponse> {
  switch (format) {
    case "pdf":
      return {
        body: await renderPdfOffThread({ kind: "report", data: obligationsReport(data) }),
        contentType: "application/pdf",
        filename: `${base}.pdf`,
      };
    case "csv":
      return { body: renderObligationsCsv(data), contentType: "text/csv; charset=utf-8", filename: `${base}.csv` };
    case "oscal-ssp":
      return {
        body: JSON.stringify(
          toObligationsOscalSsp({
            organization: data.organization,
            providers: await subscribedExports(actor, data),
          }),
          null,
          2,
        ),
        contentType: "application/json",
        filename: `${base}-ssp.json`,
      };
    case "xlsx":
      return {
        body: await renderObligationsXlsx(data),
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename: `${base}.xlsx`,
      };
  }
}
