// The audit log as a report (the PDF's shape): the filtered entries newest first, a section per
// month, each entry's before and after values spelled out. The file's date is its newest entry's,
// so the same entries and filters give the same bytes.
import { summaryText } from "@/lib/audit/describe-audit-entry";
import type { AuditEntryItem } from "@/lib/audit/list-audit-entries";
import type { ReportCell, ReportDocument } from "./pdf/report-types";

const emptyLogDate = "2000-01-01T00:00:00.000Z";

const monthName = (iso: string) =>
  new Date(iso).toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

const json = (value: unknown) => JSON.stringify(value);

function entryCells(entry: AuditEntryItem): ReportCell[] {
  const target = [entry.targetType, entry.targetId].filter(Boolean).join(" ");
  const values = [
    ...(entry.before !== null ? [{ text: `Before: ${json(entry.before)}`, tone: "code" as const }] : []),
    ...(entry.after !== null ? [{ text: `After: ${json(entry.after)}`, tone: "code" as const }] : []),
  ];
  return [
    {
      lines: [
        { text: entry.at.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC"), tone: "strong" },
        { text: `#${entry.id}`, tone: "muted" },
      ],
    },
    { lines: [{ text: entry.actorLabel }] },
    { lines: [{ text: summaryText(entry.summary) }, { text: entry.action, tone: "muted" }] },
    {
      lines: [{ text: target }, ...(entry.provider ? [{ text: entry.provider.name, tone: "muted" as const }] : [])],
    },
    { lines: values },
  ];
}

export function auditReport(options: {
  entries: readonly AuditEntryItem[];
  /** The filters applied, as label/value pairs ("Provider", "danubedata"). */
  filters: [string, string][];
}): ReportDocument {
  const { entries, filters } = options;
  const newest = entries[0]?.at;
  const oldest = entries.at(-1)?.at;
  const months = [...new Set(entries.map((e) => monthName(e.at)))];
  const count = `${entries.length} ${entries.length === 1 ? "entry" : "entries"}`;
  return {
    kind: "Audit log",
    title: filters.length ? "Audit log (filtered)" : "Audit log",
    summary:
      "Every recorded change, publication, sign-in and export matching the filters below, newest first, " +
      "with the values before and after. The audit log is append-only.",
    facts: [
      ["Entries", count],
      ...(newest && oldest ? ([["Period", `${oldest} to ${newest}`]] as [string, string][]) : []),
      ...(filters.length ? filters : ([["Filters", "None: the whole log"]] as [string, string][])),
    ],
    date: newest ?? emptyLogDate,
    subject: "Demarc audit log",
    keywords: ["audit log", "Demarc", ...filters.map(([, value]) => value)],
    footer: `Demarc audit log · ${count}${newest ? ` · newest ${newest.slice(0, 10)}` : ""}`,
    empty: "No entries match the filters.",
    sections: months.map((month) => ({
      title: month,
      parts: [
        {
          title: month,
          table: {
            columns: [
              { header: "When", share: 0.15 },
              { header: "Who", share: 0.19 },
              { header: "What happened", share: 0.25 },
              { header: "Target", share: 0.13 },
              { header: "Before and after", share: 0.28 },
            ],
            rows: entries.filter((e) => monthName(e.at) === month).map(entryCells),
            empty: "",
          },
        },
      ],
    })),
  };
}
