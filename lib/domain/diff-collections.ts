// Generic diffing of two lists of items: pairing by key, then added, removed, changed and moved.
//
// Reordering is reported, not ignored: the order is what the pages show. Items kept in both
// versions whose relative order changed are listed under `moved` (the fewest items that explain
// the new order); a changed position caused only by additions or removals is not a move.
import type { CollectionDiff, FieldChange, ItemRef } from "./diff-types";

export interface Pair<T> {
  before: T;
  after: T;
  from: number;
  to: number;
}

interface Matched<T> {
  pairs: Pair<T>[];
  removed: { item: T; index: number }[];
  added: { item: T; index: number }[];
}

/**
 * Pairs items by key (the nth occurrence with the nth occurrence); `keys` lists keys from the
 * strongest to the weakest, and each pass only sees what earlier passes left unpaired.
 */
export function match<T>(before: readonly T[], after: readonly T[], keys: ((item: T) => string)[]): Matched<T> {
  const pairedBefore = new Set<number>();
  const pairedAfter = new Set<number>();
  const pairs: Pair<T>[] = [];
  for (const key of keys) {
    const waiting = new Map<string, number[]>();
    before.forEach((item, i) => {
      if (pairedBefore.has(i)) return;
      const k = key(item);
      waiting.set(k, [...(waiting.get(k) ?? []), i]);
    });
    after.forEach((item, j) => {
      if (pairedAfter.has(j)) return;
      const i = waiting.get(key(item))?.shift();
      if (i === undefined) return;
      pairedBefore.add(i);
      pairedAfter.add(j);
      pairs.push({ before: before[i]!, after: item, from: i, to: j });
    });
  }
  pairs.sort((a, b) => a.to - b.to);
  return {
    pairs,
    removed: before.flatMap((item, index) => (pairedBefore.has(index) ? [] : [{ item, index }])),
    added: after.flatMap((item, index) => (pairedAfter.has(index) ? [] : [{ item, index }])),
  };
}

/**
 * Kept items (in `after` order) outside a longest run that keeps its `before` order: the fewest
 * moves that turn the old order into the new one.
 */
export function movedPairs<T>(pairs: readonly Pair<T>[]): Pair<T>[] {
  const n = pairs.length;
  if (n < 2) return [];
  // Longest increasing subsequence of `from`, O(n²) — lists here are at most a few hundred long.
  const length = new Array<number>(n).fill(1);
  const previous = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++)
      if (pairs[j]!.from < pairs[i]!.from && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        previous[i] = j;
      }
  let end = 0;
  for (let i = 1; i < n; i++) if (length[i]! > length[end]!) end = i;
  const kept = new Set<number>();
  for (let i = end; i !== -1; i = previous[i]!) kept.add(i);
  return pairs.filter((_, i) => !kept.has(i));
}

export function collectionDiff<T, E extends object = object>(
  before: readonly T[],
  after: readonly T[],
  options: {
    /** Match keys, strongest first. */
    match: ((item: T) => string)[];
    /** The key and label reported, plus anything else identifying the item. */
    describe: (item: T) => { key: string; label: string } & E;
    fields: (before: T, after: T) => FieldChange[];
  },
): CollectionDiff<E> {
  const { pairs, removed, added } = match(before, after, options.match);
  const ref = (item: T, position: number): ItemRef & E => ({ ...options.describe(item), position });
  return {
    added: added.map(({ item, index }) => ref(item, index)),
    removed: removed.map(({ item, index }) => ref(item, index)),
    changed: pairs.flatMap((p) => {
      const fields = options.fields(p.before, p.after);
      return fields.length ? [{ ...ref(p.after, p.to), fields }] : [];
    }),
    moved: movedPairs(pairs).map((p) => ({ ...ref(p.after, p.to), from: p.from })),
  };
}

export function isEmptyCollection(d: { added: unknown[]; removed: unknown[]; changed: unknown[]; moved: unknown[] }) {
  return !d.added.length && !d.removed.length && !d.changed.length && !d.moved.length;
}
