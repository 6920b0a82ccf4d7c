// One service's part of the PDF, and the cross-cutting areas: heading, summary, the stack diagram
// when the service has layers, then the matrix. Each part starts on a new page, so a printed
// service can be handed on by itself.
import type { ExportService, ProviderExport } from "@/lib/exports/export-model";
import { drawStackDiagram } from "./diagram";
import { styles, type PdfFlow } from "./flow";
import { drawMatrix } from "./matrix";
import { structElement, type Outline, type StructElement } from "./pdfkit-adapter";
import { destinations } from "./toc";

function countLine(shown: number, total: number): string {
  const noun = total === 1 ? "area" : "areas";
  return shown === total ? `${total} ${noun}` : `${shown} of ${total} ${noun} (filtered)`;
}

export function drawService(
  flow: PdfFlow,
  root: StructElement,
  data: ProviderExport,
  service: ExportService,
  outline: Outline,
): void {
  const section = structElement(flow.doc, "Sect");
  root.add(section);
  flow.newPage();
  const item =
    flow.heading(section, "H1", service.name, { dest: destinations.service(service.slug), outline }) ?? outline;
  const facts = [
    service.category,
    countLine(service.areas.length, service.totalAreas),
    service.sourceSection ? `source section ${service.sourceSection}` : null,
  ].filter(Boolean);
  flow.paragraph(section, facts.join(" · "), styles.muted, { gapAfter: 6 });
  flow.paragraph(section, service.summary, styles.body, { gapAfter: 8 });
  if (service.model) {
    flow.labelled(section, "Deployment model", service.model.name);
    if (service.model.interpretation) flow.paragraph(section, service.model.interpretation, styles.muted);
  }
  if (service.layers.length) {
    flow.heading(section, "H2", "Stack diagram", {
      dest: destinations.diagram(service.slug),
      outline: item,
      keepWithNext: 120,
    });
    drawStackDiagram(flow, section, service, data.provider.parties);
  }
  drawMatrix(flow, section, {
    heading: (keepWithNext) =>
      flow.heading(section, "H2", "Responsibility matrix", {
        dest: destinations.matrix(service.slug),
        outline: item,
        keepWithNext,
      }),
    rows: service.areas,
    groups: service.groups,
    parties: data.provider.parties,
    layers: service.layers,
    emptyMessage: service.totalAreas ? "No areas match the filters." : "No areas are listed for this service.",
  });
  section.end();
}

export function drawCrossCutting(flow: PdfFlow, root: StructElement, data: ProviderExport, outline: Outline): void {
  const { crossCutting } = data;
  if (crossCutting.totalAreas === 0) return;
  const section = structElement(flow.doc, "Sect");
  root.add(section);
  flow.newPage();
  flow.heading(section, "H1", "Cross-cutting areas", { dest: destinations.crossCutting, outline });
  flow.paragraph(section, countLine(crossCutting.areas.length, crossCutting.totalAreas), styles.muted);
  flow.paragraph(section, "Responsibilities that apply to every service of the provider.", styles.body, {
    gapAfter: 8,
  });
  drawMatrix(flow, section, {
    rows: crossCutting.areas,
    groups: crossCutting.groups,
    parties: data.provider.parties,
    layers: [],
    emptyMessage: "No areas match the filters.",
  });
  section.end();
}
