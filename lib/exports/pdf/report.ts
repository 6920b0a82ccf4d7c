// renderReportPdf: a report (My obligations, the changes between versions, the audit log) as a
// tagged, paginated, deterministic PDF with the provider export's furniture: a cover stating what
// the file holds, contents with links, bookmarks (report → section → part), tables whose headers
// repeat, and "Page X of Y" footers naming what the page belongs to.
import { assignmentValues } from "@/lib/domain/assignment";
import { PdfFlow, styles } from "./flow";
import { drawFooters } from "./footer";
import {
  artifact,
  createDocument,
  documentBytes,
  outlineItem,
  structElement,
  type StructElement,
} from "./pdfkit-adapter";
import { drawReportTable } from "./report-table";
import type { ReportDocument } from "./report-types";
import { drawLegend, legendText } from "./swatch";
import { colors, page, type as typeScale } from "./theme";
import { fillToc, reserveToc, type TocEntry } from "./toc";

const sectionDest = (index: number) => `report-section-${index + 1}`;
const partDest = (section: number, part: number) => `${sectionDest(section)}-part-${part + 1}`;

function tocEntries(report: ReportDocument): TocEntry[] {
  return report.sections.flatMap((section, i) => [
    { title: section.title, level: 0 as const, dest: sectionDest(i) },
    ...(section.parts.length > 1 || section.parts[0]?.title !== section.title
      ? section.parts.map((part, j) => ({ title: part.title, level: 1 as const, dest: partDest(i, j) }))
      : []),
  ]);
}

function drawReportCover(flow: PdfFlow, root: StructElement, report: ReportDocument): void {
  const section = structElement(flow.doc, "Sect");
  root.add(section);
  flow.newPage();
  artifact(flow.doc, "Layout", () => {
    flow.fill(colors.ruleStrong);
    flow.doc.rect(0, 0, page.width, 10).fill();
  });
  flow.y += 40;
  flow.paragraph(section, report.kind, { ...styles.muted, size: 10, line: 14 });
  flow.paragraph(
    section,
    report.title,
    { font: "bold", ...typeScale.title, color: colors.text },
    {
      tag: "H1",
      gapAfter: 8,
    },
  );
  flow.paragraph(section, report.summary, styles.body, { gapAfter: 14 });
  for (const [label, value] of report.facts) flow.labelled(section, label, value);
  if (!report.sections.length && report.empty) {
    flow.y += 10;
    flow.paragraph(section, report.empty, styles.body);
  }
  section.end();
}

export async function renderReportPdf(report: ReportDocument): Promise<Buffer> {
  const date = new Date(report.date);
  if (Number.isNaN(date.getTime())) throw new Error(`Invalid report date "${report.date}"`);
  const doc = createDocument({
    title: report.title,
    subject: report.subject,
    keywords: report.keywords.join(", "),
    date,
  });
  const bytes = documentBytes(doc);
  const flow = new PdfFlow(doc);
  const root = structElement(doc, "Document");
  doc.addStructure(root);

  drawReportCover(flow, root, report);
  const outline = outlineItem(doc.outline, report.title, 0, true);
  const entries = tocEntries(report);
  // One entry is no table of contents: the bookmarks already lead there.
  const toc = entries.length > 1 ? reserveToc(flow, root, outline, entries) : null;
  report.sections.forEach((entry, i) => {
    const section = structElement(doc, "Sect");
    root.add(section);
    flow.newPage();
    const item = flow.heading(section, "H1", entry.title, { dest: sectionDest(i), outline }) ?? outline;
    for (const text of entry.intro ?? []) flow.paragraph(section, text, styles.body, { gapAfter: 6 });
    const titled = entries.some((e) => e.dest === partDest(i, 0));
    entry.parts.forEach((part, j) => {
      drawReportTable(flow, section, part.table, (keepWithNext) => {
        if (titled)
          flow.heading(section, "H2", part.title, {
            dest: partDest(i, j),
            outline: item,
            keepWithNext: keepWithNext + 14,
          });
        if (part.description) flow.paragraph(section, part.description, styles.muted, { gapAfter: 4 });
      });
    });
    section.end();
  });
  if (report.assignmentLegend) {
    const present = assignmentValues.filter((value) =>
      report.sections.some((s) => s.parts.some((p) => p.table.rows.some((r) => r.some((c) => c.assignment === value)))),
    );
    drawLegend(
      flow,
      root,
      "Assignments",
      present.map((assignment) => ({ assignment, text: legendText(assignment) })),
    );
  }
  if (toc) fillToc(flow, toc);
  drawFooters(flow, report.footer);
  root.end();
  doc.end();
  return bytes;
}
