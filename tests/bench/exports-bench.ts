// Times the exports on synthetic providers: PDFs of ~20 and ~2,000 areas (pages, wall time, CPU
// time, peak RSS of the rendering process), the XLSX workbook and the OSCAL SSP of ~2,000 areas, and
// the portal's page latency while 250-page PDFs render (it starts a portal on a temporary embedded
// database, building it first if the sources changed). Run: npm run bench:exports
// Each PDF size is rendered a few times; the first render of a process also parses the fonts, so it
// is reported separately from the best of the warm ones.
import { execFile } from "node:child_process";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { buildProviderExport } from "@/lib/exports/export-model";
import { renderMatrixCsv } from "@/lib/exports/matrix-csv";
import { renderMatrixXlsx } from "@/lib/exports/matrix-xlsx";
import { toOscalCatalog } from "@/lib/exports/oscal/oscal-catalog";
import { toOscalSsp } from "@/lib/exports/oscal/oscal-ssp";
import { renderPdfOffThread } from "@/lib/exports/pdf/render-pdf-off-thread";
import { providerDocumentSchema } from "@/lib/validation/provider-document";
import { measureExportLoad } from "./export-load";
import { syntheticProviderDocument } from "./synthetic-provider";

const sizes = [
  { label: "~20 areas", services: 1, areasPerService: 20, crossCutting: 0 },
  { label: "~2,000 areas", services: 5, areasPerService: 390, crossCutting: 50 },
];
const runs = 4;

const run = promisify(execFile);
const probe = path.join(path.dirname(fileURLToPath(import.meta.url)), "pdf-render-probe.ts");

const rows: Record<string, string | number>[] = [];
for (const size of sizes) {
  const args = [size.services, size.areasPerService, size.crossCutting, runs].map(String);
  const { stdout } = await run(
    process.execPath,
    ["--expose-gc", "--import", "tsx", "--conditions=react-server", probe, ...args],
    {
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const result = JSON.parse(stdout.trim().split("\n").at(-1)!) as {
    areas: number;
    pages: number;
    bytes: number;
    times: { wall: number; cpu: number }[];
    maxRssKiB: number;
  };
  const { times, pages } = result;
  const warm = times.slice(1);
  const best = warm.reduce((a, b) => (b.wall < a.wall ? b : a), warm[0] ?? times[0]!);
  rows.push({
    size: size.label,
    areas: result.areas,
    pages,
    KiB: Math.round(result.bytes / 1024),
    "first ms": Math.round(times[0]?.wall ?? 0),
    "best ms": Math.round(best.wall),
    "best cpu ms": Math.round(best.cpu),
    "ms/page": Number((best.wall / pages).toFixed(2)),
    // The whole rendering process (Node, tsx, the modules, the data, the fonts, the renders).
    "peak RSS MiB": Math.round(result.maxRssKiB / 1024),
  });
}
console.log("PDF (each size rendered in a fresh process)");
console.table(rows);

// Spreadsheet and OSCAL of the large provider: best of a few runs after a warm-up.
const large = sizes.at(-1)!;
const data = buildProviderExport({
  document: providerDocumentSchema.parse(syntheticProviderDocument(large)),
  version: { number: 7, publishedAt: "2025-03-04T05:06:07.000Z", contentHash: "ab".repeat(32), note: "" },
});
const areas = data.services.reduce((n, s) => n + s.areas.length, 0) + data.crossCutting.areas.length;
async function best(render: () => unknown): Promise<{ ms: number; KiB: number }> {
  let ms = Number.POSITIVE_INFINITY;
  let size = 0;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    const out = await render();
    ms = Math.min(ms, performance.now() - start);
    size = typeof out === "string" ? Buffer.byteLength(out) : (out as Buffer).length;
  }
  return { ms: Math.round(ms), KiB: Math.round(size / 1024) };
}
console.log(`XLSX and OSCAL, ${areas} areas`);
console.table([
  { format: "xlsx", ...(await best(() => renderMatrixXlsx(data))) },
  { format: "csv", ...(await best(() => renderMatrixCsv(data))) },
  { format: "oscal-ssp", ...(await best(() => JSON.stringify(toOscalSsp(data)))) },
  { format: "oscal-catalog", ...(await best(() => JSON.stringify(toOscalCatalog(data)))) },
]);
// The server's view: how long the event loop stalls while a 250-page PDF renders in the renderer
// process the export routes use (a request arriving meanwhile waits at most this long).
const delay = monitorEventLoopDelay({ resolution: 5 });
await renderPdfOffThread({ kind: "provider", data }); // starts the renderer and parses its fonts
delay.enable();
const offThreadStart = performance.now();
await renderPdfOffThread({ kind: "provider", data });
const offThreadMs = Math.round(performance.now() - offThreadStart);
delay.disable();
console.log(
  `PDF of ${areas} areas in the renderer process: ${offThreadMs} ms; event-loop delay meanwhile p95 ${(delay.percentile(95) / 1e6).toFixed(1)} ms, max ${(delay.max / 1e6).toFixed(1)} ms`,
);

// The same as the server sees it: page requests while 250-page PDFs are downloaded from the portal.
console.log(`Portal under load: 10 readers of a service page, alone and while PDFs of ${areas} areas render`);
console.table(await measureExportLoad(large));
