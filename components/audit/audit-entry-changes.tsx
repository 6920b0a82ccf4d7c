import type { ReactNode } from "react";
import type { AuditEntryItem } from "@/lib/audit/list-audit-entries";

const pre = "max-w-xl whitespace-pre-wrap font-mono text-xs text-slate-800 [overflow-wrap:anywhere]";
/** Indented on wider screens; on a phone indentation would leave a few characters a line, so compact. */
const screenJson = (value: unknown) => (
  <>
    <pre className={`${pre} sm:hidden`}>{JSON.stringify(value)}</pre>
    <pre className={`${pre} hidden sm:block`}>{JSON.stringify(value, null, 2)}</pre>
  </>
);
const printJson = (value: unknown) => <pre className={pre}>{JSON.stringify(value)}</pre>;

/** An entry's raw before and after values: folded away on screen, spelled out in print. */
export function AuditEntryChanges({ entry }: { entry: AuditEntryItem }) {
  const parts = [
    ...(entry.before !== null ? [{ label: "Before", value: entry.before }] : []),
    ...(entry.after !== null ? [{ label: "After", value: entry.after }] : []),
  ];
  if (parts.length === 0) return null;
  const list = (format: (value: unknown) => ReactNode) => (
    <dl className="mt-1 space-y-1">
      {parts.map((part) => (
        <div key={part.label}>
          <dt className="text-xs font-medium text-slate-500">{part.label}</dt>
          <dd>
            {/* JSON has no words to keep whole: ids and paths may wrap anywhere rather than widen the page. */}
            {format(part.value)}
          </dd>
        </div>
      ))}
    </dl>
  );
  return (
    <>
      <details className="print:hidden">
        <summary className="cursor-pointer text-xs text-blue-700 hover:underline">
          Raw values: {parts.length === 2 ? "before and after" : parts[0]!.label.toLowerCase()}
          <span className="sr-only"> of entry {entry.id}</span>
        </summary>
        {list(screenJson)}
      </details>
      {/* A printout shows the values, compactly: closed <details> print nothing. */}
      <div className="hidden print:block">{list(printJson)}</div>
    </>
  );
}
