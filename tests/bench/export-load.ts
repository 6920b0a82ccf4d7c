// The server's side of a large export: the portal (production build, embedded database in a
// temporary directory) serves a service page to 10 concurrent readers, first alone, then while
// 250-page PDFs of a synthetic provider are downloaded one after another; the latencies of the page
// requests in both phases say whether a PDF slows everyone else down.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Actor } from "@/lib/auth/permissions";
import { createPrismaClient } from "@/lib/database/client";
import { readEmbeddedServer } from "@/lib/database/embedded-server-file";
import { providerDocumentSchema } from "@/lib/validation/provider-document";
import { writePublishedProvider } from "@/lib/versions/write-published-provider";
import { syntheticProviderDocument } from "./synthetic-provider";

const port = 3291;
const base = `http://127.0.0.1:${port}`;
const connections = 10;
const system: Actor = { kind: "system", command: "bench" };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function waitForPortal(deadline: number, stopped: () => boolean): Promise<void> {
  while (Date.now() < deadline) {
    if (stopped()) throw new Error("The portal stopped while starting (its errors are above).");
    const ok = await fetch(`${base}/api/v1/providers`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(500);
  }
  throw new Error("The portal did not start in time.");
}

/** Requests `url` from `connections` clients in a loop until `during` settles; the latencies in ms. */
async function hammer(url: string, during: () => Promise<void>): Promise<number[]> {
  const latencies: number[] = [];
  let stop = false;
  const clients = Array.from({ length: connections }, async () => {
    while (!stop) {
      const start = performance.now();
      const response = await fetch(url);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      latencies.push(performance.now() - start);
    }
  });
  await during();
  stop = true;
  await Promise.all(clients);
  return latencies;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export interface LoadResult {
  phase: string;
  requests: number;
  "p50 ms": number;
  "p95 ms": number;
  "max ms": number;
  "PDF ms": string;
}

export async function measureExportLoad(size: {
  services: number;
  areasPerService: number;
  crossCutting: number;
}): Promise<LoadResult[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "demarc-bench-"));
  const server = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "lib/cli/start.ts", "--port", String(port)],
    { env: { ...process.env, DEMARC_DATA_DIR: dataDir }, stdio: ["ignore", "ignore", "inherit"], detached: true },
  );
  let exited = false;
  server.on("exit", () => (exited = true));
  try {
    // A first start builds the portal when the sources are newer than the last build.
    await waitForPortal(Date.now() + 15 * 60_000, () => exited);
    const embedded = readEmbeddedServer(dataDir);
    if (!embedded) throw new Error("No embedded database is running for the benchmark portal.");
    const db = createPrismaClient(embedded.url, { max: 2 });
    const document = providerDocumentSchema.parse(syntheticProviderDocument(size));
    await db.$transaction((tx) => writePublishedProvider({ tx, actor: system, document, note: "Benchmark" }));
    await db.$disconnect();

    const page = `${base}/providers/danubedata/services/vps`;
    const pdf = `${base}/api/v1/providers/${document.slug}/export?format=pdf`;
    const download = async () => {
      const start = performance.now();
      const response = await fetch(pdf);
      const bytes = await response.arrayBuffer();
      if (!response.ok || bytes.byteLength < 1_000_000) throw new Error(`The PDF export answered ${response.status}`);
      return performance.now() - start;
    };
    // Warm-up: the page's code paths and the PDF worker (started on the first export).
    await hammer(page, () => sleep(3_000));
    await download();

    const alone = await hammer(page, () => sleep(8_000));
    const pdfTimes: number[] = [];
    const withPdf = await hammer(page, async () => {
      for (let run = 0; run < 4; run++) pdfTimes.push(await download());
    });
    const row = (phase: string, values: number[], pdfMs: string): LoadResult => ({
      phase,
      requests: values.length,
      "p50 ms": Math.round(percentile(values, 50)),
      "p95 ms": Math.round(percentile(values, 95)),
      "max ms": Math.round(Math.max(...values)),
      "PDF ms": pdfMs,
    });
    return [
      row("service page alone", alone, "—"),
      row("while 250-page PDFs render", withPdf, pdfTimes.map((t) => Math.round(t)).join(", ")),
    ];
  } finally {
    if (server.pid && !exited) process.kill(-server.pid, "SIGTERM");
    await sleep(2_000);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
