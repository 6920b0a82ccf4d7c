// The typed adapter over pdfkit: the layout code talks to pdfkit through these functions only.
// @types/pdfkit lacks the tagged-PDF details this export needs (table attributes on structure
// elements, annotations that join the structure tree, outline items with a position), so they are
// wrapped here with narrow types instead of casts spread over the layout code. pdfkit's internal
// fast paths (shared fonts, text drawing, output) are in pdfkit-fast.ts, re-exported from here.
import PDFDocument from "pdfkit";
import type { FontKey } from "./fonts";
import { shareFonts } from "./pdfkit-fast";
import { bodyTop, page } from "./theme";

export { ascent, documentBytes, drawLine, sealPage } from "./pdfkit-fast";

export type Doc = PDFKit.PDFDocument;
export type StructElement = PDFKit.PDFStructureElement;
export type Outline = PDFKit.PDFOutline;

export interface DocumentMetadata {
  title: string;
  subject: string;
  keywords: string;
  /** Creation and modification date: the version's publication, never the time of rendering. */
  date: Date;
}

interface StructInternals {
  dictionary: { data: Record<string, unknown> };
}

interface OutlineInternals {
  addItem(title: string, options: { pageNumber?: number; top?: number; left?: number; expanded?: boolean }): Outline;
}

const xmlEscape = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * pdfkit copies Title, Author, Subject and Keywords into the XMP metadata without escaping them
 * ("AT&T" would make it invalid XML). The info dictionary is written first, so the values are
 * escaped only while the XMP packet is built.
 */
function escapeXmp(doc: Doc): void {
  const inner = doc as unknown as { endMetadata(): void; info: Record<string, unknown> };
  const endMetadata = inner.endMetadata.bind(doc);
  inner.endMetadata = () => {
    const saved = { ...inner.info };
    for (const key of ["Title", "Author", "Subject", "Keywords", "Creator", "Producer"]) {
      const value = inner.info[key];
      if (typeof value === "string") inner.info[key] = xmlEscape(value);
    }
    endMetadata();
    inner.info = saved;
  };
}

/**
 * A tagged PDF 1.7 document with buffered pages (footers are written last) and a fixed date. pdfkit
 * derives the file /ID from the info dictionary given here (including CreationDate) and otherwise
 * uses the clock, so passing every info entry up front makes the output byte-for-byte repeatable.
 */
export function createDocument(meta: DocumentMetadata): Doc {
  const doc = new PDFDocument({
    size: [page.width, page.height],
    margins: { top: bodyTop, bottom: page.marginBottom, left: page.marginLeft, right: page.marginRight },
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: "1.7",
    tagged: true,
    lang: "en",
    displayTitle: true,
    compress: true,
    info: {
      Title: meta.title,
      Author: "Demarc",
      Subject: meta.subject,
      Keywords: meta.keywords,
      Creator: "Demarc",
      Producer: "Demarc (pdfkit)",
      CreationDate: meta.date,
      ModDate: meta.date,
    },
  });
  shareFonts(doc);
  escapeXmp(doc);
  return doc;
}

/** Selects one of the fonts registered by createDocument. */
export function setFont(doc: Doc, font: FontKey, size: number): void {
  doc.font(font).fontSize(size);
}

export interface StructOptions {
  alt?: string;
  actual?: string;
  expanded?: string;
  title?: string;
  /** TH scope. */
  scope?: "Column" | "Row";
  /** Table cell spanning several columns. */
  colSpan?: number;
  /** Left, top, right, bottom (top-down page coordinates): where a Figure sits (PDF/UA wants it). */
  bbox?: [number, number, number, number];
}

/** A structure element, with the Table attributes (Scope, ColSpan) pdfkit has no option for. */
export function structElement(doc: Doc, type: string, options: StructOptions = {}): StructElement {
  const { scope, colSpan, ...plain } = options;
  const element = doc.struct(type, plain);
  if (scope || colSpan) {
    const data = (element as unknown as StructInternals).dictionary.data;
    data.A = { O: "Table", ...(scope ? { Scope: scope } : {}), ...(colSpan ? { ColSpan: colSpan } : {}) };
  }
  return element;
}

/** Runs `draw` as marked content of `element` (creates the content item and adds it). */
export function markedContent(doc: Doc, element: StructElement, tag: string, draw: () => void): void {
  const content = doc.markStructureContent(tag);
  draw();
  doc.endMarkedContent();
  element.add(content);
}

/** Runs `draw` as an artifact: drawn, but not part of the text a screen reader reads. */
export function artifact(doc: Doc, type: "Pagination" | "Layout", draw: () => void): void {
  doc.markContent("Artifact", { type });
  draw();
  doc.endMarkedContent();
}

/**
 * A PDF text string for an annotation entry: pdfkit writes String objects as strings and primitive
 * strings as names (/Foo), so descriptions must be boxed.
 */
function pdfString(value: string): object {
  return Object(value) as object;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * A link to a named destination, joined to the structure tree under `link` (a Link element), with
 * `description` as the annotation's Contents (PDF/UA wants one on every link).
 */
export function goToLink(doc: Doc, box: Box, name: string, description: string, link: StructElement): void {
  const options = { structParent: link, Contents: pdfString(description) };
  doc.goTo(box.x, box.y, box.w, box.h, name, options as unknown as PDFKit.Mixins.AnnotationOption);
}

/** A URI link, joined to the structure tree under `link`. */
export function uriLink(doc: Doc, box: Box, url: string, link: StructElement): void {
  const options = { structParent: link, Contents: pdfString(url) };
  doc.link(box.x, box.y, box.w, box.h, url, options as unknown as PDFKit.Mixins.AnnotationOption);
}

/** A named destination at `top` on the current page (what table-of-contents links jump to). */
export function destination(doc: Doc, name: string, top: number): void {
  doc.addNamedDestination(name, "XYZ", null, top, null);
}

/**
 * An outline (bookmark) item pointing at `top` on the current page. pdfkit writes the left
 * coordinate as page width minus `left`, so `left` is the page width to land at the left edge.
 */
export function outlineItem(parent: Outline, title: string, top: number, expanded = false): Outline {
  return (parent as unknown as OutlineInternals).addItem(title, { top, left: page.width, expanded });
}

export function pageCount(doc: Doc): number {
  return doc.bufferedPageRange().count;
}
