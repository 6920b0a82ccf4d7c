// Audit entries as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when needed).
// Pure. Cells are neutralised against spreadsheet formula injection: values are recorded from
// user input (emails typed at sign-in, names), and a spreadsheet would run "=HYPERLINK(…)".
import { summaryText, type SummaryPart } from "./describe-audit-entry";

/** One entry; AuditEntryItem (lib/audit/list-audit-entries.ts) fits. */
export interface AuditCsvRow {
  id: string;
  /** ISO 8601 or a Date. */
  at: string | Date;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  provider: { slug: string } | null;
  /** Used when the provider is gone: the id is all that is left. */
  providerId: string | null;
  before: unknown;
  after: unknown;
  /** The entry in words; the last column, so scripts reading the columns before it by position keep working. */
  summary?: readonly SummaryPart[];
}

export const auditCsvColumns = [
  "id",
  "at",
  "actor",
  "action",
  "target type",
  "target id",
  "provider",
  "before",
  "after",
  "description",
] as const;

/** Characters that make a spreadsheet treat a cell as a formula (or strip into one). */
const formulaStart = /^[=+\-@\t\r]/;

/** One field: apostrophe before a formula-like start, quoted if it holds a comma, quote or line break. */
export function csvCell(value: string | null | undefined): string {
  let text = value ?? "";
  if (formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const json = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value));

/** The CSV document: a header line, then one line per row, every line ending in CRLF. */
export function auditCsv(rows: Iterable<AuditCsvRow>): string {
  const lines = [auditCsvColumns.map(csvCell).join(",")];
  for (const row of rows) {
    lines.push(
      [
        row.id,
        typeof row.at === "string" ? row.at : row.at.toISOString(),
        row.actorLabel,
        row.action,
        row.targetType,
        row.targetId,
        row.provider?.slug ?? row.providerId,
        json(row.before),
        json(row.after),
        row.summary ? summaryText(row.summary) : "",
      ]
        .map(csvCell)
        .join(","),
    );
  }
  return lines.map((line) => `${line}\r\n`).join("");
}
