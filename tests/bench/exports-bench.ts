// Times the exports on synthetic providers: PDFs of ~20 and ~2,000 areas (pages, wall time, CPU
// time, peak RSS), then the XLSX workbook and the OSCAL SSP of ~2,000 areas. Run: npm run bench:exports
// Each size is rendered a few times; the first render of the process also parses the fonts, so it
// is reported separately from the best of the warm ones.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { buildProviderExport } from "@/lib/exports/export-model";
import { renderMatrixCsv } from "@/lib/exports/matrix-csv";
import { renderMatrixXlsx } from "@/lib/exports/matrix-xlsx";
import { toOscalCatalog } from "@/lib/exports/oscal/oscal-catalog";
import { toOscalSsp } from "@/lib/exports/oscal/oscal-ssp";
import { renderProviderPdf } from "@/lib/exports/pdf";
import { renderPdfOffThread } from "@/lib/exports/pdf/render-pdf-off-thread";
import { providerDocumentSchema } from "@/lib/validation/provider-document";
import { syntheticProviderDocument } from "./synthetic-provider";

const sizes = [
  { label: "~20 areas", services: 1, areasPerService: 20, crossCutting: 0 },
  { label: "~2,000 areas", services: 5, areasPerService: 390, crossCutting: 50 },
];
const runs = 4;

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 5);

function pageCount(pdf: Buffer): number {
  return Number(/\/Type \/Pages\n\/Count (\d+)/.exec(pdf.toString("latin1"))?.[1] ?? Number.NaN);
}

const rows: Record<string, string | number>[] = [];
for (const size of sizes) {
  const document = providerDocumentSchema.parse(syntheticProviderDocument(size));
  const data = buildProviderExport({
    document,
    version: { number: 7, publishedAt: "2025-03-04T05:06:07.000Z", contentHash: "ab".repeat(32), note: "" },
  });
  const areas = data.services.reduce((n, s) => n + s.areas.length, 0) + data.crossCutting.areas.length;
  const times: { wall: number; cpu: number }[] = [];
  let pages = 0;
  let bytes = 0;
  for (let run = 0; run < runs; run++) {
    peakRss = process.memoryUsage().rss;
    const cpu = process.cpuUsage();
    const start = performance.now();
    const pdf = await renderProviderPdf(data, { url: "https://demarc.example/providers/synthetic-provider" });
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpu);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    times.push({ wall, cpu: (used.user + used.system) / 1000 });
    pages = pageCount(pdf);
    bytes = pdf.length;
    await new Promise((resolve) => setTimeout(resolve, 20)); // let the RSS sampler and GC run
  }
  const warm = times.slice(1);
  const best = warm.reduce((a, b) => (b.wall < a.wall ? b : a), warm[0] ?? times[0]!);
  rows.push({
    size: size.label,
    areas,
    pages,
    KiB: Math.round(bytes / 1024),
    "first ms": Math.round(times[0]?.wall ?? 0),
    "best ms": Math.round(best.wall),
    "best cpu ms": Math.round(best.cpu),
    "ms/page": Number((best.wall / pages).toFixed(2)),
    "peak RSS MiB": Math.round(peakRss / 1024 / 1024),
    // The kernel's high-water mark for the process so far (rendering is synchronous, so the sampler
    // above only sees the RSS between renders).
    "max RSS MiB": Math.round(process.resourceUsage().maxRSS / 1024),
  });
}
clearInterval(sampler);
console.log("PDF");
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
// The server's view: how long the event loop stalls while a 250-page PDF renders in the worker
// thread the export route uses (a request arriving meanwhile waits at most this long).
const delay = monitorEventLoopDelay({ resolution: 5 });
await renderPdfOffThread(data); // starts the worker and parses its fonts
delay.enable();
const offThreadStart = performance.now();
await renderPdfOffThread(data);
const offThreadMs = Math.round(performance.now() - offThreadStart);
delay.disable();
console.log(
  `PDF of ${areas} areas in the worker: ${offThreadMs} ms; event-loop delay meanwhile p95 ${(delay.percentile(95) / 1e6).toFixed(1)} ms, max ${(delay.max / 1e6).toFixed(1)} ms`,
);
console.log(`Process peak RSS (kernel high-water mark): ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
