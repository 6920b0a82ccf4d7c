// The provider-wide parts after the matrices: the narrative sections (Markdown printed as plain
// text blocks), the compliance bases and frameworks, and the contacts.
import type { ProviderExport } from "@/lib/exports/export-model";
import { styles, type PdfFlow } from "./flow";
import { markdownBlocks } from "./markdown-blocks";
import { structElement, type Outline, type StructElement } from "./pdfkit-adapter";
import { destinations } from "./toc";

const complianceKind = { basis: "Legal basis", framework: "Framework" } as const;

function part(flow: PdfFlow, root: StructElement, title: string, dest: string, outline: Outline) {
  const section = structElement(flow.doc, "Sect");
  root.add(section);
  flow.y += 10;
  const item = flow.heading(section, "H1", title, { dest, outline, keepWithNext: 60 });
  return { section, item: item ?? outline };
}

export function drawSections(flow: PdfFlow, root: StructElement, data: ProviderExport, outline: Outline): void {
  const { sections } = data.provider;
  if (!sections.length) return;
  const { section, item } = part(flow, root, "Notes", destinations.notes, outline);
  for (const entry of sections) {
    const sect = structElement(flow.doc, "Sect");
    section.add(sect);
    flow.heading(sect, "H2", entry.title, { dest: destinations.section(entry.slug), outline: item });
    for (const block of markdownBlocks(entry.body)) {
      if (block.kind === "heading") flow.heading(sect, "H3", block.text, { keepWithNext: 30 });
      else if (block.kind === "paragraph") flow.paragraph(sect, block.text, styles.body, { gapAfter: 6 });
      else flow.list(sect, block.items, styles.body, { ordered: block.ordered, start: block.start });
    }
    sect.end();
  }
  section.end();
}

export function drawCompliance(flow: PdfFlow, root: StructElement, data: ProviderExport, outline: Outline): void {
  const { compliance } = data.provider;
  if (!compliance.length) return;
  const { section } = part(flow, root, "Compliance", destinations.compliance, outline);
  for (const entry of compliance) {
    const name = entry.clause ? `${entry.name}, ${entry.clause}` : entry.name;
    flow.labelled(section, complianceKind[entry.kind], name);
    if (entry.notes)
      flow.paragraph(section, entry.notes, styles.muted, { x: flow.left + 118, width: flow.width - 118 });
  }
  section.end();
}

function contactUrl(kind: string, value: string): string | undefined {
  if (kind === "url") return value;
  if (kind === "email") return `mailto:${value}`;
  return undefined;
}

export function drawContacts(flow: PdfFlow, root: StructElement, data: ProviderExport, outline: Outline): void {
  const { contacts } = data.provider;
  if (!contacts.length) return;
  const { section } = part(flow, root, "Contacts", destinations.contacts, outline);
  for (const contact of contacts) {
    flow.labelled(section, contact.label, contact.value, { url: contactUrl(contact.kind, contact.value) });
    if (contact.purpose)
      flow.paragraph(section, contact.purpose, styles.muted, { x: flow.left + 118, width: flow.width - 118 });
  }
  section.end();
}
