// The audit log as a file, with the audit page's filters: CSV (every field, for tools) or PDF (for
// filing). Needs read:audit (listAllAuditEntries checks it). A PDF holds fewer entries than a CSV:
// 5,000 entries are already some 1,000 pages.
import "server-only";
import { auditCsv } from "@/lib/audit/audit-csv";
import { listAllAuditEntries, type AuditFilterInput } from "@/lib/audit/list-audit-entries";
import type { FileResponse } from "@/lib/api/handle-route";
import type { Actor } from "@/lib/auth/permissions";
import { auditReport } from "./audit-report";
import { renderPdfOffThread } from "./pdf/render-pdf-off-thread";

export const auditExportFormats = ["csv", "pdf"] as const;
export type AuditExportFormat = (typeof auditExportFormats)[number];

export const AUDIT_PDF_MAX_ROWS = 5_000;

export async function exportAuditLog(options: {
  actor: Actor;
  filters: AuditFilterInput;
  /** The filters applied, in words, for the PDF's cover. */
  filterLabels: [string, string][];
  format: AuditExportFormat;
  /** The date in the file name (the CSV's is the day of the download, as before). */
  today: string;
}): Promise<FileResponse> {
  const { actor, filters, format } = options;
  const entries = await listAllAuditEntries({
    actor,
    filters,
    ...(format === "pdf" ? { max: AUDIT_PDF_MAX_ROWS } : {}),
  });
  if (format === "csv")
    return {
      body: auditCsv(entries),
      contentType: "text/csv; charset=utf-8",
      filename: `demarc-audit-${options.today}.csv`,
    };
  return {
    body: await renderPdfOffThread({ kind: "report", data: auditReport({ entries, filters: options.filterLabels }) }),
    contentType: "application/pdf",
    filename: `demarc-audit-${options.today}.pdf`,
  };
}
