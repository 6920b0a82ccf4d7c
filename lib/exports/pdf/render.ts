// renderProviderPdf: a published version of a provider's responsibility model as a tagged,
// paginated PDF, drawn in code from the export model. Same data, same bytes: nothing here reads
// the clock or randomness, and the document's dates come from the version's publication.
import type { ProviderExport } from "@/lib/exports/export-model";
import { drawCover, type CoverOptions } from "./cover";
import { PdfFlow } from "./flow";
import { drawFooters } from "./footer";
import { drawCompliance, drawContacts, drawSections } from "./narrative";
import { createDocument, documentBytes, outlineItem, structElement } from "./pdfkit-adapter";
import { drawCrossCutting, drawService } from "./service";
import { fillToc, reserveToc, tocEntries } from "./toc";

export type RenderPdfOptions = CoverOptions;

function metadata(data: ProviderExport, options: RenderPdfOptions) {
  const date = new Date(data.version.publishedAt);
  if (Number.isNaN(date.getTime())) throw new Error(`Invalid publishedAt "${data.version.publishedAt}"`);
  const services = data.services.map((s) => s.name);
  return {
    title:
      options.title?.trim() || `${data.provider.name} — shared responsibility model, version ${data.version.number}`,
    subject: `Shared responsibility model of ${data.provider.name}${services.length ? `: ${services.join(", ")}` : ""}`,
    keywords: ["shared responsibility model", data.provider.name, ...services, `version ${data.version.number}`].join(
      ", ",
    ),
    date,
  };
}

export async function renderProviderPdf(data: ProviderExport, options: RenderPdfOptions = {}): Promise<Buffer> {
  const doc = createDocument(metadata(data, options));
  const bytes = documentBytes(doc);
  const flow = new PdfFlow(doc);
  const root = structElement(doc, "Document");
  doc.addStructure(root);

  drawCover(flow, root, data, options);
  // Bookmarks: provider → contents, services (→ diagram, matrix), cross-cutting, notes, …
  const outline = outlineItem(doc.outline, data.provider.name, 0, true);
  const toc = reserveToc(flow, root, outline, tocEntries(data));
  for (const service of data.services) drawService(flow, root, data, service, outline);
  drawCrossCutting(flow, root, data, outline);
  drawSections(flow, root, data, outline);
  drawCompliance(flow, root, data, outline);
  drawContacts(flow, root, data, outline);

  fillToc(flow, toc);
  drawFooters(
    flow,
    `${data.provider.name} · version ${data.version.number} · ${data.version.contentHash.slice(0, 12)}`,
  );
  root.end();
  doc.end();
  return bytes;
}
