// Measuring and line-wrapping text with the embedded fonts' real metrics. Tables need every cell's
// height before anything is drawn (to keep rows whole and repeat headers), so text is wrapped once
// here and the lines are drawn as they are; pdfkit's own wrapper would measure everything again.
// Word widths are cached per font (at size 1, widths scale linearly), wraps per font/size/width.
import { setFont, type Doc } from "./pdfkit-adapter";
import type { FontKey } from "./fonts";

export interface WrapOptions {
  font: FontKey;
  size: number;
  width: number;
  /** Width taken from the first line (a "Should:" prefix drawn before it). */
  firstIndent?: number;
}

export interface WrappedLine {
  /**
   * The line's text; a line that ends where a space was ends with that space (drawn, invisible), so
   * text read through the structure tree (screen readers, copy and paste) keeps its word breaks.
   */
  text: string;
  /** Width of the visible text. */
  width: number;
}

/**
 * Widths at size 1 depend only on the font file, so they are shared by every document (bounded:
 * emptied when a font's map grows past `maxWidths`). Wraps are per document.
 */
const unitWidths: Record<FontKey, Map<string, number>> = { regular: new Map(), bold: new Map(), oblique: new Map() };
const maxWidths = 100_000;

export class TextMeasure {
  private readonly wraps = new Map<string, WrappedLine[]>();

  constructor(private readonly doc: Doc) {}

  /** Width of `text` in points; cached per font for every distinct string. */
  width(text: string, font: FontKey, size: number): number {
    const cache = unitWidths[font];
    let unit = cache.get(text);
    if (unit === undefined) {
      if (cache.size >= maxWidths) cache.clear();
      setFont(this.doc, font, 1000);
      unit = this.doc.widthOfString(text) / 1000;
      cache.set(text, unit);
    }
    return unit * size;
  }

  /** Lines of `text` that fit `width`; newlines start new lines, runs of spaces collapse. */
  wrap(text: string, options: WrapOptions): WrappedLine[] {
    const { font, size, width, firstIndent = 0 } = options;
    const key = `${font}\u0000${size}\u0000${width}\u0000${firstIndent}\u0000${text}`;
    let lines = this.wraps.get(key);
    if (!lines) {
      lines = this.wrapUncached(text, font, size, width, firstIndent);
      this.wraps.set(key, lines);
    }
    return lines;
  }

  private wrapUncached(text: string, font: FontKey, size: number, width: number, firstIndent: number) {
    const lines: WrappedLine[] = [];
    const space = this.width(" ", font, size);
    for (const paragraph of text.split(/\r?\n/)) {
      const words = paragraph.split(/\s+/).filter(Boolean);
      let line = "";
      let lineWidth = 0;
      for (const word of words) {
        const available = lines.length === 0 ? width - firstIndent : width;
        const wordWidth = this.width(word, font, size);
        if (line && lineWidth + space + wordWidth <= available) {
          line += ` ${word}`;
          lineWidth += space + wordWidth;
          continue;
        }
        if (line) {
          lines.push({ text: `${line} `, width: lineWidth });
          line = "";
        }
        if (wordWidth <= (lines.length === 0 ? width - firstIndent : width)) {
          line = word;
          lineWidth = wordWidth;
        } else if (lines.length === 0 && firstIndent > 0 && wordWidth <= width) {
          // Too wide beside a prefix ("Should:") but not for a full line: the prefix stands alone.
          lines.push({ text: "", width: 0 });
          line = word;
          lineWidth = wordWidth;
        } else {
          // A word wider than the line (a hash, a long URL) is broken after hyphens and slashes,
          // or between characters.
          const last = this.breakWord(word, font, size, width, firstIndent, lines);
          line = last.text;
          lineWidth = last.width;
        }
      }
      if (line || words.length === 0) lines.push({ text: `${line} `, width: lineWidth });
    }
    // Only the very last line has no space to keep.
    const last = lines[lines.length - 1];
    if (last) last.text = last.text.trimEnd();
    return lines;
  }

  /** Pushes the full-width pieces of a long word onto `lines` and returns the last piece. */
  private breakWord(
    word: string,
    font: FontKey,
    size: number,
    width: number,
    firstIndent: number,
    lines: WrappedLine[],
  ): WrappedLine {
    let piece = "";
    let pieceWidth = 0;
    for (const part of word.split(/(?<=[-/])/)) {
      const partWidth = this.width(part, font, size);
      const available = lines.length === 0 ? width - firstIndent : width;
      if (pieceWidth + partWidth <= available) {
        piece += part;
        pieceWidth += partWidth;
        continue;
      }
      if (piece) lines.push({ text: piece, width: pieceWidth });
      piece = "";
      pieceWidth = 0;
      if (partWidth <= (lines.length === 0 ? width - firstIndent : width)) {
        piece = part;
        pieceWidth = partWidth;
        continue;
      }
      for (const char of part) {
        const charWidth = this.width(char, font, size);
        if (piece && pieceWidth + charWidth > (lines.length === 0 ? width - firstIndent : width)) {
          lines.push({ text: piece, width: pieceWidth });
          piece = "";
          pieceWidth = 0;
        }
        piece += char;
        pieceWidth += charWidth;
      }
    }
    return { text: piece, width: pieceWidth };
  }

  /** `text` cut to fit `width` with an ellipsis (for one-line labels such as TOC entries). */
  ellipsize(text: string, font: FontKey, size: number, width: number): WrappedLine {
    const full = this.width(text, font, size);
    if (full <= width) return { text, width: full };
    const chars = [...text];
    let low = 0;
    let high = chars.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (this.width(`${chars.slice(0, mid).join("").trimEnd()}…`, font, size) <= width) low = mid;
      else high = mid - 1;
    }
    const cut = `${chars.slice(0, low).join("").trimEnd()}…`;
    return { text: cut, width: this.width(cut, font, size) };
  }
}
