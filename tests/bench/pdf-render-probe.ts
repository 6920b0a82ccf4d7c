// One benchmark size's PDF renders in a process of their own, so the peak RSS it reports is what
// rendering takes (plus Node and the modules a PDF needs), not what earlier sizes left behind.
// Run by exports-bench.ts: `tsx pdf-render-probe.ts <services> <areasPerService> <crossCutting> <runs>`;
// prints one JSON line.
import { buildProviderExport } from "@/lib/exports/export-model";
import { renderProviderPdf } from "@/lib/exports/pdf";
import { providerDocumentSchema } from "@/lib/validation/provider-document";
import { syntheticProviderDocument } from "./synthetic-provider";

const [services, areasPerService, crossCutting, runs] = process.argv.slice(2).map(Number);
const data = buildProviderExport({
  document: providerDocumentSchema.parse(
    syntheticProviderDocument({ services: services!, areasPerService: areasPerService!, crossCutting: crossCutting! }),
  ),
  version: { number: 7, publishedAt: "2025-03-04T05:06:07.000Z", contentHash: "ab".repeat(32), note: "" },
});
const areas = data.services.reduce((n, s) => n + s.areas.length, 0) + data.crossCutting.areas.length;
const times: { wall: number; cpu: number }[] = [];
let pdf: Buffer = Buffer.alloc(0);
for (let run = 0; run < runs!; run++) {
  // As the worker between jobs: a turn of the event loop (pdfkit's stream leaves ticks that hold the
  // last document until then), and the last render's garbage collected before the next starts.
  await new Promise((resolve) => setTimeout(resolve, 10));
  globalThis.gc?.();
  const cpu = process.cpuUsage();
  const start = performance.now();
  pdf = await renderProviderPdf(data, { url: "https://demarc.example/providers/synthetic-provider" });
  const used = process.cpuUsage(cpu);
  times.push({ wall: performance.now() - start, cpu: (used.user + used.system) / 1000 });
}
const pages = Number(/\/Type \/Pages\n\/Count (\d+)/.exec(pdf.toString("latin1"))?.[1] ?? Number.NaN);
// The kernel's high-water mark: rendering is synchronous, so a sampler could not see inside it.
console.log(JSON.stringify({ areas, pages, bytes: pdf.length, times, maxRssKiB: process.resourceUsage().maxRSS }));
