// The counts of added, removed, changed and moved items above a diff.
import type { ProviderDiff } from "@/lib/model/diff";
import { tone } from "./item-cards";

export function DiffSummary({ diff }: { diff: ProviderDiff }) {
  const counts = [
    { kind: "added", n: diff.summary.added, label: "added" },
    { kind: "removed", n: diff.summary.removed, label: "removed" },
    { kind: "changed", n: diff.summary.changed, label: "changed" },
    { kind: "moved", n: diff.summary.moved, label: "moved" },
  ] as const;
  return (
    <ul aria-label="Summary of changes" className="flex flex-wrap gap-2 text-sm">
      {counts.map((c) => (
        <li
          key={c.kind}
          className={`rounded-lg border px-3 py-1.5 ${c.n ? (c.kind === "added" ? tone.added : c.kind === "removed" ? tone.removed : "border-slate-300 bg-white") : "border-slate-200 bg-slate-50 text-slate-500"}`}
        >
          <span className="font-semibold tabular-nums">{c.n}</span> {c.label}
        </li>
      ))}
    </ul>
  );
}
