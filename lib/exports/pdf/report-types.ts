// A report: the PDF shape of the views that are not one provider's model (My obligations, the
// changes between two versions, the audit log). Each view builds one from its own DTO; the PDF
// renderer (report.ts) only lays it out, so every report gets the same cover, contents, bookmarks,
// tagged tables and stamped footers as the provider export.
import type { AssignmentValue } from "@/lib/domain/assignment";

export interface ReportLine {
  text: string;
  tone?: "strong" | "normal" | "muted" | "code";
}

export interface ReportItem {
  text: string;
  /** Said before the text in bold ("Should:"). */
  prefix?: string;
  /** Drawn struck through (a duty that is explicitly not done). */
  strike?: boolean;
}

export interface ReportCell {
  /** The assignment as chip + label (symbol and colour, never colour alone). */
  assignment?: AssignmentValue;
  lines?: ReportLine[];
  /** A bulleted list under the lines. */
  items?: ReportItem[];
}

export interface ReportTable {
  /** `share` is the column's part of the page width; the shares of a table add up to 1. */
  columns: { header: string; share: number }[];
  /** The first cell of each row heads the row (its area, its entry). */
  rows: ReportCell[][];
  /** Said instead of a table when there are no rows. */
  empty: string;
}

export interface ReportPart {
  title: string;
  description?: string;
  table: ReportTable;
}

export interface ReportSection {
  title: string;
  intro?: string[];
  parts: ReportPart[];
}

export interface ReportDocument {
  /** What kind of file this is, above the title ("Obligations"). */
  kind: string;
  title: string;
  summary: string;
  /** Label/value pairs on the cover: what the file holds and what shaped it. */
  facts: [label: string, value: string][];
  /** Creation date (ISO): taken from the data (a version, the newest entry), never the clock. */
  date: string;
  subject: string;
  keywords: string[];
  /** Left half of every page's footer: what a loose page belongs to. */
  footer: string;
  sections: ReportSection[];
  /** Said on the cover when there are no sections. */
  empty?: string;
  /** Draw the assignment legend after the last section. */
  assignmentLegend?: boolean;
}
