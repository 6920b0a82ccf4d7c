import { assignmentMeta, type AssignmentValue } from "@/lib/domain/assignment";
import { assignmentClasses } from "./assignment-styles";

/**
 * Coloured badge that always carries the symbol and the label, so colour is never the only cue. With no
 * assignment, `detail` replaces "Unassigned" (the stack legend's "depends on the deployment model").
 */
export function AssignmentBadge({ assignment, detail }: { assignment: AssignmentValue | null; detail?: string }) {
  if (!assignment)
    return (
      <span className="inline-flex items-center gap-1 rounded-md px-2 py-0.5 text-xs font-medium text-slate-600 ring-1 ring-slate-300 ring-dashed">
        <span aria-hidden="true">?</span> {detail ? detail.charAt(0).toUpperCase() + detail.slice(1) : "Unassigned"}
      </span>
    );
  const meta = assignmentMeta[assignment];
  return (
    <span
      className={`inline-flex max-w-full items-center gap-1.5 rounded-md px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${assignmentClasses[assignment].badge}`}
      title={detail ? `${meta.label}: ${detail}` : meta.description}
    >
      <span aria-hidden="true" className="font-mono">
        {meta.symbol}
      </span>
      <span className="whitespace-nowrap">{meta.label}</span>
      {/* A long party list ("Customer + Contain + Hyperscaler") may wrap on a phone. */}
      {detail ? <span className="min-w-0 font-normal">· {detail}</span> : null}
    </span>
  );
}

export function AssignmentLegend({ only }: { only?: readonly AssignmentValue[] }) {
  const values = (Object.keys(assignmentMeta) as AssignmentValue[]).filter((v) => !only || only.includes(v));
  return (
    <dl className="flex flex-wrap gap-x-4 gap-y-2 text-xs text-slate-700" aria-label="Assignment legend">
      {values.map((value) => (
        <div key={value} className="flex items-center gap-2">
          <dt>
            <AssignmentBadge assignment={value} />
          </dt>
          <dd>{assignmentMeta[value].description}</dd>
        </div>
      ))}
    </dl>
  );
}
