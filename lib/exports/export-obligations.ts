// The signed-in customer's obligations as a file, recorded in the audit log like every export.
import "server-only";
import type { FileResponse } from "@/lib/api/handle-route";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { getObligations } from "@/lib/obligations/get-obligations";
import { slugify } from "@/lib/domain/slug";
import { renderObligationsCsv, renderObligationsXlsx } from "./obligations-files";

export const obligationsExportFormats = ["csv", "xlsx"] as const;
export type ObligationsExportFormat = (typeof obligationsExportFormats)[number];

export async function exportObligations(options: {
  actor: Actor;
  format: ObligationsExportFormat;
}): Promise<FileResponse> {
  // Authorizes (read:obligations:own, an organization) before anything is read.
  const data = await getObligations({ actor: options.actor });
  await recordAudit({
    tx: getDb(),
    actor: options.actor,
    action: "export.download",
    target: { type: "obligations" },
    after: { format: options.format, providers: data.providers.map((p) => p.slug) },
  });
  const base = `${slugify(data.organization.name) || "organization"}-obligations`;
  return options.format === "csv"
    ? { body: renderObligationsCsv(data), contentType: "text/csv; charset=utf-8", filename: `${base}.csv` }
    : {
        body: await renderObligationsXlsx(data),
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename: `${base}.xlsx`,
      };
}
