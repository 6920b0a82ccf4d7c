// PDFs render in one long-lived worker thread, not on the request's event loop: other requests stay
// fast while a large export renders (the machines have two cores). The worker loads the TypeScript
// sources through tsx, as `npm start` does; it starts on the first PDF and keeps its parsed fonts.
import "server-only";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ProviderExport } from "@/lib/exports/export-model";
import type { PdfJob, PdfResult } from "./pdf-worker";

type Pending = { resolve: (pdf: Buffer) => void; reject: (error: Error) => void };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(error: Error) {
  for (const job of pending.values()) job.reject(error);
  pending.clear();
  worker = null;
}

function startWorker(): Worker {
  // Node 20 does not apply `--import` loaders to a worker's entry file: register tsx, then import it.
  const entry = pathToFileURL(path.join(process.cwd(), "lib/exports/pdf/pdf-worker.ts")).href;
  const started = new Worker(
    `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true, execArgv: ["--conditions=react-server"] },
  );
  started.on("message", (result: PdfResult) => {
    const job = pending.get(result.id);
    if (!job) return;
    pending.delete(result.id);
    if ("error" in result) job.reject(new Error(`PDF rendering failed: ${result.error}`));
    else job.resolve(Buffer.from(result.pdf.buffer, result.pdf.byteOffset, result.pdf.byteLength));
  });
  started.on("error", (error) => failAll(error));
  started.on("exit", (code) => failAll(new Error(`The PDF worker stopped (exit code ${code}).`)));
  // An idle worker must not keep a CLI command or a test run alive.
  started.unref();
  return started;
}

export function renderPdfOffThread(data: ProviderExport): Promise<Buffer> {
  worker ??= startWorker();
  const id = nextId++;
  const job: PdfJob = { id, data };
  const running = worker;
  return new Promise<Buffer>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    running.ref();
    running.postMessage(job);
  }).finally(() => {
    if (pending.size === 0) running.unref();
  });
}
