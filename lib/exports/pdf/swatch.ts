// Assignment swatches and legends, shared by the stack diagram and the matrix. A swatch repeats the
// diagram's styling (fill, hatching for best effort, dashes for third party and unassigned) and
// always sits next to the assignment's symbol and label, so colour is never the only cue.
import { assignmentMeta, type AssignmentValue } from "@/lib/domain/assignment";
import type { PdfFlow, TextStyle } from "./flow";
import { artifact, markedContent, structElement, type Doc, type StructElement } from "./pdfkit-adapter";
import { assignmentColors, colors, unassignedColors } from "./theme";

export function colorsOf(assignment: AssignmentValue | null) {
  return assignment ? assignmentColors[assignment] : unassignedColors;
}

/** Dash pattern (on, off) for a style, or null for a solid line. */
export function dashOf(assignment: AssignmentValue | null): [number, number] | null {
  if (assignment === null) return [4, 3];
  if (assignment === "third-party") return [7, 4];
  return null;
}

/** Diagonal hatching over a rounded rectangle (the web page's best-effort pattern). */
export function hatch(doc: Doc, x: number, y: number, w: number, h: number, radius: number, lineWidth = 2.5) {
  doc.save();
  doc.roundedRect(x, y, w, h, radius).clip();
  doc.lineWidth(lineWidth).strokeColor(assignmentColors["best-effort"].stroke).strokeOpacity(0.32);
  for (let t = -h; t < w; t += 8) doc.moveTo(x + t, y + h).lineTo(x + t + h, y);
  doc.stroke();
  doc.restore();
}

/** A small filled square with the assignment's style; the caller draws the label next to it. */
export function drawSwatch(doc: Doc, x: number, y: number, w: number, h: number, assignment: AssignmentValue | null) {
  const c = colorsOf(assignment);
  const dash = dashOf(assignment);
  doc.save();
  doc.lineWidth(1);
  if (dash) doc.dash(dash[0] / 2, { space: dash[1] / 2 });
  doc.roundedRect(x, y, w, h, 2).fillAndStroke(c.fill, c.stroke);
  doc.restore();
  if (assignment === "best-effort") hatch(doc, x, y, w, h, 2, 1.5);
}

/** A swatch holding the assignment's symbol (the matrix's badge and the diagram's chip). */
export function drawChip(flow: PdfFlow, x: number, y: number, size: number, assignment: AssignmentValue | null) {
  const symbol = assignment ? assignmentMeta[assignment].symbol : "?";
  drawSwatch(flow.doc, x, y, size, size, assignment);
  const fontSize = size * 0.62;
  const width = flow.measure.width(symbol, "bold", fontSize);
  flow.drawAtBaseline(symbol, x + (size - width) / 2, y + size * 0.72, "bold", fontSize, colorsOf(assignment).text);
}

export interface LegendItem {
  assignment: AssignmentValue | null;
  text: string;
}

/** A legend as a tagged list: swatch (artifact), then the words. */
export function drawLegend(flow: PdfFlow, parent: StructElement, heading: string, items: readonly LegendItem[]) {
  if (!items.length) return;
  const style: TextStyle = { font: "regular", size: 7.6, line: 10, color: colors.text };
  const indent = 22;
  flow.ensure(14 + Math.min(items.length, 3) * style.line);
  flow.paragraph(parent, heading, { ...style, font: "bold" }, { gapAfter: 2 });
  const list = structElement(flow.doc, "L");
  parent.add(list);
  for (const entry of items) {
    const lines = flow.measure.wrap(entry.text, { font: style.font, size: style.size, width: flow.width - indent });
    flow.ensure(lines.length * style.line + 2);
    const y = flow.y;
    artifact(flow.doc, "Layout", () => drawChip(flow, flow.left, y, 9.5, entry.assignment));
    const item = structElement(flow.doc, "LI");
    list.add(item);
    const body = structElement(flow.doc, "LBody");
    item.add(body);
    markedContent(flow.doc, body, "LBody", () => flow.drawLines(lines, flow.left + indent, y, style));
    body.end();
    item.end();
    flow.y += lines.length * style.line + 2;
  }
  list.end();
  flow.y += 4;
}

/** "Provider · STACKIT — The provider is responsible." (the chip before it shows the symbol). */
export function legendText(assignment: AssignmentValue, detail?: string): string {
  const meta = assignmentMeta[assignment];
  return `${meta.label}${detail ? ` · ${detail}` : ""} — ${meta.description}`;
}
