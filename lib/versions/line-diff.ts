// Line-level diff of two lists of strings (duties, lines of a text), for showing a change in place:
// kept lines as context, removed and added lines where they were and are. Pure.

export interface LineOp {
  kind: "same" | "added" | "removed";
  text: string;
}

/** Above this many cells the table is not built: everything before is removed, everything after added. */
const maxCells = 250_000;

/** A longest-common-subsequence diff; removals come before additions at each point of change. */
export function lineDiff(before: readonly string[], after: readonly string[]): LineOp[] {
  const n = before.length;
  const m = after.length;
  if (n * m > maxCells)
    return [
      ...before.map((text) => ({ kind: "removed" as const, text })),
      ...after.map((text) => ({ kind: "added" as const, text })),
    ];
  // lcs[i][j]: length of the LCS of before[i..] and after[j..].
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: LineOp[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      ops.push({ kind: "same", text: before[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) ops.push({ kind: "removed", text: before[i++]! });
    else ops.push({ kind: "added", text: after[j++]! });
  }
  while (i < n) ops.push({ kind: "removed", text: before[i++]! });
  while (j < m) ops.push({ kind: "added", text: after[j++]! });
  return ops;
}

/** Multi-line or long text is shown as a line diff; short values as before → after. */
export function isLongText(value: unknown): value is string {
  return typeof value === "string" && (value.includes("\n") || value.length > 160);
}
