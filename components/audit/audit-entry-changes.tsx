import type { AuditEntryItem } from "@/lib/audit/list-audit-entries";
import { EmptyValue } from "./empty-value";

const compactJson = (value: unknown) => JSON.stringify(value);

/** An entry's before and after values: folded away on screen, spelled out in print. */
export function AuditEntryChanges({ entry }: { entry: AuditEntryItem }) {
  const parts = [
    ...(entry.before !== null ? [{ label: "Before", value: entry.before }] : []),
    ...(entry.after !== null ? [{ label: "After", value: entry.after }] : []),
  ];
  if (parts.length === 0) return <EmptyValue />;
  const list = (
    <dl className="mt-1 space-y-1">
      {parts.map((part) => (
        <div key={part.label}>
          <dt className="text-xs font-medium text-slate-500">{part.label}</dt>
          <dd>
            <pre className="max-w-md whitespace-pre-wrap break-all font-mono text-xs text-slate-800">
              {compactJson(part.value)}
            </pre>
          </dd>
        </div>
      ))}
    </dl>
  );
  return (
    <>
      <details className="print:hidden">
        <summary className="cursor-pointer text-sm text-blue-700 hover:underline">
          {parts.length === 2 ? "Before and after" : parts[0]!.label}
          <span className="sr-only"> of entry {entry.id}</span>
        </summary>
        {list}
      </details>
      {/* A printout shows the values: closed <details> print nothing. */}
      <div className="hidden print:block">{list}</div>
    </>
  );
}
