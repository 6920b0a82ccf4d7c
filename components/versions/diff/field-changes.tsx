// Changed fields of an item: a label, then the change as assignment badges, lines or before → after.
import type { ReactNode } from "react";
import { AssignmentBadge } from "@/components/assignment/assignment-badge";
import { assignmentValues, type AssignmentValue } from "@/lib/domain/assignment";
import type { FieldChange, FieldValue } from "@/lib/model/diff";
import { fieldLabel } from "@/lib/versions/change-summary";
import { isLongText } from "@/lib/versions/line-diff";
import type { DiffContext } from "./diff-context";
import { Columns, LinesChange } from "./diff-lines";

function Scalar({ value, kind }: { value: FieldValue; kind: "added" | "removed" }) {
  const text = formatValue(value);
  if (text === null) return <span className="text-slate-400 italic">none</span>;
  return kind === "removed" ? (
    <del className="rounded bg-red-50 px-1 text-red-950 decoration-red-700/60">
      <span className="sr-only">was: </span>
      {text}
    </del>
  ) : (
    <ins className="rounded bg-emerald-50 px-1 text-emerald-950 no-underline">
      <span className="sr-only">now: </span>
      {text}
    </ins>
  );
}

function formatValue(value: FieldValue): string | null {
  if (value === null || value === "") return null;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.length ? value.join(", ") : null;
  return String(value);
}

function isAssignment(value: FieldValue): value is AssignmentValue {
  return typeof value === "string" && (assignmentValues as readonly string[]).includes(value);
}

function asLines(value: FieldValue): string[] {
  if (Array.isArray(value)) return [...(value as readonly string[])];
  if (value === null || value === "") return [];
  return String(value).split("\n");
}

/** One changed field: its label, then the change as badges, lines or before → after. */
function FieldChangeView({ change, ctx }: { change: FieldChange; ctx: DiffContext }) {
  const label = fieldLabel(change.field, (key) => ctx.partyNames.get(key) ?? key);
  let body: ReactNode;
  if (change.field === "assignment" && (isAssignment(change.before) || isAssignment(change.after))) {
    const before = <AssignmentBadge assignment={isAssignment(change.before) ? change.before : null} />;
    const after = <AssignmentBadge assignment={isAssignment(change.after) ? change.after : null} />;
    body =
      ctx.layout === "split" ? (
        <Columns ctx={ctx} before={before} after={after} />
      ) : (
        <span className="inline-flex flex-wrap items-center gap-2">
          <span className="sr-only">from </span>
          {before}
          <span aria-hidden="true">→</span>
          <span className="sr-only"> to </span>
          {after}
        </span>
      );
  } else if (change.field === "parties") {
    const names = (v: FieldValue) => asLines(v).map((key) => ctx.partyNames.get(key) ?? key);
    body = <LinesChange before={names(change.before)} after={names(change.after)} ctx={ctx} />;
  } else if (
    Array.isArray(change.before) ||
    Array.isArray(change.after) ||
    isLongText(change.before) ||
    isLongText(change.after)
  ) {
    body = (
      <>
        {change.reordered ? <p className="mb-1 text-xs text-slate-500">Same entries, new order.</p> : null}
        <LinesChange before={asLines(change.before)} after={asLines(change.after)} ctx={ctx} />
      </>
    );
  } else {
    body =
      ctx.layout === "split" ? (
        <Columns
          ctx={ctx}
          before={<Scalar value={change.before} kind="removed" />}
          after={<Scalar value={change.after} kind="added" />}
        />
      ) : (
        <span className="inline-flex flex-wrap items-baseline gap-2">
          <Scalar value={change.before} kind="removed" />
          <span aria-hidden="true">→</span>
          <Scalar value={change.after} kind="added" />
        </span>
      );
  }
  return (
    <div className="grid gap-1 py-1.5 sm:grid-cols-[11rem_1fr] sm:gap-3" data-field={change.field}>
      <dt className="text-sm font-medium text-slate-600 first-letter:uppercase">{label}</dt>
      <dd className="min-w-0 text-sm">{body}</dd>
    </div>
  );
}

export function Fields({
  fields,
  ctx,
  skip = [],
}: {
  fields: readonly FieldChange[];
  ctx: DiffContext;
  skip?: string[];
}) {
  const shown = fields.filter((f) => !skip.includes(f.field));
  if (!shown.length) return null;
  return (
    <dl className="divide-y divide-slate-100">
      {shown.map((f) => (
        <FieldChangeView key={f.field} change={f} ctx={ctx} />
      ))}
    </dl>
  );
}
