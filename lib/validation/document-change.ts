// The shape of one editor change (lib/domain/document-changes.ts applies it). A path may only name
// places the provider document schema defines: its own field names and list indexes. Prototype
// names ("__proto__", "constructor", "prototype") and made-up fields are refused here, with a field
// error, before the change reaches the document.
import { z } from "zod";
import type { DocumentChange, DocumentPath } from "@/lib/domain/document-changes";
import { isPrototypeKey } from "@/lib/domain/own-keys";
import { providerDocumentSchema } from "./provider-document";

type Schema = z.core.$ZodType;

/** The schema a wrapper (optional, nullable, default, pipe, …) stands for. */
function unwrap(schema: Schema): Schema {
  let node = schema;
  for (;;) {
    const def = node._zod.def as { type: string; innerType?: Schema; in?: Schema; getter?: () => Schema };
    if (def.innerType) node = def.innerType;
    else if (def.type === "pipe" && def.in) node = def.in;
    else if (def.type === "lazy" && def.getter) node = def.getter();
    else return node;
  }
}

const show = (path: DocumentPath) => path.map(String).join(".");

/** Why `path` names no place that `schema` defines; null when it does. */
export function schemaPathProblem(schema: Schema, path: DocumentPath, depth = 0): string | null {
  if (depth === path.length) return null;
  const key = path[depth]!;
  const node = unwrap(schema);
  const def = node._zod.def as { type: string; shape?: Record<string, Schema>; element?: Schema; options?: Schema[] };
  const where = depth === 0 ? "a provider document" : `"${show(path.slice(0, depth))}"`;
  if (typeof key === "string" && isPrototypeKey(key)) return `"${key}" is not a field of ${where}.`;
  if (def.type === "object" && def.shape) {
    if (typeof key !== "string" || !Object.hasOwn(def.shape, key)) return `"${key}" is not a field of ${where}.`;
    return schemaPathProblem(def.shape[key]!, path, depth + 1);
  }
  if (def.type === "array" && def.element) {
    if (typeof key !== "number") return `${where} is a list: expected a row number, got "${key}".`;
    return schemaPathProblem(def.element, path, depth + 1);
  }
  if (def.type === "union" && def.options) {
    const problems = def.options.map((option) => schemaPathProblem(option, path, depth));
    return problems.includes(null) ? null : problems[0]!;
  }
  return `${where} is a single value: "${key}" cannot be inside it.`;
}

const rowNumber = "A row number is a whole number from 0 to 100000.";
const segment = z.union(
  [
    z.string().min(1, "A field name cannot be empty.").max(100, "A field name has at most 100 characters."),
    z.number().int(rowNumber).min(0, rowNumber).max(100_000, rowNumber),
  ],
  { error: "Each step of a path is a field name or a row number." },
);
const path = z
  .array(segment)
  .min(1)
  .max(12)
  .superRefine((value, ctx) => {
    const problem = schemaPathProblem(providerDocumentSchema, value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

// `expected` and `value` may be absent: JSON has no undefined, and an empty optional field is absent.
export const documentChangeSchema = z
  .discriminatedUnion("op", [
    z.strictObject({ op: z.literal("set"), path, expected: z.unknown().optional(), value: z.unknown().optional() }),
    z.strictObject({ op: z.literal("insert"), path, value: z.unknown().optional() }),
    z.strictObject({ op: z.literal("remove"), path, expected: z.unknown().optional() }),
    z.strictObject({ op: z.literal("move"), path, to: z.number().int().min(0), expected: z.unknown().optional() }),
  ])
  .superRefine((change, ctx) => {
    if (change.op !== "set" && typeof change.path.at(-1) !== "number")
      ctx.addIssue({ code: "custom", path: ["path"], message: `"${change.op}" works on rows of a list only.` });
  }) satisfies z.ZodType<DocumentChange>;
