// Page geometry, type sizes and colours of the PDF export, in PDF points (1/72 in). One place, so
// the cover, the tables and the footers agree, and so layout code never carries magic numbers.
import type { AssignmentValue } from "@/lib/domain/assignment";
import { assignmentHex } from "@/lib/domain/assignment-colours";

/** A4 portrait: the paper most readers print on; the matrix is laid out to fit its width. */
export const page = {
  width: 595.28,
  height: 841.89,
  marginLeft: 48,
  marginRight: 48,
  marginTop: 48,
  /** Room below the body for the footer. */
  marginBottom: 58,
  /** Baseline of the footer line. */
  footerBaseline: 841.89 - 30,
} as const;

export const contentWidth = page.width - page.marginLeft - page.marginRight;
export const bodyTop = page.marginTop;
export const bodyBottom = page.height - page.marginBottom;

/** Font sizes and the line heights that go with them. */
export const type = {
  title: { size: 24, line: 29 },
  h1: { size: 16, line: 21 },
  h2: { size: 12, line: 16 },
  h3: { size: 10.5, line: 14 },
  body: { size: 9.5, line: 13 },
  small: { size: 8, line: 10.5 },
  table: { size: 7.6, line: 9.6 },
  tableSmall: { size: 6.8, line: 8.6 },
  footer: { size: 7, line: 9 },
  toc: { size: 9.5, line: 16 },
} as const;

/** DejaVu Sans's ascent and descent per unit of font size (the same in its bold and oblique). */
export const fontAscent = 0.928;
export const fontDescent = 0.236;

export type TypeStyle = (typeof type)[keyof typeof type];

export const colors = {
  text: "#0f172a",
  muted: "#475569",
  faint: "#64748b",
  rule: "#cbd5e1",
  ruleStrong: "#94a3b8",
  headerFill: "#e2e8f0",
  groupFill: ["#f1f5f9", "#f8fafc"],
  link: "#1d4ed8",
  overridden: "#92400e",
} as const;

/** Fill, stroke and text colours per assignment: the same hex values the web page's SVG uses. */
export const assignmentColors: Record<AssignmentValue, { fill: string; stroke: string; text: string }> = assignmentHex;
export const unassignedColors = { fill: "#ffffff", stroke: "#6b7280", text: "#374151" } as const;
export const neutralColors = { fill: "#f8fafc", stroke: "#94a3b8", text: "#0f172a" } as const;
