import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { importLimits, parseMatrixTable } from "@/lib/transfer/parse-matrix-table";
import { providerDocumentSchema } from "@/lib/validation/provider-document";
import { danubedata } from "@/prisma/seed/danubedata";

const seedDoc = readFileSync(path.resolve("../shared/seed-docs/004_827cda325b6e9bfa.txt"), "utf8");
const seeded = providerDocumentSchema.parse(danubedata);

/** The seed document's sections 2.1 … 2.8 and 3, each holding one Markdown table. */
function sections(): string[] {
  return seedDoc.split(/\n(?=\d\.\d? ?\d* ?[A-Z])/).filter((chunk) => chunk.includes("|---|"));
}

describe("Markdown tables from the seed documents", () => {
  test("every DanubeData service table imports as exactly the seeded rows", () => {
    const tables = sections();
    expect(tables).toHaveLength(9);
    seeded.services.forEach((service, i) => {
      const result = parseMatrixTable({ text: tables[i]!, format: "markdown" });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.rows.flatMap((r) => r.errors)).toEqual([]);
      expect(result.rows.map((r) => r.area)).toEqual(service.areas);
    });
  });

  test("the cross-cutting table (Area | DanubeData Responsibility | Customer Responsibility) imports too", () => {
    const result = parseMatrixTable({ text: sections()[8]!, format: "markdown" });
    expect(result.ok && result.rows.map((r) => r.area)).toEqual(seeded.crossCuttingAreas);
  });
});

describe("CSV", () => {
  test("reads quoted fields with commas, quotes and newlines, and optional columns", () => {
    const csv = [
      "Responsibility Area,Acme,Customer,Assignment,Plane,Notes",
      '"Backups, offsite","Snapshots, ""cold"" copies","Restore tests",,data,"Weekly\nchecks"',
      "Hardware,N/A,-,customer,,",
    ].join("\r\n");
    const result = parseMatrixTable({ text: csv, format: "csv" });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.rows.map((r) => [r.line, r.errors])).toEqual([
      [2, []],
      [4, []],
    ]);
    expect(result.rows[0]!.area).toEqual({
      key: "backups-offsite",
      name: "Backups, offsite",
      assignment: "shared",
      cells: [
        { party: "provider", duties: [{ text: "Snapshots" }, { text: '"cold" copies' }] },
        { party: "customer", duties: [{ text: "Restore tests" }] },
      ],
      plane: "data",
      notes: "Weekly\nchecks",
    });
    // "N/A" is a cell marked not applicable; "-" is no cell at all.
    expect(result.rows[1]!.area).toEqual({
      key: "hardware",
      name: "Hardware",
      assignment: "customer",
      cells: [{ party: "provider", duties: [], notApplicable: true }],
    });
  });

  test("semicolon-separated files (spreadsheet exports) work", () => {
    const result = parseMatrixTable({ text: "Area;Provider;Customer\nPower;Cooling;N/A", format: "csv" });
    expect(result.ok && result.rows[0]!.area?.assignment).toBe("provider");
  });

  test.each([
    ['Area,Provider,Customer\n"Unclosed,a,b', /Line 2: a quoted field is never closed/],
    ['Area,Provider,Customer\nBad "quote",a,b', /Line 2: a quote inside an unquoted field/],
    ["Name,Owner,Client\nA,b,c", /Expected the columns "Responsibility Area".*found: "Name", "Owner", "Client"/],
    ["Area,Provider,Customer,Extra,More\nA,b,c,d,e", /Expected the columns/],
    ["", /no table/],
  ])("a malformed file is refused whole: %j", (text, message) => {
    const result = parseMatrixTable({ text, format: "csv" });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });

  test("size and row limits give clear errors", () => {
    const big = "Area,Provider,Customer\n" + "x".repeat(importLimits.maxBytes);
    expect(parseMatrixTable({ text: big, format: "csv" })).toEqual({
      ok: false,
      error: "The file is larger than 512 KiB.",
    });
    const many =
      "Area,Provider,Customer\n" + Array.from({ length: importLimits.maxRows + 1 }, (_, i) => `A${i},p,c`).join("\n");
    expect(parseMatrixTable({ text: many, format: "csv" })).toEqual({
      ok: false,
      error: "The table has 501 rows; at most 500 can be imported at once.",
    });
  });

  test("row problems are reported per row and the row is not importable", () => {
    const csv = [
      "Area,Provider,Customer,Assignment,Plane",
      ",duty,duty,,",
      "Same,duty,,,",
      "same,,duty,,",
      "Odd,duty,duty,everyone,",
      "Empty,-,-,,",
      "Planes,duty,,,edge",
      "Short,duty",
    ].join("\n");
    const result = parseMatrixTable({ text: csv, format: "csv" });
    if (!result.ok) throw new Error(result.error);
    expect(Object.fromEntries(result.rows.map((r) => [r.line, r.errors]))).toEqual({
      2: ["Responsibility Area: Required"],
      3: [],
      4: ["Same area name as line 3."],
      5: [expect.stringMatching(/^Assignment: Choose one of: provider, customer, shared/)],
      6: ["Neither side lists a duty: add an Assignment column value."],
      7: [expect.stringMatching(/^Plane: /)],
      8: ["Has 2 cells; the header has 5."],
    });
    expect(result.rows.filter((r) => r.area).map((r) => r.line)).toEqual([3]);
  });

  test("every row gets a key from its name, unique within the file", () => {
    const csv = [
      "Area,Provider,Customer",
      "Backups & Snapshots,a,b",
      "Ärger,a,",
      "!!!,,b",
      "Backups  Snapshots,a,b",
    ].join("\n");
    const result = parseMatrixTable({ text: csv, format: "csv" });
    if (!result.ok) throw new Error(result.error);
    expect(result.rows.map((r) => [r.line, r.area?.key, r.errors])).toEqual([
      [2, "backups-snapshots", []],
      [3, "rger", []],
      [4, "area", []],
      [5, "backups-snapshots-2", []],
    ]);
  });
});

test("Markdown without a table is refused", () => {
  expect(parseMatrixTable({ text: "# Title\nNo table here", format: "markdown" })).toMatchObject({
    ok: false,
    error: expect.stringMatching(/No Markdown table found/),
  });
});
