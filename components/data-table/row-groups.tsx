"use client";

import type { ReactNode } from "react";

/** One level of the groups a row sits in, outermost first. */
export interface RowGroup {
  key: string;
  /** e.g. "3.1 Backups" */
  label: string;
  description?: string;
}

export interface GroupHeader {
  group: RowGroup;
  depth: number;
  /** Rows (after filtering) inside the group, at any depth. */
  count: number;
  /** The whole path down to this group (its ancestors' keys and its own). */
  path: readonly string[];
}

/**
 * Interleaves group header rows with the (filtered, group-ordered) rows: a header wherever a row's
 * group path departs from the previous row's. Rows inside a collapsed group are left out; headers
 * of groups inside it too.
 */
export function withGroupHeaders<Row>(
  rows: readonly Row[],
  pathOf: (row: Row) => readonly RowGroup[],
  collapsed: ReadonlySet<string>,
): ({ kind: "header"; header: GroupHeader } | { kind: "row"; row: Row })[] {
  const counts = new Map<string, number>();
  for (const row of rows) for (const g of pathOf(row)) counts.set(g.key, (counts.get(g.key) ?? 0) + 1);
  const out: ({ kind: "header"; header: GroupHeader } | { kind: "row"; row: Row })[] = [];
  let previous: readonly RowGroup[] = [];
  for (const row of rows) {
    const path = pathOf(row);
    let same = 0;
    while (same < path.length && same < previous.length && path[same]!.key === previous[same]!.key) same++;
    for (let depth = same; depth < path.length; depth++) {
      const hiddenAbove = path.slice(0, depth).some((g) => collapsed.has(g.key));
      if (!hiddenAbove)
        out.push({
          kind: "header",
          header: {
            group: path[depth]!,
            depth,
            count: counts.get(path[depth]!.key) ?? 0,
            path: path.slice(0, depth + 1).map((g) => g.key),
          },
        });
    }
    previous = path;
    if (!path.some((g) => collapsed.has(g.key))) out.push({ kind: "row", row });
  }
  return out;
}

/** A group's header row: a toggle that collapses and expands its rows, with how many it holds. */
export function GroupHeaderRow({
  header,
  columns,
  expanded,
  onToggle,
  noun,
}: {
  header: GroupHeader;
  columns: number;
  expanded: boolean;
  onToggle: () => void;
  noun: string;
}): ReactNode {
  return (
    // A group header printed at the foot of a page would head nothing: it moves on with its first row.
    <tr className="bg-slate-100/70 print:break-after-avoid">
      <th
        scope="colgroup"
        colSpan={columns}
        className="border-b border-slate-200 px-3 py-1.5 text-left text-sm font-semibold text-slate-900"
      >
        <div style={{ paddingLeft: `${header.depth * 1.25}rem` }}>
          <button
            type="button"
            aria-expanded={expanded}
            onClick={onToggle}
            className="inline-flex items-center gap-2 rounded px-1 text-left hover:bg-slate-200"
          >
            <span aria-hidden="true" className="inline-block w-3 text-slate-500">
              {expanded ? "▾" : "▸"}
            </span>
            <span>{header.group.label}</span>
            <span className="text-xs font-normal text-slate-600">
              ({header.count} {header.count === 1 ? noun.replace(/s$/, "") : noun})
            </span>
          </button>
          {header.group.description && expanded ? (
            <p className="mt-0.5 max-w-3xl pl-6 text-xs font-normal text-slate-600">{header.group.description}</p>
          ) : null}
        </div>
      </th>
    </tr>
  );
}
