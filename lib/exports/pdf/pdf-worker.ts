// Runs in a child process (see render-pdf-off-thread.ts): renders each job it is sent (a provider's
// model or a report) and sends the bytes back, so a 250-page PDF never blocks the server's event loop.
import type { ProviderExport } from "@/lib/exports/export-model";
import { renderProviderPdf } from "./render";
import { renderReportPdf } from "./report";
import type { ReportDocument } from "./report-types";

export type PdfInput = { kind: "provider"; data: ProviderExport } | { kind: "report"; data: ReportDocument };

export type PdfJob = PdfInput & { id: number };

export type PdfResult = { id: number; pdf: Uint8Array } | { id: number; error: string };

export function renderPdf(input: PdfInput): Promise<Buffer> {
  return input.kind === "provider" ? renderProviderPdf(input.data) : renderReportPdf(input.data);
}

const reply = (result: PdfResult) => process.send?.(result);

process.on("message", async (job: PdfJob) => {
  try {
    const pdf = await renderPdf(job);
    reply({ id: job.id, pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength) });
  } catch (error) {
    reply({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
// The portal is gone (or restarting): nothing more will be asked.
process.on("disconnect", () => process.exit(0));
