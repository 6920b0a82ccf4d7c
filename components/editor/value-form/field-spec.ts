// A form over one value of the draft is described by field specs: which property each input edits,
// how it reads and writes it. Pure: reading a value into inputs and building the value to save.

export type Json = Record<string, unknown>;
export type FieldInput = string | boolean | string[];

export interface FieldSpec {
  /** The property of the edited object; null when the form edits a single value (e.g. ["name"]). */
  key: string | null;
  label: string;
  kind: "text" | "textarea" | "markdown" | "url" | "color" | "select" | "checkbox" | "number" | "checkboxes";
  required?: boolean;
  hint?: string;
  /** For "select" and "checkboxes". */
  options?: readonly { value: string; label: string }[];
  /** Optional selects: the label of the empty choice. */
  emptyLabel?: string;
  /** How an empty input is stored: left out (default) or null. */
  empty?: "omit" | "null";
  /** Custom reading and writing (e.g. one select choosing between two properties). */
  get?: (value: Json) => FieldInput;
  put?: (value: Json, input: FieldInput) => void;
  /** The error paths this field shows (default: its key). */
  errorKeys?: readonly string[];
  /** Spans the whole form row. */
  wide?: boolean;
}

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function readField(field: FieldSpec, value: unknown): FieldInput {
  const object = isObject(value) ? value : {};
  if (field.get) return field.get(object);
  const raw = field.key === null ? value : object[field.key];
  if (field.kind === "checkbox") return raw === true;
  if (field.kind === "checkboxes") return Array.isArray(raw) ? raw.map(String) : [];
  return raw === undefined || raw === null ? "" : String(raw);
}

function convert(field: FieldSpec, input: FieldInput): unknown {
  if (field.kind === "checkbox") return input === true ? true : undefined;
  if (field.kind === "checkboxes") return Array.isArray(input) && input.length > 0 ? input : undefined;
  const text = typeof input === "string" ? input.trim() : "";
  if (text === "") return field.empty === "null" ? null : field.required ? "" : undefined;
  if (field.kind === "number") return /^-?\d+$/.test(text) ? Number(text) : text;
  return text;
}

/** The value the form would save: its fields written over the loaded value (other properties are kept). */
export function buildValue(fields: readonly FieldSpec[], base: unknown, inputs: readonly FieldInput[]): unknown {
  if (fields.length === 1 && fields[0]!.key === null) return convert(fields[0]!, inputs[0] ?? "");
  const next: Json = isObject(base) ? structuredClone(base) : {};
  fields.forEach((field, i) => {
    const input = inputs[i] ?? "";
    if (field.put) field.put(next, input);
    else if (field.key !== null) {
      const value = convert(field, input);
      if (value === undefined) delete next[field.key];
      else next[field.key] = value;
    }
  });
  return next;
}
