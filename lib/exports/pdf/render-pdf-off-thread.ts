// PDFs render in one long-lived child process at the lowest CPU priority, not on the request's event
// loop: while a large export renders, the operating system gives the portal's own work first call
// on the two cores, so page requests stay fast and the PDF takes what is left. The child loads the
// TypeScript sources through tsx, as `npm start` does; it starts on the first PDF, keeps its parsed
// fonts, and ends with the portal (or when its channel closes).
import "server-only";
import { fork, type ChildProcess } from "node:child_process";
import { setPriority } from "node:os";
import path from "node:path";
import type { PdfInput, PdfJob, PdfResult } from "./pdf-worker";

type Pending = { resolve: (pdf: Buffer) => void; reject: (error: Error) => void };

let child: ChildProcess | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(error: Error) {
  for (const job of pending.values()) job.reject(error);
  pending.clear();
  child = null;
}

/** Keeps the parent alive only while jobs are pending, so an idle renderer never holds up an exit. */
function holdParent(started: ChildProcess, hold: boolean) {
  if (hold) {
    started.ref();
    started.channel?.ref();
  } else {
    started.unref();
    started.channel?.unref();
  }
}

function startRenderer(): ChildProcess {
  // Resolved at run time from the sources, never bundled: the child runs them through tsx.
  const entry = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib/exports/pdf/pdf-worker.ts");
  const started = fork(/*turbopackIgnore: true*/ entry, [], {
    execArgv: ["--import", "tsx", "--conditions=react-server"],
    // Structured clone over the channel: the PDF comes back as bytes, not as JSON numbers.
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  try {
    if (started.pid) setPriority(started.pid, 19);
  } catch {
    // Not permitted on this system: the child still renders off the event loop, at normal priority.
  }
  started.on("message", (result: PdfResult) => {
    const job = pending.get(result.id);
    if (!job) return;
    pending.delete(result.id);
    if ("error" in result) job.reject(new Error(`PDF rendering failed: ${result.error}`));
    else job.resolve(Buffer.from(result.pdf.buffer, result.pdf.byteOffset, result.pdf.byteLength));
    if (pending.size === 0) holdParent(started, false);
  });
  started.on("error", (error) => failAll(error));
  started.on("exit", (code, signal) =>
    failAll(new Error(`The PDF renderer stopped (${signal ?? `exit code ${code}`}).`)),
  );
  holdParent(started, false);
  return started;
}

export function renderPdfOffThread(input: PdfInput): Promise<Buffer> {
  child ??= startRenderer();
  const running = child;
  const id = nextId++;
  const job: PdfJob = { ...input, id };
  return new Promise<Buffer>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    holdParent(running, true);
    running.send(job);
  });
}
