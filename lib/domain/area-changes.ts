// Which rows of a draft differ from the published version, as the version diff sees them (what a
// reader would see change, not how the JSON is spelled): the draft view marks them, so an editor
// sees what publishing will change. Pure.
import type { AreasDiff, ProviderDiff } from "./diff-types";

export type AreaChange = "added" | "changed";

export interface AreaChanges {
  /** Draft rows that are new or differ, by their position in the draft. */
  rows: Record<number, AreaChange>;
  /** Published rows the draft no longer has, by name. */
  removed: string[];
}

/**
 * The rows of one list from a provider diff (lib/model/diff.ts). `diff` null: the list is new in
 * the draft (a service added there), so each of its `count` rows is new; "unchanged": nothing differs.
 */
export function areaChanges(diff: AreasDiff | "unchanged" | null, count: number): AreaChanges {
  if (diff === null)
    return { rows: Object.fromEntries(Array.from({ length: count }, (_, i) => [i, "added" as const])), removed: [] };
  if (diff === "unchanged") return { rows: {}, removed: [] };
  const rows: Record<number, AreaChange> = {};
  for (const item of diff.changed) rows[item.position] = "changed";
  for (const item of diff.added) rows[item.position] = "added";
  return { rows, removed: diff.removed.map((item) => item.label) };
}

/** The comparison in one sentence, for under the draft matrix. */
export function changedRowsSummary(changes: AreaChanges, since: number): string {
  const kinds = Object.values(changes.rows);
  const added = kinds.filter((k) => k === "added").length;
  const changed = kinds.length - added;
  const parts = [
    ...(changed ? [`${changed} ${changed === 1 ? "row" : "rows"} changed`] : []),
    ...(added ? [`${added} new`] : []),
    ...(changes.removed.length
      ? [`${changes.removed.length} deleted (${changes.removed.map((name) => `“${name}”`).join(", ")})`]
      : []),
  ];
  return parts.length
    ? `Since version ${since}: ${parts.join(", ")}. Marked rows differ from what readers see.`
    : `No row differs from version ${since}, the one readers see.`;
}

/** One service's rows in a provider diff: its areas' diff, "unchanged", or null when the service is new. */
export function serviceAreasDiff(diff: ProviderDiff, service: string): AreasDiff | "unchanged" | null {
  if (diff.services.added.some((item) => item.key === service)) return null;
  return diff.services.changed.find((change) => change.key === service)?.areas ?? "unchanged";
}
