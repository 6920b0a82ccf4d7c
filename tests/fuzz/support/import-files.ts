// Generated import files: mutations of a valid provider document (wrong types, missing and extra
// keys, prototype keys, huge arrays, deep nesting, hostile strings), responsibility matrices with
// hostile cells rendered as CSV, Markdown or an XLSX workbook, and workbooks that are not workbooks
// (garbage, truncated or bit-flipped zips).
import ExcelJS from "exceljs";
import * as fc from "fast-check";
import { deeplyNestedJson, formulaText, hostileJsonValue, hostileText, prototypeKeys } from "./arbitraries";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every place in a JSON value (the root excluded), outermost first. */
function placesIn(value: Json, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => [[...path, i], ...placesIn(item, [...path, i])]);
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([key, item]) => [[...path, key], ...placesIn(item, [...path, key])]);
  return [];
}

/** Stands in for a value nested thousands of levels deep until the document is written as text. */
const DEEP = "\u0001deep-nesting\u0001";

type Mutation =
  | { kind: "set"; at: number; value: unknown }
  | { kind: "delete"; at: number }
  | { kind: "extra-key"; at: number; key: string; value: unknown }
  | { kind: "repeat"; at: number; times: number }
  | { kind: "deep"; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), at: fc.nat(), value: hostileJsonValue }),
  fc.record({ kind: fc.constant("set" as const), at: fc.nat(), value: fc.oneof(hostileText(100), formulaText) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("extra-key" as const),
    at: fc.nat(),
    key: fc.oneof(fc.constantFrom(...prototypeKeys), hostileText(20)),
    value: hostileJsonValue,
  }),
  fc.record({ kind: fc.constant("repeat" as const), at: fc.nat(), times: fc.constantFrom(2, 101, 501, 5_000) }),
  fc.record({ kind: fc.constant("deep" as const), at: fc.nat() }),
);

function apply(document: Json, change: Mutation): void {
  const places = placesIn(document);
  if (places.length === 0) return;
  const path = places[change.at % places.length]!;
  const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string, Json>)[key]!, document) as
    Json[] | Record<string, Json>;
  const key = path.at(-1)!;
  const target = parent as Record<string | number, Json>;
  switch (change.kind) {
    case "set":
      target[key] = change.value as Json;
      break;
    case "delete":
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete target[key];
      break;
    case "extra-key": {
      const node = target[key];
      // defineProperty: "__proto__" becomes an own key, as JSON.parse makes it, and is written out.
      if (node && typeof node === "object" && !Array.isArray(node))
        Object.defineProperty(node, change.key, {
          value: change.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      break;
    }
    case "repeat": {
      // A list grown far beyond its limit, or a single value turned into a list of itself; never
      // past a few megabytes (beyond the import limits, more size tests nothing new).
      const node = target[key]!;
      const times = Math.min(change.times, Math.ceil(3_000_000 / JSON.stringify(node).length));
      // Copies, not shared references: a later mutation must change one place, not thousands.
      target[key] = Array.isArray(node)
        ? Array.from({ length: times }, (_, i) => structuredClone(node[i % Math.max(1, node.length)] ?? null))
        : Array.from({ length: times }, () => structuredClone(node));
      break;
    }
    case "deep":
      target[key] = DEEP;
  }
}

/** A valid provider document (JSON text) with a few mutations, written out as text. */
export function mutatedDocument(validJson: string): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(mutation, { minLength: 0, maxLength: 4 }), fc.constantFrom(1_000, 20_000), fc.boolean())
    .map(([mutations, depth, pretty]) => {
      const document = JSON.parse(validJson) as Json;
      for (const change of mutations) {
        apply(document, change);
        // Past the import limits (2 MiB) more mutations test nothing new and only cost memory.
        if (JSON.stringify(document).length > 3_000_000) break;
      }
      const text = JSON.stringify(document, null, pretty ? 2 : undefined);
      // One deep value per document: a list of thousands of them (a later "repeat") would be gigabytes.
      let deep = deeplyNestedJson(depth, depth % 2 ? "object" : "array");
      return text.replaceAll(JSON.stringify(DEEP), () => {
        const value = deep;
        deep = "null";
        return value;
      });
    });
}

/** Text that is slow for careless patterns: long runs of Markdown, list markers, brackets and spaces. */
export const repetitive = fc
  .tuple(
    fc.constantFrom(
      "*",
      "_",
      "**a",
      "_a ",
      "*a ",
      "[",
      "[a](",
      "](",
      "<br",
      "| ",
      "- ",
      "1. ",
      "\\|",
      '"',
      "a,",
      " ",
      "\t",
      "(",
      "( ",
      "#",
      " #",
    ),
    fc.integer({ min: 100, max: 20_000 }),
    fc.constantFrom("", "x", ")", "#"),
  )
  .map(([piece, times, end]) => piece.repeat(times) + end);

/** What a matrix cell may hold: RACI letters, "N/A", duties, formulas, hostile and huge text. */
const cell = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("R", "A", "A/R", "R, A", "C", "I", "RACI", "RX", "-", "N/A", "", "x") },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "Patch hosts",
      "Should: back up data\nMay: encrypt",
      "- a\n- b\n1) c",
      "We are not responsible for backups",
    ),
  },
  { weight: 2, arbitrary: formulaText },
  { weight: 3, arbitrary: hostileText(80) },
  { weight: 1, arbitrary: repetitive },
);

/** A header the importer understands (an area column, some parties, optional columns, any order). */
function validHeader(partyNames: readonly string[]): fc.Arbitrary<string[]> {
  return fc
    .tuple(
      fc.constantFrom("Responsibility", "Area", "Activity", "Control"),
      fc.subarray([...partyNames], { minLength: 1 }),
      fc.subarray(["Notes", "Assignment", "Group"]),
    )
    .chain(([name, parties, extras]) =>
      fc.shuffledSubarray([name, ...parties, ...extras], { minLength: 2 + extras.length + parties.length - 1 }),
    );
}

/** A row under `columns` header cells: an area name, then cells (sometimes too few or too many). */
function row(columns: number): fc.Arbitrary<string[]> {
  const name = fc.oneof(
    fc.constantFrom("Hardware", "Data", "Network setup", "Patch hypervisors"),
    hostileText(60),
    formulaText,
  );
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .tuple(name, fc.array(cell, { minLength: columns - 1, maxLength: columns - 1 }))
        .map(([n, c]) => [n, ...c]),
    },
    { weight: 1, arbitrary: fc.array(cell, { maxLength: columns + 3 }) },
  );
}

/**
 * A table: mostly a header the importer understands (sometimes a hostile one), then rows of cells;
 * now and then more rows than an import may hold (500).
 */
export function matrixTable(partyNames: readonly string[]): fc.Arbitrary<string[][]> {
  const hostileHeader = fc.array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...partyNames, "Responsibility", "Area", "Notes", "ID") },
      { weight: 1, arbitrary: cell },
    ),
    { maxLength: 12 },
  );
  return fc
    .oneof({ weight: 4, arbitrary: validHeader(partyNames) }, { weight: 1, arbitrary: hostileHeader })
    .chain((header) =>
      fc.tuple(
        fc.constant(header),
        fc.oneof(
          { weight: 12, arbitrary: fc.integer({ min: 0, max: 12 }) },
          { weight: 1, arbitrary: fc.constantFrom(499, 500, 501) },
        ),
        fc.array(row(Math.max(1, header.length)), { minLength: 1, maxLength: 12 }),
      ),
    )
    .map(([header, rowCount, rows]) => [
      header,
      // Rows beyond the generated ones repeat them with short cells, so a long table stays small.
      ...Array.from({ length: rowCount }, (_, i) =>
        i < rows.length ? rows[i]! : rows[i % rows.length]!.map((text) => text.slice(0, 100)),
      ),
    ]);
}

export interface CsvStyle {
  separator: string;
  quote: "always" | "needed" | "never";
  newline: string;
  bom: boolean;
}

/** CSV as spreadsheets and people write it: quoted or not, comma or semicolon, CRLF or LF, with a BOM. */
export const csvStyle: fc.Arbitrary<CsvStyle> = fc.record({
  separator: fc.constantFrom(",", ";", "\t"),
  quote: fc.constantFrom("always" as const, "needed" as const, "needed" as const, "never" as const),
  newline: fc.constantFrom("\n", "\r\n", "\r"),
  bom: fc.boolean(),
});

export function toCsv(table: string[][], style: CsvStyle): string {
  const field = (text: string) =>
    style.quote === "always" || (style.quote === "needed" && /[",;\r\n\t]/.test(text))
      ? `"${text.replace(/"/g, '""')}"`
      : text;
  return (style.bom ? "\ufeff" : "") + table.map((row) => row.map(field).join(style.separator)).join(style.newline);
}

export function toMarkdown(table: string[][], heading: string): string {
  const [header = [], ...rows] = table;
  const line = (cells: string[]) =>
    `| ${cells.map((c) => c.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>")).join(" | ")} |`;
  return [`## ${heading}`, "", line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** An XLSX workbook of the table, each body cell as text, number, formula, rich text or error. */
export async function toWorkbook(table: string[][], sheetName: string): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  let name = sheetName.replace(/[\\/?*[\]:]/g, "_").slice(0, 31) || "Sheet";
  if (/^'|'$/.test(name) || name.toLowerCase() === "history") name = "Sheet";
  const sheet = book.addWorksheet(name);
  const [header = [], ...rows] = table;
  sheet.addRow(header.map((text) => text.slice(0, 32_767)));
  for (const row of rows)
    sheet.addRow(
      row.map((text, i): ExcelJS.CellValue => {
        // Excel holds at most 32,767 characters in a cell.
        const value = text.slice(0, 32_767);
        if (value.startsWith("="))
          return { formula: value.slice(1), result: i % 2 ? value : undefined } as ExcelJS.CellFormulaValue;
        if (i % 7 === 3) return { richText: [{ text: value }, { text: "!", font: { bold: true } }] };
        if (i % 11 === 5) return { error: "#N/A" } as ExcelJS.CellErrorValue;
        if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
        return value;
      }),
    );
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/**
 * A workbook whose shared strings are missing (renamed inside the zip, which stays valid): exceljs
 * then reads every text cell as a number.
 */
export function withoutSharedStrings(valid: Uint8Array): Uint8Array {
  const renamed = Buffer.from(valid).toString("latin1").replaceAll("xl/sharedStrings.xml", "xl/sharedStrinXX.xml");
  return new Uint8Array(Buffer.from(renamed, "latin1"));
}

/** Bytes that claim or try to be a workbook: garbage behind a zip signature, truncations, flipped bits. */
export function brokenWorkbook(valid: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    fc.constant(withoutSharedStrings(valid)),
    fc.uint8Array({ maxLength: 4_000 }).map((rest) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...rest])),
    fc.nat({ max: valid.length }).map((length) => valid.slice(0, length)),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 20 }).map((flips) => {
      const bytes = valid.slice();
      for (const [at, mask] of flips) bytes[at % bytes.length]! ^= mask;
      return bytes;
    }),
    fc.uint8Array({ maxLength: 2_000 }),
  );
}
