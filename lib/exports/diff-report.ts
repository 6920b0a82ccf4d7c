// The changes between two versions as a report (the PDF's shape): the same rows as the CSV, a
// section per place that changed (the provider, each service, the cross-cutting areas), stamped with
// both versions' numbers, dates and content hashes.
import type { ProviderDiff } from "@/lib/domain/diff-types";
import { diffRows, type DiffRowOptions } from "./diff-csv";
import type { ReportDocument } from "./pdf/report-types";

export interface DiffVersion {
  number: number;
  publishedAt: string;
  contentHash: string;
}

const versionText = (v: DiffVersion) => `version ${v.number}, published ${v.publishedAt.slice(0, 10)} (UTC)`;

export function diffReport(
  diff: ProviderDiff,
  options: DiffRowOptions & { from: DiffVersion; to: DiffVersion },
): ReportDocument {
  const rows = diffRows(diff, options);
  const places = [...new Set(rows.map((row) => row[0] ?? ""))];
  const { provider, from, to } = options;
  const title = `${provider}: changes from version ${from.number} to ${to.number}`;
  return {
    kind: "Changes between versions",
    title,
    summary:
      `Every change between two published versions of ${provider}'s shared responsibility model: items added, ` +
      "removed or moved, and each changed field with its value before and after.",
    facts: [
      ["Provider", provider],
      // Hashes on lines of their own, so they are never broken across lines (readers copy them to /verify).
      ["From", versionText(from)],
      ["From SHA-256", from.contentHash],
      ["To", versionText(to)],
      ["To SHA-256", to.contentHash],
      ["Changes", rows.length ? String(rows.length) : "None: the two versions hold the same model"],
    ],
    date: to.publishedAt,
    subject: title,
    keywords: ["shared responsibility model", "changes", provider, `version ${from.number}`, `version ${to.number}`],
    empty: "The two versions hold the same model.",
    footer: `${provider} · changes v${from.number} → v${to.number} · ${to.contentHash.slice(0, 12)}`,
    sections: places.map((place) => ({
      title: place,
      parts: [
        {
          title: place,
          table: {
            columns: [
              { header: "Item", share: 0.2 },
              { header: "Kind", share: 0.12 },
              { header: "Change", share: 0.1 },
              { header: "Field", share: 0.14 },
              { header: "Before", share: 0.22 },
              { header: "After", share: 0.22 },
            ],
            rows: rows
              .filter((row) => row[0] === place)
              .map(([, kind = "", item = "", change = "", field = "", before = "", after = ""]) => [
                { lines: [{ text: item, tone: "strong" }] },
                { lines: [{ text: kind }] },
                { lines: [{ text: change }] },
                { lines: [{ text: field }] },
                { lines: before ? before.split("\n").map((text) => ({ text })) : [] },
                { lines: after ? after.split("\n").map((text) => ({ text })) : [] },
              ]),
            empty: "No changes.",
          },
        },
      ],
    })),
  };
}
