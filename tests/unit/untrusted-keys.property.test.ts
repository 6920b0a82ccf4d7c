// Generated attacks on every place where outside input names a key: editor change paths (set,
// insert, remove, move), import column names (CSV, Markdown) and provider JSON. Each is refused with
// a clear message, the document is untouched, and no built-in prototype changes (the prototype guard
// in tests/support checks that after every test as well).
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  applyDocumentChange,
  ChangeConflict,
  ChangeNotApplicable,
  type DocumentChange,
  type DocumentPath,
} from "@/lib/domain/document-changes";
import { readProviderJson } from "@/lib/drafts/import-provider-document";
import { readHeader } from "@/lib/transfer/matrix-import/columns";
import { interpretTables } from "@/lib/transfer/matrix-import/interpret";
import { readCsvTables, readMarkdownTables } from "@/lib/transfer/matrix-import/source-table";
import { documentChangeSchema } from "@/lib/validation/document-change";
import { providerDocumentSchema } from "@/lib/validation/provider-document";
import { makeProviderDocument } from "@/tests/factories/provider-document";
import { prototypeChanges } from "@/tests/support/prototype-guard";

const prototypeName = fc.constantFrom("__proto__", "constructor", "prototype");
const ordinaryKey = fc.constantFrom("services", "areas", "name", "cells", "duties", "layers", "source", "parties");
const index = fc.oneof(
  fc.nat({ max: 3 }),
  fc.constantFrom(-1, -100, 2 ** 31, 100_001, Number.MAX_SAFE_INTEGER, 1.5),
  fc.constantFrom("0", "1", "-1", "1e3", "00"),
);
/** A path with a prototype name somewhere (any depth), the rest real keys, indexes and numeric strings. */
const pollutingPath = fc
  .tuple(
    fc.array(fc.oneof(ordinaryKey, index), { maxLength: 8 }),
    prototypeName,
    fc.nat(),
    fc.array(ordinaryKey, { maxLength: 3 }),
  )
  .map(([rest, bad, at, tail]) => {
    const path: DocumentPath = [...rest];
    path.splice(at % (path.length + 1), 0, bad);
    return [...path, ...tail] as DocumentPath;
  });
/** Paths with a list index that is negative, huge, fractional or a numeric string. */
const badIndexPath = fc
  .tuple(fc.constantFrom(-1, -7, 100_001, 2 ** 40, 0.5), fc.constantFrom("0", "3", "-1", "1e2"))
  .chain(([number, text]) =>
    fc.constantFrom<DocumentPath>(
      ["services", number],
      ["services", 0, "areas", number, "name"],
      ["services", text],
      ["services", 0, "areas", text],
    ),
  );

/** Every way the change schema explains a path it refuses. */
const clearPathMessage =
  /is not a field of|is a list: expected a row number|is a single value|row number is a whole number|field name or a row number/;

const changeFor = (op: DocumentChange["op"], path: DocumentPath, value: unknown): DocumentChange =>
  op === "set"
    ? { op, path, expected: undefined, value }
    : op === "insert"
      ? { op, path, value }
      : op === "remove"
        ? { op, path }
        : { op, path, to: 0 };

const op = fc.constantFrom<DocumentChange["op"]>("set", "insert", "remove", "move");
const payload = fc.oneof(fc.string(), fc.jsonValue(), fc.constant({ polluted: true }));
const document = providerDocumentSchema.parse(makeProviderDocument());

describe("editor change paths", () => {
  test("a prototype name at any depth, for every operation, is refused by the schema with a field error", () => {
    fc.assert(
      fc.property(op, pollutingPath, payload, (kind, path, value) => {
        const parsed = documentChangeSchema.safeParse(changeFor(kind, path, value));
        expect(parsed.success).toBe(false);
        const [issue] = parsed.error!.issues;
        expect(issue?.path[0]).toBe("path");
        expect(issue?.message).toMatch(clearPathMessage);
      }),
      { numRuns: 500 },
    );
  });

  test("applied without the schema, such a change is refused and writes nowhere", () => {
    fc.assert(
      fc.property(op, pollutingPath, payload, (kind, path, value) => {
        const before = structuredClone(document);
        expect(() => applyDocumentChange(document, changeFor(kind, path, value))).toThrow(ChangeNotApplicable);
        expect(document).toEqual(before);
        expect(prototypeChanges()).toEqual([]);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  test("negative, huge, fractional and numeric-string indexes are refused by the schema and by the walker", () => {
    fc.assert(
      fc.property(op, badIndexPath, payload, (kind, path, value) => {
        expect(documentChangeSchema.safeParse(changeFor(kind, path, value)).error?.issues[0]?.message).toMatch(
          clearPathMessage,
        );
        const before = structuredClone(document);
        let outcome: unknown;
        try {
          outcome = applyDocumentChange(document, changeFor(kind, path, value));
        } catch (error) {
          outcome = error;
        }
        expect(outcome instanceof ChangeNotApplicable || outcome instanceof ChangeConflict).toBe(true);
        expect(document).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });
});

describe("imports", () => {
  const header = (name: string, format: "csv" | "markdown") =>
    format === "csv"
      ? `Responsibility Area,${name},Customer\nBackups,Snapshots,Restores\n`
      : `| Responsibility Area | ${name} | Customer |\n|---|---|---|\n| Backups | Snapshots | Restores |\n`;

  const parties = [
    { key: "provider", name: "Acme", role: "provider" as const },
    { key: "customer", name: "Customer", role: "customer" as const },
  ];
  /** A prototype name as a header might write it: any letter case. */
  const columnName = fc
    .tuple(prototypeName, fc.array(fc.boolean(), { minLength: 11, maxLength: 11 }))
    .map(([name, upper]) => [...name].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch)).join(""));

  test("a CSV or Markdown column named after a prototype is refused with a message naming it", () => {
    fc.assert(
      fc.property(columnName, fc.constantFrom<"csv" | "markdown">("csv", "markdown"), (name, format) => {
        const read = format === "csv" ? readCsvTables(header(name, format)) : readMarkdownTables(header(name, format));
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        const error = `A column may not be called "${name}".`;
        expect(readHeader(read.tables[0]!.header.cells, parties)).toEqual({ ok: false, error });
        expect(interpretTables({ tables: read.tables, parties, split: "lines" })).toEqual({ ok: false, error });
        expect(prototypeChanges()).toEqual([]);
      }),
    );
  });

  test("provider JSON with a prototype key at any depth is refused and names the place", () => {
    const places: ((doc: Record<string, unknown>, key: string) => string)[] = [
      (doc, key) => (((doc as Record<string, unknown>)[`${key}`] = { polluted: true }), "(document)"),
      (doc, key) => {
        const service = (doc.services as Record<string, unknown>[])[0]!;
        service[key] = { polluted: true };
        return "services.0";
      },
      (doc, key) => {
        const area = (doc.services as { areas: Record<string, unknown>[] }[])[0]!.areas[0]!;
        area[key] = { prototype: { polluted: true } };
        return "services.0.areas.0";
      },
    ];
    fc.assert(
      fc.property(prototypeName, fc.constantFrom(...places.keys()), (key, place) => {
        const doc = JSON.parse(JSON.stringify(makeProviderDocument())) as Record<string, unknown>;
        const where = places[place]!(doc, "PLACEHOLDER");
        const text = JSON.stringify(doc).replace('"PLACEHOLDER"', JSON.stringify(key));
        const result = readProviderJson(text);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.errors).toContainEqual({ path: where, message: `Unrecognized key: "${key}"` });
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
    );
  });
});
