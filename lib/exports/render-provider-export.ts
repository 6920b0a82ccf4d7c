// One export request → one file: the format's renderer, its media type and a filename that says
// what the file holds ("danubedata-v3-vps.pdf").
import "server-only";
import type { FileResponse as ExportFile } from "@/lib/api/handle-route";
import type { ProviderExportFormat } from "@/lib/validation/export-query";
import type { ProviderDocument } from "@/lib/validation/provider-document";
import { renderCaiqXlsx } from "./caiq-xlsx";
import { exportFileName, type ProviderExport } from "./export-model";
import { renderMatrixCsv } from "./matrix-csv";
import { renderMatrixXlsx } from "./matrix-xlsx";
import { toOscalCatalog } from "./oscal/oscal-catalog";
import { oscalFileName } from "./oscal/oscal-common";
import { toOscalSsp } from "./oscal/oscal-ssp";
import { renderPdfOffThread } from "./pdf/render-pdf-off-thread";

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function renderProviderExport(options: {
  format: ProviderExportFormat;
  data: ProviderExport;
  document: ProviderDocument;
}): Promise<ExportFile> {
  const { data } = options;
  switch (options.format) {
    case "json":
      return {
        body: JSON.stringify(options.document, null, 2),
        contentType: "application/json",
        filename: exportFileName(data, "json"),
      };
    case "pdf":
      return {
        body: await renderPdfOffThread({ kind: "provider", data }),
        contentType: "application/pdf",
        filename: exportFileName(data, "pdf"),
      };
    case "csv":
      return {
        body: renderMatrixCsv(data),
        contentType: "text/csv; charset=utf-8",
        filename: exportFileName(data, "csv"),
      };
    case "xlsx":
      return { body: await renderMatrixXlsx(data), contentType: xlsxType, filename: exportFileName(data, "xlsx") };
    case "caiq":
      return {
        body: await renderCaiqXlsx(data),
        contentType: xlsxType,
        filename: exportFileName(data, "xlsx", "caiq"),
      };
    case "oscal-catalog":
      return {
        body: JSON.stringify(toOscalCatalog(data), null, 2),
        contentType: "application/json",
        filename: oscalFileName(data, "catalog"),
      };
    case "oscal-ssp":
      return {
        body: JSON.stringify(toOscalSsp(data), null, 2),
        contentType: "application/json",
        filename: oscalFileName(data, "system-security-plan"),
      };
  }
}
