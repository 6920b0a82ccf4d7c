// pdfkit's internal fast paths, in one place with narrow types: fonts parsed and shaped once per
// process, one-string-per-line text drawing, and an output path without a Node stream. A 250-page
// matrix makes hundreds of thousands of calls into pdfkit; these keep it within its time budget.
// Everything here relies on pdfkit 0.20 internals (see the interfaces); the PDF tests read the
// output back with poppler, so a change in pdfkit that breaks them shows there.
import { deflateSync } from "node:zlib";
import { fontFiles, type FontKey } from "./fonts";

type Doc = PDFKit.PDFDocument;

/** pdfkit's document fields and methods that its type declarations leave out. */
interface DocInternals {
  _font: EmbeddedFontInternals;
  _fontSize: number;
  _fragment(text: string, x: number, y: number, options: { textWidth: number; wordCount: number }): void;
  registerFont(name: string, src: string | object): void;
}

interface GlyphPosition {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}

/** pdfkit's per-document font: the parsed fontkit font, its cache of shaped words, its encoder. */
interface EmbeddedFontInternals {
  id: string;
  ascender: number;
  font?: object;
  layoutCache?: Record<string, unknown>;
  /** Glyph ids (4 hex digits each, subset-local) and positions; records the glyphs as used. */
  encode?(text: string): [string[], GlyphPosition[]];
  ref(): unknown;
}

const internals = (doc: Doc) => doc as unknown as DocInternals;

/**
 * Fonts parsed once per process and shared by every document. Parsing DejaVu's tables and shaping
 * each word (OpenType lookups) is most of the cost of a short document, and both depend only on the
 * font file: pdfkit accepts a parsed fontkit font, and its per-font cache of shaped words holds
 * read-only runs, so documents share one cache per font (emptied when it grows past a bound).
 */
const parsedFonts = new Map<FontKey, object>();
const shapedWords = new Map<FontKey, Record<string, unknown>>();
const maxShapedWords = 50_000;
const fontKeys = Object.keys(fontFiles) as FontKey[];

/**
 * Registers the three faces under their keys, parsed once, with the shared caches of shaped words.
 * (pdfkit's default font stays Helvetica, never drawn with, so never embedded: a face opened as the
 * default would be re-opened and compared on every later selection under its key.)
 */
export function shareFonts(doc: Doc): void {
  const inner = internals(doc);
  for (const key of fontKeys) inner.registerFont(key, parsedFonts.get(key) ?? fontFiles[key]);
  for (const key of fontKeys) {
    doc.font(key);
    const font = inner._font;
    if (font.font && !parsedFonts.has(key)) parsedFonts.set(key, font.font);
    let cache = shapedWords.get(key);
    if (!cache || Object.keys(cache).length > maxShapedWords) {
      cache = Object.create(null) as Record<string, unknown>;
      shapedWords.set(key, cache);
    }
    if (font.layoutCache) font.layoutCache = cache;
  }
}

/** Distance from a line's top to its baseline for the current font and size. */
export function ascent(doc: Doc, size: number): number {
  return (internals(doc)._font.ascender / 1000) * size;
}

const pdfNumber = (n: number) => String(Math.round(n * 1000) / 1000);

/** TJ operands of each space-ended piece of text, per document font (subset glyph ids differ per document). */
const encodedPieces = new WeakMap<EmbeddedFontInternals, Map<string, string | null>>();

/** A piece's TJ operands ("<hex> -12 <hex>": kerning as adjustments), or null if a glyph is offset. */
function encodePiece(font: EmbeddedFontInternals, piece: string): string | null {
  let cache = encodedPieces.get(font);
  if (!cache) {
    cache = new Map();
    encodedPieces.set(font, cache);
  }
  let operands = cache.get(piece);
  if (operands !== undefined) return operands;
  operands = null;
  const encoded = font.encode?.(piece);
  if (encoded) {
    const [glyphs, positions] = encoded;
    const parts: string[] = [];
    let from = 0;
    let offset = false;
    for (let i = 0; i < positions.length; i++) {
      const position = positions[i];
      if (!position) continue;
      if (position.xOffset || position.yOffset) offset = true;
      const adjust = position.xAdvance - position.advanceWidth;
      if (adjust !== 0) {
        parts.push(`<${glyphs.slice(from, i + 1).join("")}> ${pdfNumber(-adjust)}`);
        from = i + 1;
      }
    }
    if (from < glyphs.length) parts.push(`<${glyphs.slice(from).join("")}>`);
    operands = offset ? null : parts.join(" ");
  }
  cache.set(piece, operands);
  return operands;
}

/**
 * Draws one already-wrapped line with its top at y, in the current font and size. This is pdfkit's
 * per-line text routine without its per-line cost: pieces of text (pdfkit shapes text in
 * space-ended pieces too) are encoded once per document, and the line is written as one text object
 * whose matrix turns the page's top-down coordinates back up. Lines whose glyphs need offsets
 * (combining marks placed by the font) go through pdfkit's routine.
 */
export function drawLine(doc: Doc, text: string, x: number, y: number, width: number): void {
  const inner = internals(doc);
  const font = inner._font;
  const operands: string[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const end = i === text.length;
    if (!end && text[i] !== " " && text[i] !== "\t") continue;
    if (end && start === i) break;
    const piece = encodePiece(font, text.slice(start, end ? i : i + 1));
    if (piece === null) {
      inner._fragment(text, x, y, { textWidth: width, wordCount: 1 });
      return;
    }
    operands.push(piece);
    start = i + 1;
  }
  if (!operands.length) return;
  const page = doc.page as unknown as { fonts: Record<string, unknown>; write(chunk: string): void };
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
  const size = inner._fontSize;
  const baseline = y + (font.ascender / 1000) * size;
  page.write(
    `BT\n1 0 0 -1 ${pdfNumber(x)} ${pdfNumber(baseline)} Tm\n/${font.id} ${pdfNumber(size)} Tf\n[${operands.join(" ")}] TJ\nET`,
  );
}

/** pdfkit's output path: `_write` appends one chunk (strings as Latin-1, plus a newline). */
interface WriterInternals {
  _write(data: string | Uint8Array): void;
  _offset: number;
  push(chunk: Uint8Array | null): boolean;
  read(): Buffer | null;
}

/** A content stream (a pdfkit reference): chunks until it ends, then written to the output. */
interface StreamInternals {
  buffer: Uint8Array[];
  compress: boolean;
  data: Record<string, unknown>;
  end(): void;
}

/** A page's content stream: each operator is written as its own chunk. */
interface PageInternals {
  content: StreamInternals;
  dictionary: { data: Record<string, unknown> };
  write(chunk: string | Uint8Array): void;
  /** Set by documentBytes: see sealPage. */
  seal?: () => void;
}

/** Deflated content: pdfkit deflates at the default level; a fast one costs ~15 % in size and saves much time. */
function setDeflated(stream: StreamInternals, text: string[]): void {
  stream.buffer = [deflateSync(Buffer.from(text.join(""), "latin1"), { level: 3 })];
  stream.compress = false;
  stream.data.Filter = "FlateDecode";
}

/**
 * Writes out what the current page holds so far as a finished content stream of its own, keeping
 * the page open for what comes later (its footer, contents entries): the page's /Contents becomes
 * an array of streams, which PDF readers concatenate. Pages stay buffered until the page count is
 * known, and without this a 250-page document would keep every page's operators in memory.
 */
export function sealPage(doc: Doc): void {
  (doc.page as unknown as PageInternals | undefined)?.seal?.();
}

/**
 * The document's bytes, once it is ended. pdfkit pushes every line of PDF syntax (several per
 * object) through a Node stream, which copies each into a Buffer; and it turns every content-stream
 * operator into its own byte array, kept until the page is finished — hundreds of thousands of tiny
 * allocations for a long table. Here output chunks are collected directly, and each page's operators
 * are kept as strings and encoded once when the page ends. The bytes written are the same.
 */
export function documentBytes(doc: Doc): Promise<Buffer> {
  const inner = doc as unknown as WriterInternals;
  // The header pdfkit wrote in its constructor is still in the stream's buffer.
  const head = inner.read();
  const chunks: Uint8Array[] = head ? [head] : [];
  // Lines of PDF syntax are gathered as strings and encoded in one go before the next binary chunk.
  let lines: string[] = [];
  const flushLines = () => {
    if (lines.length) chunks.push(Buffer.from(`${lines.join("\n")}\n`, "latin1"));
    lines = [];
  };
  inner._write = (data) => {
    if (typeof data === "string") {
      lines.push(data);
      inner._offset += data.length + 1;
    } else {
      flushLines();
      chunks.push(data);
      inner._offset += data.length;
    }
  };
  doc.on("pageAdded", () => {
    const page = doc.page as unknown as PageInternals;
    const parts: string[] = [];
    page.write = (chunk) => {
      parts.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("latin1"));
    };
    const { content } = page;
    // What pdfkit wrote before this hook (the page's initial transform), then the operators.
    const take = () => {
      const text = [...content.buffer.map((b) => Buffer.from(b).toString("latin1")), ...parts.map((p) => `${p}\n`)];
      parts.length = 0;
      content.buffer = [];
      return text;
    };
    const sealed: StreamInternals[] = [];
    page.seal = () => {
      const text = take();
      if (!text.length) return;
      const stream = doc.ref({}) as unknown as StreamInternals;
      if (stream.compress) setDeflated(stream, text);
      else stream.buffer = [Buffer.from(text.join(""), "latin1")];
      stream.end();
      sealed.push(stream);
      page.dictionary.data.Contents = [...sealed, content];
    };
    const end = content.end.bind(content);
    content.end = () => {
      const text = take();
      if (content.compress && text.length) setDeflated(content, text);
      else content.buffer = text.length ? [Buffer.from(text.join(""), "latin1")] : [];
      end();
    };
  });
  return new Promise((resolve) => {
    // pdfkit ends its stream with push(null) once the trailer is written.
    inner.push = (chunk) => {
      if (chunk === null) {
        flushLines();
        resolve(Buffer.concat(chunks));
      }
      return true;
    };
  });
}
