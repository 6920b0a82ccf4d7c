// Runs in a worker thread (see render-pdf-off-thread.ts): renders each ProviderExport it is sent and
// posts the bytes back, so a 250-page PDF never blocks the server's event loop.
import { parentPort } from "node:worker_threads";
import type { ProviderExport } from "@/lib/exports/export-model";
import { renderProviderPdf } from "./render";

export interface PdfJob {
  id: number;
  data: ProviderExport;
}

export type PdfResult = { id: number; pdf: Uint8Array } | { id: number; error: string };

parentPort?.on("message", async (job: PdfJob) => {
  try {
    const pdf = await renderProviderPdf(job.data);
    const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    parentPort?.postMessage({ id: job.id, pdf: bytes } satisfies PdfResult);
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
