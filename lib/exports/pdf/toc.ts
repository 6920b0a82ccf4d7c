// The table of contents. Its page numbers are only known once everything after it is laid out, so
// its pages are reserved first (entries have one fixed-height line each, so the count is known) and
// filled in at the end; each entry links to a named destination at its heading.
import type { ProviderExport } from "@/lib/exports/export-model";
import { styles, type PdfFlow } from "./flow";
import {
  artifact,
  drawLine,
  goToLink,
  markedContent,
  structElement,
  setFont,
  type Outline,
  type StructElement,
} from "./pdfkit-adapter";
import { bodyBottom, bodyTop, colors, fontAscent, fontDescent, type as typeScale } from "./theme";

export interface TocEntry {
  title: string;
  level: 0 | 1;
  /** Named destination of the heading. */
  dest: string;
}

export const destinations = {
  contents: "contents",
  service: (slug: string) => `service-${slug}`,
  diagram: (slug: string) => `service-${slug}-diagram`,
  matrix: (slug: string) => `service-${slug}-matrix`,
  crossCutting: "cross-cutting",
  notes: "notes",
  section: (slug: string) => `section-${slug}`,
  compliance: "compliance",
  contacts: "contacts",
} as const;

/** The entries, in document order; the renderer draws exactly these headings. */
export function tocEntries(data: ProviderExport): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const service of data.services) {
    entries.push({ title: service.name, level: 0, dest: destinations.service(service.slug) });
    if (service.layers.length)
      entries.push({ title: "Stack diagram", level: 1, dest: destinations.diagram(service.slug) });
    entries.push({ title: "Responsibility matrix", level: 1, dest: destinations.matrix(service.slug) });
  }
  if (data.crossCutting.totalAreas > 0)
    entries.push({ title: "Cross-cutting areas", level: 0, dest: destinations.crossCutting });
  if (data.provider.sections.length) {
    entries.push({ title: "Notes", level: 0, dest: destinations.notes });
    for (const section of data.provider.sections)
      entries.push({ title: section.title, level: 1, dest: destinations.section(section.slug) });
  }
  if (data.provider.compliance.length) entries.push({ title: "Compliance", level: 0, dest: destinations.compliance });
  if (data.provider.contacts.length) entries.push({ title: "Contacts", level: 0, dest: destinations.contacts });
  return entries;
}

const line = typeScale.toc.line;
const headingSpace = styles.h1.line + 14;

interface Reserved {
  section: StructElement;
  element: StructElement;
  /** Index of each reserved page and the entries it holds. */
  pages: { index: number; entries: TocEntry[]; top: number }[];
}

/** Adds the TOC's pages (heading drawn, entries later) and its place in the structure tree. */
export function reserveToc(flow: PdfFlow, root: StructElement, outline: Outline, entries: TocEntry[]): Reserved {
  const section = structElement(flow.doc, "Sect");
  root.add(section);
  flow.newPage();
  flow.heading(section, "H1", "Contents", { dest: destinations.contents, outline, keepWithNext: 0 });
  const element = structElement(flow.doc, "TOC");
  section.add(element);
  // Both stay open until fillToc adds the entries (ending a parent ends its children).
  const pages: Reserved["pages"] = [];
  let top = bodyTop + headingSpace;
  let rest = entries;
  while (rest.length) {
    if (pages.length) {
      flow.newPage();
      top = bodyTop;
    }
    const fit = Math.max(1, Math.floor((bodyBottom - top) / line));
    pages.push({ index: flow.pageIndex, entries: rest.slice(0, fit), top });
    rest = rest.slice(fit);
  }
  return { section, element, pages };
}

/** Draws the entries on the reserved pages, now that every destination's page is known. */
export function fillToc(flow: PdfFlow, reserved: Reserved): void {
  const { doc, measure } = flow;
  const size = typeScale.toc.size;
  for (const tocPage of reserved.pages) {
    flow.switchToPage(tocPage.index);
    tocPage.entries.forEach((entry, i) => {
      const y = tocPage.top + i * line;
      const pageIndex = flow.destinations.get(entry.dest);
      if (pageIndex === undefined) return;
      const number = String(pageIndex + 1);
      const font = entry.level === 0 ? "bold" : "regular";
      const x = flow.left + entry.level * 16;
      const numberWidth = measure.width(number, "regular", size);
      const right = flow.left + flow.width;
      const title = measure.ellipsize(entry.title, font, size, right - x - numberWidth - 24);
      const item = structElement(doc, "TOCI");
      reserved.element.add(item);
      const link = structElement(doc, "Link");
      item.add(link);
      const top = y + (line - size * (fontAscent + fontDescent)) / 2;
      markedContent(doc, link, "Link", () => {
        setFont(doc, font, size);
        flow.fill(colors.text);
        drawLine(doc, `${title.text} `, x, top, title.width);
        setFont(doc, "regular", size);
        drawLine(doc, number, right - numberWidth, top, numberWidth);
      });
      // Dot leaders guide the eye to the number; a screen reader skips them.
      artifact(doc, "Layout", () => {
        const from = x + title.width + 6;
        const to = right - numberWidth - 6;
        if (to > from)
          doc
            .moveTo(from, y + line * 0.68)
            .lineTo(to, y + line * 0.68)
            .dash(0.6, { space: 2.4 });
        if (to > from) doc.lineWidth(0.6).strokeColor(colors.ruleStrong).stroke().undash();
      });
      goToLink(doc, { x, y, w: right - x, h: line }, entry.dest, `Go to ${entry.title}, page ${number}`, link);
      link.end();
      item.end();
    });
  }
  reserved.element.end();
  reserved.section.end();
}
