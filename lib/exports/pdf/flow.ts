// The page flow shared by every part of the PDF: a cursor that moves down the page and starts a new
// page when something does not fit, plus the tagged building blocks (headings, paragraphs, lists,
// links) so each part writes structure and content together and the tagging cannot drift apart.
import type { FontKey } from "./fonts";
import {
  ascent,
  destination,
  drawLine,
  markedContent,
  outlineItem,
  sealPage,
  structElement,
  uriLink,
  setFont,
  type Doc,
  type Outline,
  type StructElement,
  type StructOptions,
} from "./pdfkit-adapter";
import type { ListItem } from "./markdown-blocks";
import { TextMeasure, type WrappedLine } from "./text-wrap";
import { bodyBottom, bodyTop, colors, contentWidth, fontAscent, fontDescent, page, type as typeScale } from "./theme";

export interface TextStyle {
  font: FontKey;
  size: number;
  /** Line height. */
  line: number;
  color: string;
}

export const styles = {
  body: { font: "regular", ...typeScale.body, color: colors.text },
  muted: { font: "regular", ...typeScale.small, color: colors.muted },
  h1: { font: "bold", ...typeScale.h1, color: colors.text },
  h2: { font: "bold", ...typeScale.h2, color: colors.text },
  h3: { font: "bold", ...typeScale.h3, color: colors.text },
} as const satisfies Record<string, TextStyle>;

export interface HeadingOptions {
  /** Named destination for table-of-contents links. */
  dest?: string;
  /** Outline (bookmark) parent; the heading becomes a child item. */
  outline?: Outline;
  /** Room to keep free below the heading, so it never ends a page alone. */
  keepWithNext?: number;
}

export class PdfFlow {
  readonly measure: TextMeasure;
  y = bodyTop;
  readonly left = page.marginLeft;
  readonly width = contentWidth;
  /** Page index of every named destination drawn so far (the table of contents reads it). */
  readonly destinations = new Map<string, number>();
  private pages = 0;
  /** The fill colour last set on the current page (pdfkit writes the operator on every call). */
  private fillState: string | null = null;

  constructor(readonly doc: Doc) {
    this.measure = new TextMeasure(doc);
  }

  /** Index (0-based) of the current page. */
  get pageIndex(): number {
    return this.pages - 1;
  }

  get remaining(): number {
    return bodyBottom - this.y;
  }

  newPage(): void {
    sealPage(this.doc);
    this.doc.addPage();
    this.pages += 1;
    this.y = bodyTop;
    this.fillState = null;
  }

  /** Goes back to an earlier page (contents, footers); its colour state is unknown. */
  switchToPage(index: number): void {
    this.doc.switchToPage(index);
    this.fillState = null;
  }

  /**
   * Sets the fill colour unless it is set already. Graphics drawn between save() and restore() may
   * set colours directly: restore() brings back the colour this remembers.
   */
  fill(color: string): void {
    if (color === this.fillState) return;
    this.doc.fillColor(color);
    this.fillState = color;
  }

  /** Starts a new page unless `height` fits below the cursor (or the page is still empty). */
  ensure(height: number): void {
    if (this.y + height > bodyBottom && this.y > bodyTop) this.newPage();
  }

  /** Draws wrapped lines with their tops from `y`; no tagging (the caller marks the content). */
  drawLines(lines: readonly WrappedLine[], x: number, y: number, style: TextStyle): void {
    setFont(this.doc, style.font, style.size);
    this.fill(style.color);
    // Half the leading above the glyphs, so a line box of `style.line` centres its text.
    const offset = (style.line - style.size * (fontAscent + fontDescent)) / 2;
    lines.forEach((line, i) => drawLine(this.doc, line.text, x, y + offset + i * style.line, line.width));
  }

  /** Draws one line of text with its baseline at `baseline`. */
  drawAtBaseline(text: string, x: number, baseline: number, font: FontKey, size: number, color: string): number {
    const width = this.measure.width(text, font, size);
    setFont(this.doc, font, size);
    this.fill(color);
    drawLine(this.doc, text, x, baseline - ascent(this.doc, size), width);
    return width;
  }

  /** A tagged block of wrapped text; continues on the next page (same element) when it runs over. */
  paragraph(
    parent: StructElement,
    text: string,
    style: TextStyle,
    options: { tag?: string; x?: number; width?: number; gapAfter?: number; struct?: StructOptions } = {},
  ): void {
    const { tag = "P", x = this.left, width = this.width, gapAfter = 4 } = options;
    const lines = this.measure.wrap(text, { font: style.font, size: style.size, width });
    const element = structElement(this.doc, tag, options.struct);
    parent.add(element);
    // Widow/orphan control for short paragraphs: start on a new page rather than leave one line.
    this.ensure(Math.min(lines.length, 2) * style.line);
    let next = 0;
    while (next < lines.length) {
      if (this.y + style.line > bodyBottom) this.newPage();
      const fit = Math.max(1, Math.floor((bodyBottom - this.y) / style.line));
      const chunk = lines.slice(next, next + fit);
      markedContent(this.doc, element, tag, () => this.drawLines(chunk, x, this.y, style));
      this.y += chunk.length * style.line;
      next += chunk.length;
    }
    element.end();
    this.y += gapAfter;
  }

  heading(parent: StructElement, tag: "H1" | "H2" | "H3", text: string, options: HeadingOptions = {}): Outline | null {
    const style = tag === "H1" ? styles.h1 : tag === "H2" ? styles.h2 : styles.h3;
    const lines = this.measure.wrap(text, { font: style.font, size: style.size, width: this.width });
    const before = tag === "H1" ? 0 : 6;
    this.ensure(before + lines.length * style.line + (options.keepWithNext ?? 40));
    if (this.y > bodyTop) this.y += before;
    if (options.dest) {
      destination(this.doc, options.dest, this.y);
      this.destinations.set(options.dest, this.pageIndex);
    }
    const item = options.outline ? outlineItem(options.outline, text, this.y) : null;
    const element = structElement(this.doc, tag);
    parent.add(element);
    markedContent(this.doc, element, tag, () => this.drawLines(lines, this.left, this.y, style));
    element.end();
    this.y += lines.length * style.line + (tag === "H1" ? 6 : 3);
    return item;
  }

  /** A bulleted (or numbered) list: L > LI > Lbl + LBody; nested items are indented. */
  list(
    parent: StructElement,
    items: readonly (string | ListItem)[],
    style: TextStyle,
    options: { ordered?: boolean; start?: number } = {},
  ) {
    const list = structElement(this.doc, "L");
    parent.add(list);
    let number = options.start ?? 1;
    for (const entry of items) {
      const { text, depth } = typeof entry === "string" ? { text: entry, depth: 0 } : entry;
      const x = this.left + depth * 12;
      const indent = 12;
      const lines = this.measure.wrap(text, { font: style.font, size: style.size, width: this.width - indent - x });
      this.ensure(Math.min(lines.length, 3) * style.line);
      const item = structElement(this.doc, "LI");
      list.add(item);
      const label = structElement(this.doc, "Lbl");
      item.add(label);
      const marker = depth > 0 ? "–" : options.ordered ? `${number++}.` : "•";
      const markerLine = { text: marker, width: this.measure.width(marker, style.font, style.size) };
      markedContent(this.doc, label, "Lbl", () => this.drawLines([markerLine], x, this.y, style));
      label.end();
      const body = structElement(this.doc, "LBody");
      item.add(body);
      let next = 0;
      while (next < lines.length) {
        if (this.y + style.line > bodyBottom) this.newPage();
        const fit = Math.max(1, Math.floor((bodyBottom - this.y) / style.line));
        const chunk = lines.slice(next, next + fit);
        markedContent(this.doc, body, "LBody", () => this.drawLines(chunk, x + indent, this.y, style));
        this.y += chunk.length * style.line;
        next += chunk.length;
      }
      body.end();
      item.end();
      this.y += 2;
    }
    list.end();
    this.y += 3;
  }

  /**
   * The body size, or a smaller one (down to 7 pt) that keeps a value of one word (a content hash,
   * a short address) on one line: readers copy such values whole, to /verify or a browser.
   */
  private oneWordSize(value: string, width: number): number {
    const size = styles.body.size;
    if (/\s/.test(value.trim())) return size;
    const natural = this.measure.width(value.trim(), "regular", size);
    if (natural <= width) return size;
    return Math.max(7, Math.floor(((size * width) / natural) * 4) / 4);
  }

  /** "Label: value" on one line or wrapped, tagged as one P; the label in bold. */
  labelled(parent: StructElement, label: string, value: string, options: { url?: string; labelWidth?: number } = {}) {
    const labelWidth = options.labelWidth ?? 118;
    const valueWidth = this.width - labelWidth;
    const style = { ...styles.body, size: this.oneWordSize(value, valueWidth) };
    const lines = this.measure.wrap(value, { font: "regular", size: style.size, width: valueWidth });
    const wrappedLabel = this.measure.wrap(`${label}:`, { font: "bold", size: style.size, width: labelWidth - 6 });
    // "Label: value" read as one paragraph: the label ends with a space.
    const labelLines = wrappedLabel.map((l, i) => (i === wrappedLabel.length - 1 ? { ...l, text: `${l.text} ` } : l));
    const height = Math.max(lines.length, labelLines.length) * style.line;
    this.ensure(height);
    const element = structElement(this.doc, "P");
    parent.add(element);
    const y = this.y;
    markedContent(this.doc, element, "P", () => {
      this.drawLines(labelLines, this.left, y, { ...style, font: "bold", color: colors.muted });
      if (!options.url) this.drawLines(lines, this.left + labelWidth, y, style);
    });
    if (options.url) {
      // A Link element holds the URL's text and its annotation(s), one per wrapped line.
      const link = structElement(this.doc, "Link");
      element.add(link);
      markedContent(this.doc, link, "Link", () =>
        this.drawLines(lines, this.left + labelWidth, y, { ...style, color: colors.link }),
      );
      lines.forEach((line, i) =>
        uriLink(
          this.doc,
          { x: this.left + labelWidth, y: y + i * style.line, w: line.width, h: style.line },
          options.url ?? "",
          link,
        ),
      );
      link.end();
    }
    element.end();
    this.y += height + 2;
  }
}
