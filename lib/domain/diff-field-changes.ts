// Field-by-field comparison of two flattened items. Duty lists (and other list fields) compare as
// sets: added / removed, in list order; a pure reordering is a "reordered" flag on that field.
import type { FieldChange, FieldValue } from "./diff-types";

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function valueChange(field: string, before: FieldValue, after: FieldValue): FieldChange | null {
  if (Array.isArray(before) || Array.isArray(after)) return listChange(field, asList(before), asList(after));
  return before === after ? null : { field, before, after };
}

function asList(value: FieldValue): readonly string[] {
  return Array.isArray(value) ? (value as readonly string[]) : value === null ? [] : [String(value)];
}

/** Set difference both ways, keeping each list's order; duplicates count once. */
function listChange(field: string, before: readonly string[], after: readonly string[]): FieldChange | null {
  if (sameList(before, after)) return null;
  const was = new Set(before);
  const is = new Set(after);
  const added = [...new Set(after.filter((v) => !was.has(v)))];
  const removed = [...new Set(before.filter((v) => !is.has(v)))];
  const reordered = added.length === 0 && removed.length === 0;
  return { field, before: [...before], after: [...after], added, removed, ...(reordered ? { reordered } : {}) };
}

/** Compares two flattened records field by field, in the order of `before`'s keys. */
export function fieldChanges<K extends string>(
  before: Record<K, FieldValue>,
  after: Record<K, FieldValue>,
  prefix = "",
): FieldChange[] {
  return (Object.keys(before) as K[])
    .map((k) => valueChange(`${prefix}${k}`, before[k], after[k]))
    .filter((c): c is FieldChange => c !== null);
}
