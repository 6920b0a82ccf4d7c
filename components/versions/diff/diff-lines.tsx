// Lines of a diff, each marked + or − (with a screen-reader word, so colour is never the only cue),
// and the before | after columns of the side-by-side layout.
import type { ReactNode } from "react";
import { lineDiff, type LineOp } from "@/lib/versions/line-diff";
import type { DiffContext } from "./diff-context";

function Mark({ kind }: { kind: LineOp["kind"] }) {
  if (kind === "same")
    return (
      <span aria-hidden="true" className="w-4 shrink-0 select-none font-mono text-slate-400">
        {" "}
      </span>
    );
  return (
    <>
      <span
        aria-hidden="true"
        className={`w-4 shrink-0 select-none font-mono font-bold ${kind === "added" ? "text-emerald-700" : "text-red-700"}`}
      >
        {kind === "added" ? "+" : "−"}
      </span>
      <span className="sr-only">{kind === "added" ? "added: " : "removed: "}</span>
    </>
  );
}

function Line({ op }: { op: LineOp }) {
  const classes =
    op.kind === "added"
      ? "bg-emerald-50 text-emerald-950"
      : op.kind === "removed"
        ? "bg-red-50 text-red-950 line-through decoration-red-700/60"
        : "text-slate-600";
  return (
    <li className={`flex gap-1.5 rounded px-1.5 py-0.5 ${classes}`} data-diff={op.kind}>
      <Mark kind={op.kind} />
      <span className="min-w-0 break-words whitespace-pre-wrap">{op.text || "\u00a0"}</span>
    </li>
  );
}

export function Lines({ ops, empty = "none" }: { ops: readonly LineOp[]; empty?: string }) {
  if (!ops.length) return <p className="px-1.5 text-sm text-slate-400 italic">{empty}</p>;
  return (
    <ul className="space-y-0.5 text-sm">
      {ops.map((op, i) => (
        <Line key={i} op={op} />
      ))}
    </ul>
  );
}

export function Columns({ ctx, before, after }: { ctx: DiffContext; before: ReactNode; after: ReactNode }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <div className="min-w-0">
        <p className="mb-0.5 text-xs font-medium text-slate-500">{ctx.beforeLabel}</p>
        {before}
      </div>
      <div className="min-w-0">
        <p className="mb-0.5 text-xs font-medium text-slate-500">{ctx.afterLabel}</p>
        {after}
      </div>
    </div>
  );
}

export function LinesChange({ before, after, ctx }: { before: string[]; after: string[]; ctx: DiffContext }) {
  const ops = lineDiff(before, after);
  if (ctx.layout === "inline") return <Lines ops={ops} />;
  return (
    <Columns
      ctx={ctx}
      before={<Lines ops={ops.filter((op) => op.kind !== "added")} />}
      after={<Lines ops={ops.filter((op) => op.kind !== "removed")} />}
    />
  );
}
