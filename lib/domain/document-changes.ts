// Field-level changes to a provider document, with compare-and-set: each change names the value
// the editor saw, and is refused (with the current value) when someone else changed it since.
// Editors working on different rows never conflict; nobody overwrites what they did not see. Pure.
import { sameJson } from "./canonical-json";
import { isPrototypeKey } from "./own-keys";

/** A place in the document: object keys and array indexes, outermost first. */
export type DocumentPath = (string | number)[];

// `expected` and `value` may be absent: JSON has no undefined, and an empty optional field is absent.
// The shape is checked by documentChangeSchema (lib/validation/document-change.ts).
export type DocumentChange =
  /** Replace the value at `path`; `expected` is what the editor saw there. */
  | { op: "set"; path: DocumentPath; expected?: unknown; value?: unknown }
  /** Insert into an array: the last segment is the index (0 … length). */
  | { op: "insert"; path: DocumentPath; value?: unknown }
  /** Remove the array element at `path`. */
  | { op: "remove"; path: DocumentPath; expected?: unknown }
  /** Move the array element at `path` to index `to` of the same array. */
  | { op: "move"; path: DocumentPath; to: number; expected?: unknown };

export class ChangeConflict extends Error {
  constructor(readonly current: unknown) {
    super("The value changed since it was read");
  }
}
export class ChangeNotApplicable extends Error {}

/**
 * The value at `path`, reading only what the document itself holds: an array element by an index in
 * range, an object's own property by name. Anything else (an inherited name such as "__proto__" or
 * "constructor", an index past the end) is undefined, so a path can never lead onto a prototype.
 */
export function valueAt(document: unknown, path: DocumentPath): unknown {
  let node: unknown = document;
  for (const key of path) {
    node = childOf(node, key);
    if (node === undefined) return undefined;
  }
  return node;
}

function childOf(node: unknown, key: string | number): unknown {
  if (Array.isArray(node)) return isIndexUpTo(key, node.length - 1) ? node[key] : undefined;
  if (node === null || typeof node !== "object" || typeof key !== "string") return undefined;
  return Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
}

function isIndexUpTo(key: string | number, last: number): key is number {
  return typeof key === "number" && Number.isInteger(key) && key >= 0 && key <= last;
}

/**
 * Applies one change to a copy of `document`; returns it with the values before and after. Only
 * places the document holds are touched: list indexes in range (insert: up to the length), object
 * keys by their own name; a prototype name is refused before anything is written.
 */
export function applyDocumentChange(
  document: unknown,
  change: DocumentChange,
): { document: unknown; before: unknown; after: unknown } {
  if (change.path.some(isPrototypeKey)) throw new ChangeNotApplicable("That is not a place in the document.");
  const copy = structuredClone(document);
  const parentPath = change.path.slice(0, -1);
  const key = change.path.at(-1)!;
  const parent = parentPath.length ? valueAt(copy, parentPath) : copy;
  if (parent === null || typeof parent !== "object")
    throw new ChangeNotApplicable("Nothing exists at that place any more.");

  if (!Array.isArray(parent)) {
    if (change.op !== "set" || typeof key !== "string")
      throw new ChangeNotApplicable("Only rows of a list can be inserted, removed or moved.");
    const fields = parent as Record<string, unknown>;
    const current = childOf(fields, key);
    if (!sameJson(current, change.expected)) throw new ChangeConflict(current);
    Object.defineProperty(fields, key, { value: change.value, enumerable: true, writable: true, configurable: true });
    return { document: copy, before: current, after: change.value };
  }

  const limit = change.op === "insert" ? parent.length : parent.length - 1;
  if (!isIndexUpTo(key, limit))
    throw new ChangeNotApplicable(
      change.op === "insert" ? "Rows can only be inserted into a list." : "That row does not exist any more.",
    );
  const current = parent[key];
  if (change.op !== "insert" && !sameJson(current, change.expected)) throw new ChangeConflict(current);

  switch (change.op) {
    case "set":
      parent[key] = change.value;
      return { document: copy, before: current, after: change.value };
    case "insert":
      parent.splice(key, 0, change.value);
      return { document: copy, before: undefined, after: change.value };
    case "remove":
      parent.splice(key, 1);
      return { document: copy, before: current, after: undefined };
    case "move": {
      if (!isIndexUpTo(change.to, parent.length - 1))
        throw new ChangeNotApplicable("Rows can only move within their list.");
      const [moved] = parent.splice(key, 1);
      parent.splice(change.to, 0, moved);
      return { document: copy, before: { index: key }, after: { index: change.to } };
    }
  }
}
