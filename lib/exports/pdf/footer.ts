// Footers, written onto every buffered page once the page count is known: which provider and
// version a loose page belongs to (with the short content hash) and "Page X of Y". They are
// pagination artifacts, so assistive technology does not read them between paragraphs.
import type { PdfFlow } from "./flow";
import { artifact, pageCount } from "./pdfkit-adapter";
import { colors, page, type as typeScale } from "./theme";

/** `stamp` names what the pages belong to: "DanubeData · version 3 · 1a2b3c4d5e6f". */
export function drawFooters(flow: PdfFlow, stamp: string): void {
  const { doc, measure } = flow;
  const total = pageCount(doc);
  const size = typeScale.footer.size;
  const right = flow.left + flow.width;
  const leftText = measure.ellipsize(stamp, "regular", size, flow.width - 90);
  for (let index = 0; index < total; index++) {
    flow.switchToPage(index);
    const label = `Page ${index + 1} of ${total}`;
    artifact(doc, "Pagination", () => {
      doc
        .moveTo(flow.left, page.footerBaseline - 11)
        .lineTo(right, page.footerBaseline - 11)
        .lineWidth(0.5)
        .strokeColor(colors.rule)
        .stroke();
      flow.drawAtBaseline(leftText.text, flow.left, page.footerBaseline, "regular", size, colors.muted);
      const width = measure.width(label, "regular", size);
      flow.drawAtBaseline(label, right - width, page.footerBaseline, "regular", size, colors.muted);
    });
  }
}
