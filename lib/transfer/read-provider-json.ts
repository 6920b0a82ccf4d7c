// Reads an uploaded provider JSON file into a provider document: size limit, JSON syntax (with line
// and column) and the provider document schema (with field paths). Pure: no database.
import type { FieldError } from "@/lib/errors";
import { providerDocumentSchema, slugSchema, type ProviderDocument } from "@/lib/validation/provider-document";
import { fieldErrorsFrom } from "@/lib/validation/parse-input";

export const providerImportLimits = { maxBytes: 2 * 1024 * 1024, maxReportedErrors: 100 } as const;

type ReadResult =
  | { ok: true; document: ProviderDocument }
  | { ok: false; message: string; errors: FieldError[]; moreErrors: number; slug: string | null };

/** Size limit, JSON syntax (with line and column) and the provider document schema (with field paths). Pure. */
export function readProviderJson(json: string): ReadResult {
  const refuse = (message: string, path = "file"): ReadResult => ({
    ok: false,
    message,
    errors: [{ path, message }],
    moreErrors: 0,
    slug: null,
  });
  const bytes = Buffer.byteLength(json);
  if (bytes > providerImportLimits.maxBytes)
    return refuse(
      `The file is larger than ${providerImportLimits.maxBytes / 1024 / 1024} MiB (it has ${(bytes / 1024 / 1024).toFixed(1)} MiB).`,
    );
  const text = json.replace(/^\uFEFF/, "");
  if (!text.trim()) return refuse("The file is empty.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const found = findJsonSyntaxError(text);
    if (!found) return refuse(`The file is not valid JSON: ${(error as Error).message}.`);
    const { line, column } = lineAndColumn(text, found.offset);
    return refuse(`The file is not valid JSON: line ${line}, column ${column}: ${found.message}.`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return refuse("The file must hold one provider: a JSON object such as the export of a provider.");
  const parsed = providerDocumentSchema.safeParse(value);
  if (parsed.success) return { ok: true, document: parsed.data };
  const rawSlug = slugSchema.safeParse((value as { slug?: unknown }).slug);
  const all = fieldErrorsFrom(parsed.error, { emptyPath: "(document)" });
  const shown = all.slice(0, providerImportLimits.maxReportedErrors);
  return {
    ok: false,
    message: `The file is not a valid provider document: ${all.length} ${all.length === 1 ? "problem" : "problems"}.`,
    errors: shown,
    moreErrors: all.length - shown.length,
    slug: rawSlug.success ? rawSlug.data : null,
  };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Where JSON.parse gave up, as an offset and a plain explanation (Node's own messages do not always
 * say where). Only run on text that JSON.parse refused.
 */
export function findJsonSyntaxError(text: string): { offset: number; message: string } | null {
  const maxDepth = 1000;
  let i = 0;
  class Stop {
    constructor(
      readonly offset: number,
      readonly message: string,
    ) {}
  }
  const fail = (message: string): never => {
    throw new Stop(i, message);
  };
  const describe = (ch: string | undefined) =>
    ch === undefined ? "the end of the file" : /\s/.test(ch) ? "a line break or space" : `"${ch}"`;
  const space = () => {
    while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  const string = () => {
    i++;
    for (;;) {
      const ch = text[i];
      if (ch === undefined) fail("a string is never closed (missing '\"')");
      else if (ch === '"') {
        i++;
        return;
      } else if (ch === "\\") {
        const next = text[i + 1];
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('"\\u" must be followed by four hex digits');
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else fail(`invalid escape "\\${next ?? ""}" in a string`);
      } else if (ch.charCodeAt(0) < 0x20) fail("a line break or control character inside a string (write \\n)");
      else i++;
    }
  };
  const value = (depth: number): void => {
    space();
    if (depth > maxDepth) fail(`values are nested more than ${maxDepth} levels deep`);
    const ch = text[i];
    if (ch === "{") {
      i++;
      space();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text[i] !== '"')
          fail(`expected a property name in double quotes, found ${describe(text[i])} (a trailing comma?)`);
        string();
        space();
        if (text[i] !== ":") fail(`expected ":" after the property name, found ${describe(text[i])}`);
        i++;
        value(depth + 1);
        space();
        if (text[i] === ",") i++;
        else if (text[i] === "}") {
          i++;
          return;
        } else fail(`expected "," or "}" after a property value, found ${describe(text[i])}`);
      }
    }
    if (ch === "[") {
      i++;
      space();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        space();
        if (text[i] === ",") i++;
        else if (text[i] === "]") {
          i++;
          return;
        } else fail(`expected "," or "]" after a list item, found ${describe(text[i])}`);
      }
    }
    if (ch === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (literal) {
      i += literal[0].length;
      return;
    }
    fail(`expected a value, found ${describe(ch)}`);
  };
  try {
    value(0);
    space();
    if (i < text.length) fail(`unexpected ${describe(text[i])} after the end of the document`);
    return null;
  } catch (error) {
    if (error instanceof Stop) return { offset: error.offset, message: error.message };
    throw error;
  }
}
