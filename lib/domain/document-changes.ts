// Field-level changes to a provider document, with compare-and-set: each change names the value
// the editor saw, and is refused (with the current value) when someone else changed it since.
// Editors working on different rows never conflict; nobody overwrites what they did not see. Pure.
import { createHash } from "node:crypto";
import { z } from "zod";

const segment = z.union([z.string().min(1).max(100), z.number().int().min(0).max(100_000)]);
const path = z.array(segment).min(1).max(12);

// `expected` and `value` may be absent: JSON has no undefined, and an empty optional field is absent.
export const documentChangeSchema = z.discriminatedUnion("op", [
  /** Replace the value at `path`; `expected` is what the editor saw there. */
  z.strictObject({ op: z.literal("set"), path, expected: z.unknown().optional(), value: z.unknown().optional() }),
  /** Insert into an array: the last segment is the index (0 … length). */
  z.strictObject({ op: z.literal("insert"), path, value: z.unknown().optional() }),
  /** Remove the array element at `path`. */
  z.strictObject({ op: z.literal("remove"), path, expected: z.unknown().optional() }),
  /** Move the array element at `path` to index `to` of the same array. */
  z.strictObject({ op: z.literal("move"), path, to: z.number().int().min(0), expected: z.unknown().optional() }),
]);
export type DocumentChange = z.infer<typeof documentChangeSchema>;
export type DocumentPath = DocumentChange["path"];

export class ChangeConflict extends Error {
  constructor(readonly current: unknown) {
    super("The value changed since it was read");
  }
}
export class ChangeNotApplicable extends Error {}

export function valueAt(document: unknown, path: DocumentPath): unknown {
  let node: unknown = document;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** Deep equality of JSON values; object key order does not matter, missing equals undefined. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** JSON with object keys sorted (and undefined dropped): stable for hashing and comparing. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

export function contentHash(document: unknown): string {
  return createHash("sha256").update(canonicalJson(document)).digest("hex");
}

/** Applies one change to a copy of `document`; returns it with the values before and after. */
export function applyDocumentChange(
  document: unknown,
  change: DocumentChange,
): { document: unknown; before: unknown; after: unknown } {
  const copy = structuredClone(document) as Record<string | number, unknown>;
  const parentPath = change.path.slice(0, -1);
  const key = change.path.at(-1)!;
  const parent = parentPath.length ? valueAt(copy, parentPath) : copy;
  if (parent === null || typeof parent !== "object")
    throw new ChangeNotApplicable("Nothing exists at that place any more.");
  const current = (parent as Record<string | number, unknown>)[key];
  if (change.op !== "insert" && !sameJson(current, change.expected)) throw new ChangeConflict(current);

  switch (change.op) {
    case "set":
      (parent as Record<string | number, unknown>)[key] = change.value;
      return { document: copy, before: current, after: change.value };
    case "insert": {
      if (!Array.isArray(parent) || typeof key !== "number" || key > parent.length)
        throw new ChangeNotApplicable("Rows can only be inserted into a list.");
      parent.splice(key, 0, change.value);
      return { document: copy, before: undefined, after: change.value };
    }
    case "remove":
      if (!Array.isArray(parent) || typeof key !== "number")
        throw new ChangeNotApplicable("Only rows of a list can be removed.");
      parent.splice(key, 1);
      return { document: copy, before: current, after: undefined };
    case "move": {
      if (!Array.isArray(parent) || typeof key !== "number" || change.to >= parent.length)
        throw new ChangeNotApplicable("Rows can only move within their list.");
      const [moved] = parent.splice(key, 1);
      parent.splice(change.to, 0, moved);
      return { document: copy, before: { index: key }, after: { index: change.to } };
    }
  }
}
