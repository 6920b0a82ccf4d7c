// The card of one added, removed or changed item, its tag, and the list of moved items.
import type { ReactNode } from "react";
import type { ItemMove } from "@/lib/model/diff";

/** Card colours by kind of change; the summary counts reuse them. */
export const tone = {
  added: "border-emerald-200 bg-emerald-50 text-emerald-950",
  removed: "border-red-200 bg-red-50 text-red-950",
  changed: "border-slate-200 bg-white text-slate-900",
} as const;

export function Tag({ kind }: { kind: "added" | "removed" | "changed" | "moved" }) {
  const classes = {
    added: "bg-emerald-100 text-emerald-900",
    removed: "bg-red-100 text-red-900",
    changed: "bg-amber-100 text-amber-900",
    moved: "bg-slate-100 text-slate-700",
  }[kind];
  const symbol = { added: "+", removed: "−", changed: "~", moved: "↕" }[kind];
  return (
    <span className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold ${classes}`}>
      <span aria-hidden="true" className="font-mono">
        {symbol}
      </span>
      {kind}
    </span>
  );
}

export function ItemCard({
  kind,
  title,
  children,
}: {
  kind: "added" | "removed" | "changed";
  title: ReactNode;
  children?: ReactNode;
}) {
  return (
    <li className={`rounded-lg border p-3 ${tone[kind]}`} data-change={kind}>
      <div className="flex flex-wrap items-center gap-2">
        <Tag kind={kind} />
        <span className={`font-medium ${kind === "removed" ? "line-through decoration-red-700/60" : ""}`}>{title}</span>
      </div>
      {children ? <div className="mt-2">{children}</div> : null}
    </li>
  );
}

/** `noun`: plural; the singular drops a final "s" ("areas" → "area"; "parties" → "party"). */
export function Moves({ moves, noun }: { moves: readonly ItemMove[]; noun: string }) {
  const one = noun.endsWith("ies") ? `${noun.slice(0, -3)}y` : noun.replace(/s$/, "");
  if (!moves.length) return null;
  return (
    <li className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700" data-change="moved">
      <div className="flex flex-wrap items-center gap-2">
        <Tag kind="moved" />
        <span>
          {moves.length === 1 ? `One ${one} moved` : `${moves.length} ${noun} moved`} (the new order is shown on the
          version page):
        </span>
      </div>
      <ul className="mt-1 list-disc pl-6">
        {moves.map((m) => (
          <li key={`${m.key}-${m.position}`}>
            {m.label}: position {m.from + 1} → {m.position + 1}
          </li>
        ))}
      </ul>
    </li>
  );
}
