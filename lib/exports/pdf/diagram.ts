// The layered stack diagram as vector graphics: the same layout model the web page draws as SVG
// (lib/diagrams/stack-diagram), drawn in its own units under a scale transform. The model wraps
// text with estimated widths; DejaVu is wider than the web font, so lines that would overflow their
// box are shortened with an ellipsis using the real metrics (the full text is in the figure's Alt).
import { buildStackDiagram, diagramMetrics as dm, type DiagramBox, type TextLine } from "@/lib/diagrams/stack-diagram";
import type { ExportService } from "@/lib/exports/export-model";
import type { PartyDto } from "@/lib/validation/api";
import type { FontKey } from "./fonts";
import type { PdfFlow } from "./flow";
import { styles } from "./flow";
import { markedContent, structElement, type StructElement } from "./pdfkit-adapter";
import { colorsOf, dashOf, drawLegend, hatch, legendText, type LegendItem } from "./swatch";
import { bodyBottom, bodyTop, neutralColors } from "./theme";

/** Layout width in diagram units: wide enough for side labels, small enough that text stays legible. */
const layoutWidth = 720;

function boxColors(assignment: DiagramBox["assignment"], unassigned: boolean) {
  return assignment || unassigned ? colorsOf(assignment) : neutralColors;
}

export function drawStackDiagram(
  flow: PdfFlow,
  parent: StructElement,
  service: ExportService,
  parties: readonly PartyDto[],
): void {
  const model = buildStackDiagram({
    layers: service.layers,
    parties,
    title: `Stack diagram of ${service.name}`,
    width: layoutWidth,
  });
  if (!model.bands.length) return;
  const { doc, measure } = flow;
  const pageHeight = bodyBottom - bodyTop - 40;
  const scale = Math.min(flow.width / model.width, pageHeight / model.height);
  const height = model.height * scale;
  flow.ensure(height + 8);
  const x0 = flow.left + (flow.width - model.width * scale) / 2;
  const y0 = flow.y;

  const text = (line: TextLine, maxWidth: number, font: FontKey, size: number, color: string) => {
    const fitted = measure.ellipsize(line.text, font, size, Math.max(maxWidth, size));
    flow.drawAtBaseline(fitted.text, line.x, line.y, font, size, color);
  };
  const rect = (
    r: { x: number; y: number; w: number; h: number },
    radius: number,
    style: { fill: string; stroke: string; opacity: number; width: number; dash: [number, number] | null },
  ) => {
    doc.save();
    doc.lineWidth(style.width);
    if (style.dash) doc.dash(style.dash[0], { space: style.dash[1] });
    doc.roundedRect(r.x + 0.5, r.y + 0.5, r.w - 1, r.h - 1, radius);
    doc.fillOpacity(style.opacity).fillAndStroke(style.fill, style.stroke);
    doc.restore();
  };
  const chip = (c: { x: number; y: number; w: number; h: number; symbol: string }, stroke: string, color: string) => {
    rect(c, 3, { fill: "#ffffff", stroke, opacity: 1, width: 1.25, dash: null });
    const width = measure.width(c.symbol, "bold", dm.smallFontSize);
    flow.drawAtBaseline(c.symbol, c.x + (c.w - width) / 2, c.y + c.h / 2 + 4, "bold", dm.smallFontSize, color);
  };

  const figure = structElement(doc, "Figure", {
    alt: model.desc,
    bbox: [x0, y0, x0 + model.width * scale, y0 + height],
  });
  parent.add(figure);
  markedContent(doc, figure, "Figure", () => {
    doc.save();
    doc.translate(x0, y0).scale(scale);
    for (const band of model.bands) {
      const c = boxColors(band.assignment, band.unassigned);
      const dash = band.unassigned || band.thirdParty ? dashOf(band.assignment) : null;
      rect(band, 8, { fill: c.fill, stroke: c.stroke, opacity: band.assignment ? 0.55 : 1, width: 1.5, dash });
      if (band.bestEffort) hatch(doc, band.x + 0.5, band.y + 0.5, band.w - 1, band.h - 1, 8);
      const labelRight = band.boxes.length ? band.content.x - 8 : band.x + band.w - dm.bandPad;
      for (const line of band.lines) text(line, labelRight - line.x, "bold", dm.bandFontSize, c.text);
      if (band.chip) chip(band.chip, c.stroke, c.text);
      for (const line of band.assignmentLines) text(line, labelRight - line.x, "regular", dm.smallFontSize, c.text);
      for (const box of band.boxes) drawBox(box);
    }
    doc.restore();
  });
  figure.end();
  flow.y += height + 8;

  function drawBox(box: DiagramBox) {
    const c = boxColors(box.assignment, box.unassigned);
    const dash = box.unassigned || box.thirdParty ? dashOf(box.assignment) : null;
    const front = box.cards[box.cards.length - 1];
    for (const card of box.cards) {
      const width = card === front && box.overridden ? 2.5 : card === front ? 1.25 : 1;
      rect(card, 5, { fill: c.fill, stroke: c.stroke, opacity: 1, width, dash });
    }
    if (!front) return;
    if (box.bestEffort) hatch(doc, front.x + 0.5, front.y + 0.5, front.w - 1, front.h - 1, 5);
    chip(box.chip, c.stroke, c.text);
    const right = front.x + front.w - dm.boxPad;
    const reserve = (box.instanceLabel ? 26 : 0) + (box.overrideMark ? 12 : 0);
    box.lines.forEach((line, i) => text(line, right - line.x - (i === 0 ? reserve : 0), "bold", dm.fontSize, c.text));
    for (const line of box.partyLines) text(line, right - line.x, "regular", dm.smallFontSize, "#334155");
    if (box.instanceLabel) {
      const label = box.instanceLabel;
      const width = measure.width(label.text, "bold", dm.smallFontSize);
      const x = right - (box.overrideMark ? 12 : 0) - width;
      flow.drawAtBaseline(label.text, x, label.y, "bold", dm.smallFontSize, c.text);
    }
    if (box.overrideMark) {
      const mark = box.overrideMark;
      flow.drawAtBaseline(mark.text, mark.x, mark.y, "bold", dm.bandFontSize, c.text);
    }
  }

  const legend: LegendItem[] = model.legend.map((entry) => ({
    assignment: entry.assignment,
    text: entry.assignment
      ? legendText(entry.assignment, entry.partyGroups.join(", ") || undefined)
      : `${entry.label} — ${entry.description}`,
  }));
  drawLegend(flow, parent, "Legend", legend);
  const notes = [
    model.hasStacks ? "×n — the component runs as several instances (drawn as stacked cards)." : null,
    model.hasOverrides ? "* — differs from the default under this deployment model (bold border)." : null,
    ...model.markerKey.map((m) => `${m.symbol} ${m.label} — ${m.description}.`),
  ].filter((note): note is string => note !== null);
  for (const note of notes) flow.paragraph(parent, note, styles.muted, { gapAfter: 2 });
}
