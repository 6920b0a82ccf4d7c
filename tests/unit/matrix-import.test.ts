// The matrix import (lib/transfer/matrix-import/*, lib/drafts/plan-matrix-import.ts): the seed
// documents' tables read back as the seeded rows, and tables written here in the shapes real
// providers publish — a RACI matrix in nested lifecycle phases (Markdown), a three-party duties
// matrix (CSV), a CAIQ v4 sheet (XLSX) and a table derived from prose — read as the model says.
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { responsibleParties } from "@/lib/domain/assignment";
import { planMatrixImport } from "@/lib/drafts/plan-matrix-import";
import { readCell } from "@/lib/transfer/matrix-import/cells";
import { columnRole, readHeader, type ImportParty } from "@/lib/transfer/matrix-import/columns";
import {
  interpretTables,
  parseReferences,
  splitNumber,
  type CellCorrection,
  type InterpretResult,
} from "@/lib/transfer/matrix-import/interpret";
import { detectMatrixFormat, importLimits, readMatrixFile } from "@/lib/transfer/matrix-import/read-matrix-file";
import { readCsvTables, readMarkdownTables } from "@/lib/transfer/matrix-import/source-table";
import { providerDocumentSchema, type Area, type ProviderDocument } from "@/lib/validation/provider-document";
import { danubedata } from "@/prisma/seed/danubedata";
import { makeProviderDocument } from "@/tests/factories/provider-document";
import { readSeedDoc } from "@/tests/support/seed-docs";

type Read = Extract<InterpretResult, { ok: true }>;

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");

/** Cloudy runs its platform on a hyperscaler: three parties, in this order. */
const cloudy: ImportParty[] = [
  { key: "provider", name: "Cloudy", role: "provider" },
  { key: "customer", name: "Customer", role: "customer" },
  { key: "hyperscaler", name: "Hyperscaler", role: "third-party" },
];

function read(
  format: "csv" | "markdown",
  text: string,
  options: {
    parties?: readonly ImportParty[];
    split?: "lines" | "commas";
    corrections?: CellCorrection[];
    maxRows?: number;
  } = {},
): InterpretResult {
  const tables = format === "csv" ? readCsvTables(text) : readMarkdownTables(text);
  if (!tables.ok) return tables;
  return interpretTables({ tables: tables.tables, parties: cloudy, split: "lines", ...options });
}

function readOk(...args: Parameters<typeof read>): Read {
  const result = read(...args);
  if (!result.ok) throw new Error(result.error);
  return result;
}

const rowNamed = (result: Read, name: string, group?: string) => {
  const row = result.rows.find((r) => r.name === name && (group === undefined || r.groups.at(-1) === group));
  if (!row) throw new Error(`No row "${name}"`);
  return row;
};

const seedDoc = readSeedDoc("004_827cda325b6e9bfa.txt");
const seeded = providerDocumentSchema.parse(danubedata);
/** The seed document's sections 2.1 … 2.8 and 3, each holding one Markdown table. */
const sections = seedDoc.split(/\n(?=\d\.\d? ?\d* ?[A-Z])/).filter((chunk) => chunk.includes("|---|"));

/** Who carries an imported area, sorted: its parties, or the assignment's default (left out when equal). */
const carriers = (area: Area | null | undefined) =>
  area ? responsibleParties(area.assignment, area.parties, cloudy).sort() : undefined;

describe("the seed documents' Markdown tables", () => {
  const meaning = (area: Pick<Area, "name" | "assignment" | "cells">) => ({
    name: area.name,
    assignment: area.assignment,
    cells: area.cells,
  });
  const sameParties = (imported: Area, seed: Area) =>
    expect(responsibleParties(imported.assignment, imported.parties, seeded.parties).sort()).toEqual(
      responsibleParties(seed.assignment, seed.parties, seeded.parties).sort(),
    );

  test("every DanubeData service table reads (split at commas) as exactly the seeded rows", () => {
    expect(sections).toHaveLength(9);
    seeded.services.forEach((service, i) => {
      const result = readOk("markdown", sections[i]!, { parties: seeded.parties, split: "commas" });
      expect(result.headers).toEqual([["Responsibility Area", "DanubeData", "Customer"]]);
      // One table per section: its text heading is no group.
      expect(result.groups).toEqual([]);
      expect(result.rows.flatMap((r) => r.errors)).toEqual([]);
      expect(result.rows.map((r) => r.area && meaning(r.area))).toEqual(service.areas.map(meaning));
      result.rows.forEach((row, j) => sameParties(row.area as Area, service.areas[j]!));
    });
  });

  test("the cross-cutting table (Area | DanubeData Responsibility | Customer Responsibility) reads too", () => {
    const result = readOk("markdown", sections[8]!, { parties: seeded.parties, split: "commas" });
    expect(result.rows.flatMap((r) => r.errors)).toEqual([]);
    expect(result.rows.map((r) => r.area && meaning(r.area))).toEqual(seeded.crossCuttingAreas.map(meaning));
  });

  test("split at line breaks only, a seed cell stays one duty and says why", () => {
    const result = readOk("markdown", sections[0]!, { parties: seeded.parties, split: "lines" });
    const first = result.rows[0]!;
    expect(first.area?.cells[0]).toEqual({
      party: "provider",
      duties: [{ text: "Data center security, power, cooling, hardware procurement and maintenance" }],
    });
    expect(first.cells[0]!.reading.notes).toEqual([
      "one duty (commas kept: the file's rule splits at line breaks only)",
    ]);
  });
});

describe("a RACI matrix in nested lifecycle phases (Markdown)", () => {
  const result = readOk("markdown", fixture("raci-lifecycle.md"), { split: "commas" });

  test("reads all twelve activities without errors, the repeated name in another phase included", () => {
    expect(result.rows.map((r) => [r.line, r.name, r.errors])).toEqual([
      [16, "Define requirements", []],
      [17, "Choose regions", []],
      [18, "Capacity planning", []],
      [24, "Sign the contract", []],
      [25, "Approve the budget", []],
      [26, "Order hardware", []],
      [34, "Patch hypervisors", []],
      [35, "Monitor workloads", []],
      [36, "Capacity planning", []],
      [37, "Respond to incidents", []],
      [38, "Back up customer data", []],
      [39, "Decommission data", []],
    ]);
    expect(result.headers[0]).toEqual(["Activity", "Customer", "Cloudy", "Hyperscaler"]);
  });

  test("headings become groups with numbers and descriptions; the document title is none", () => {
    expect(result.groups.map((g) => g.title)).toEqual(["Plan", "Design", "Procurement", "Operate"]);
    expect(result.groups).toContainEqual({
      key: "plan",
      title: "Plan",
      number: "1",
      description: "Everything decided before a workload moves.",
    });
    expect(result.groups).toContainEqual(
      expect.objectContaining({
        key: "design",
        number: "1.1",
        description: "Architecture and landing-zone decisions.",
      }),
    );
    expect(result.groups.find((g) => g.key === "procurement")).not.toHaveProperty("description");
    expect(result.groups.some((g) => /Responsibility Matrix/.test(g.title))).toBe(false);
    expect(rowNamed(result, "Order hardware").groups).toEqual(["Plan", "Procurement"]);
    expect(rowNamed(result, "Patch hypervisors").groups).toEqual(["Operate"]);
    expect(rowNamed(result, "Patch hypervisors").area?.group).toBe("operate");
  });

  test("sub-section groups sit in their phase", () => {
    expect(result.groups.find((g) => g.key === "design")?.parent).toBe("plan");
    expect(result.groups.find((g) => g.key === "procurement")?.parent).toBe("plan");
  });

  test("RACI letters are normalised to R, A, C, I order with a note", () => {
    const regions = rowNamed(result, "Choose regions");
    expect(regions.cells.map((c) => [c.header, c.raw, c.reading.kind, c.reading.raci, c.reading.notes])).toEqual([
      ["Customer", "A", "raci", "A", ["RACI letters A"]],
      ["Cloudy", "R", "raci", "R", ["RACI letters R"]],
      ["Hyperscaler", "C, I", "raci", "CI", ["RACI letters “C, I” → CI"]],
    ]);
    const planning = rowNamed(result, "Capacity planning", "Design");
    expect(planning.cells[1]!.reading).toMatchObject({ kind: "raci", raci: "RA", notes: ["RACI letters “A/R” → RA"] });
    // "-" is no cell at all; the cells follow the provider's party order, not the file's column order.
    expect(rowNamed(result, "Define requirements").area?.cells).toEqual([
      { party: "provider", duties: [], raci: "C" },
      { party: "customer", duties: [], raci: "RA" },
    ]);
  });

  test("assignments are derived from the letters: R carries the work, else A", () => {
    const assignment = (name: string, group?: string) => {
      const row = rowNamed(result, name, group);
      return [row.area?.assignment, carriers(row.area), row.assignmentSource];
    };
    const derived = "derived from the RACI letters";
    expect(assignment("Sign the contract")).toEqual(["shared", ["customer", "provider"], derived]);
    expect(assignment("Order hardware")).toEqual(["third-party", ["hyperscaler"], derived]);
    expect(assignment("Patch hypervisors")).toEqual(["third-party", ["hyperscaler"], derived]);
    expect(assignment("Approve the budget")).toEqual(["customer", ["customer"], derived]);
    expect(assignment("Respond to incidents")).toEqual(["provider", ["provider"], derived]);
    expect(assignment("Decommission data")).toEqual(["shared", ["customer", "hyperscaler", "provider"], derived]);
  });

  test("the same name in two phases is two areas; twice in one phase is an error on the repeat", () => {
    const planning = result.rows.filter((r) => r.name === "Capacity planning");
    expect(planning.map((r) => [r.groups, r.area?.group, r.errors])).toEqual([
      [["Plan", "Design"], "design", []],
      [["Operate"], "operate", []],
    ]);
    const twice = readOk(
      "markdown",
      fixture("raci-lifecycle.md").replace("| Respond to incidents  |", "| Capacity Planning     |"),
    );
    expect(twice.rows.filter((r) => r.errors.length).map((r) => [r.line, r.errors, r.area])).toEqual([
      [37, ["Same area name as line 36 in this group."], null],
    ]);
  });

  test("a row with only C and I letters says the assignment cannot be derived", () => {
    const only = readOk("markdown", "| Activity | Customer | Cloudy |\n|---|---|---|\n| Review | C | I |\n");
    expect(only.rows[0]).toMatchObject({
      area: null,
      errors: ["The RACI letters name no Responsible or Accountable party: add an Assignment column value."],
    });
  });
});

describe("a three-party duties matrix (CSV)", () => {
  const csv = fixture("three-party-duties.csv");

  test("split at line breaks only, a sentence with commas is one duty and the note says commas were kept", () => {
    const result = readOk("csv", csv, { split: "lines" });
    const residency = rowNamed(result, "Data residency");
    expect(residency.cells[0]!.reading).toEqual({
      kind: "duties",
      duties: [
        { text: "Keeps data in the chosen EU region, as agreed in the contract, unless the customer asks otherwise" },
      ],
      notes: ["one duty (commas kept: the file's rule splits at line breaks only)"],
    });
    expect(rowNamed(result, "Physical security").area?.cells).toEqual([
      { party: "hyperscaler", duties: [{ text: "Guards, cameras, badge readers" }] },
    ]);
  });

  test("split at commas too, it is several duties (parentheses keep theirs)", () => {
    const result = readOk("csv", csv, { split: "commas" });
    expect(rowNamed(result, "Data residency").cells[0]!.reading).toEqual({
      kind: "duties",
      duties: [
        { text: "Keeps data in the chosen EU region" },
        { text: "as agreed in the contract" },
        { text: "unless the customer asks otherwise" },
      ],
      notes: ["split at commas into 3 duties"],
    });
    expect(rowNamed(result, "Access reviews").area?.cells[1]).toEqual({
      party: "customer",
      duties: [{ text: "Approves access requests (for admins, operators, auditors)" }, { text: "reviews audit logs" }],
    });
  });

  test.each(["lines", "commas"] as const)("list markers and line breaks split whatever the rule (%s)", (split) => {
    const result = readOk("csv", csv, { split });
    const patching = rowNamed(result, "Host patching");
    expect(patching.cells[0]!.reading).toMatchObject({
      duties: [{ text: "Patch hypervisors" }, { text: "Replace failed disks" }],
      notes: ["2 duties, one per line"],
    });
    expect(rowNamed(result, "Access reviews").area?.cells[0]?.duties).toEqual([
      { text: "Reviews operator access" },
      { text: "Rotates break-glass credentials" },
    ]);
    // A quoted field spanning two lines: the next row's line number counts them.
    expect(result.rows.map((r) => r.line)).toEqual([2, 3, 5, 7]);
  });

  test("assignments follow who lists duties, with the three parties", () => {
    const result = readOk("csv", csv, { split: "commas" });
    expect(result.rows.map((r) => [r.name, r.area?.assignment, carriers(r.area), r.assignmentSource])).toEqual([
      ["Data residency", "shared", ["customer", "provider"], "shared: several parties list duties"],
      ["Host patching", "shared", ["hyperscaler", "provider"], "shared: several parties list duties"],
      ["Access reviews", "shared", ["customer", "provider"], "shared: several parties list duties"],
      ["Physical security", "third-party", ["hyperscaler"], "only Hyperscaler lists duties"],
    ]);
    // "N/A" is a cell marked not applicable.
    expect(rowNamed(result, "Host patching").area?.cells[1]).toEqual({
      party: "customer",
      duties: [],
      notApplicable: true,
    });
  });
});

describe("a CAIQ v4 sheet (XLSX)", () => {
  const header = [
    "Question ID",
    "Question",
    "CSP CAIQ Answer",
    "SSRM Control Ownership",
    "CSP Implementation Description (Optional/Recommended)",
    "CSC Responsibilities (Optional/Recommended)",
    "CCM Control ID",
    "CCM Control Specification",
    "CCM Control Title",
    "CCM Domain Title",
  ];
  const questions = [
    [
      "A&A-01.1",
      "Are audit and assurance policies, procedures, and standards established, documented, approved, communicated, applied, evaluated, and maintained?",
      "Yes",
      "CSP-owned",
      "Audit policies are approved by the board and reviewed every year.",
      "",
      "A&A-01",
      "Establish, document, approve, communicate, apply, evaluate and maintain audit and assurance policies.",
      "Audit and Assurance Policy and Procedures",
      "Audit & Assurance",
    ],
    [
      "IAM-02.1",
      "Are strong password policies and procedures established, documented, approved, communicated, enforced, applied, evaluated, and maintained?",
      "Yes",
      "Shared CSP and CSC",
      "The console enforces a 14-character minimum and MFA for operators.",
      "Customers set password rules for their own tenant users.",
      "IAM-02",
      "Establish, document, approve, communicate, implement, apply, evaluate and maintain strong password policies.",
      "Strong Password Policy and Procedures",
      "Identity & Access Management",
    ],
    [
      "DSP-04.1",
      "Is data classified according to its type and sensitivity level?",
      "NA",
      "CSC-owned",
      "",
      "Customers classify the data they store.",
      "DSP-04",
      "Classify data according to its type and sensitivity level.",
      "Data Classification",
      "Data Security and Privacy Lifecycle Management",
    ],
    [
      "DCS-07.1",
      "Are physical security perimeters implemented to safeguard personnel, data, and information systems?",
      "Yes",
      "Shared CSP and 3rd-party",
      "Cloudy audits the data centre operator every year.",
      "",
      "DCS-07",
      "Implement physical security perimeters.",
      "Controlled Access Points",
      "Datacenter Security",
    ],
    [
      "DCS-09.1",
      "Is solely authorized personnel able to access secure areas?",
      "Yes",
      "3rd-party outsourced",
      "",
      "",
      "DCS-09",
      "Allow only authorized personnel access to secure areas.",
      "Secure Area Authorization",
      "Datacenter Security",
    ],
  ];

  async function workbook(sheets: { name: string; rows?: string[][]; text?: string }[]): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    for (const sheet of sheets) {
      const ws = wb.addWorksheet(sheet.name);
      if (sheet.text !== undefined) {
        ws.addRow([sheet.text]);
        continue;
      }
      ws.addRow(["Consensus Assessments Initiative Questionnaire v4.0.3"]);
      ws.addRow([]);
      ws.addRow(header);
      for (const row of sheet.rows ?? []) ws.addRow(row);
    }
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  async function readWorkbook(bytes: Uint8Array): Promise<Read> {
    const result = await readMatrixFile({ file: { format: "xlsx", bytes }, parties: cloudy, split: "lines" });
    if (!result.ok) throw new Error(result.error);
    return result;
  }

  test("the header is found below the title rows; questions are the areas, keyed by Question ID", async () => {
    const result = await readWorkbook(await workbook([{ name: "CAIQv4.0.3", rows: questions }]));
    expect(result.headers).toEqual([header]);
    expect(result.rows.map((r) => [r.line, r.errors])).toEqual([
      [4, []],
      [5, []],
      [6, []],
      [7, []],
      [8, []],
    ]);
    expect(result.rows[0]!.area).toEqual({
      key: "a-a-01-1",
      name: questions[0]![1],
      group: "audit-assurance",
      assignment: "provider",
      cells: [
        { party: "provider", duties: [{ text: "Audit policies are approved by the board and reviewed every year." }] },
      ],
      references: [{ framework: "CSA CCM", control: "A&A-01" }],
    });
  });

  test("ownership decides the assignment; the description columns are the provider's and customer's duties", async () => {
    const result = await readWorkbook(await workbook([{ name: "CAIQv4.0.3", rows: questions }]));
    expect(result.rows.map((r) => [r.area?.key, r.area?.assignment, carriers(r.area), r.assignmentSource])).toEqual([
      ["a-a-01-1", "provider", ["provider"], "from the Assignment column (“CSP-owned”)"],
      ["iam-02-1", "shared", ["customer", "provider"], "from the Assignment column (“Shared CSP and CSC”)"],
      ["dsp-04-1", "customer", ["customer"], "from the Assignment column (“CSC-owned”)"],
      ["dcs-07-1", "shared", ["hyperscaler", "provider"], "from the Assignment column (“Shared CSP and 3rd-party”)"],
      ["dcs-09-1", "third-party", ["hyperscaler"], "from the Assignment column (“3rd-party outsourced”)"],
    ]);
    expect(result.rows[1]!.area?.cells).toEqual([
      { party: "provider", duties: [{ text: "The console enforces a 14-character minimum and MFA for operators." }] },
      { party: "customer", duties: [{ text: "Customers set password rules for their own tenant users." }] },
    ]);
    expect(result.rows[2]!.cells.map((c) => [c.header, c.party, c.reading.kind])).toEqual([
      ["CSP Implementation Description (Optional/Recommended)", "provider", "empty"],
      ["CSC Responsibilities (Optional/Recommended)", "customer", "duties"],
    ]);
    expect(result.rows[4]!.area?.cells).toEqual([]);
    expect(result.rows.map((r) => r.area?.references)).toEqual(
      ["A&A-01", "IAM-02", "DSP-04", "DCS-07", "DCS-09"].map((control) => [{ framework: "CSA CCM", control }]),
    );
    expect(result.columns).toEqual(
      expect.arrayContaining(["id", "name", "assignment", "party", "references", "group", "ignored"]),
    );
  });

  test("one sheet: the CCM domains are top-level groups (the sheet name is no group)", async () => {
    const bytes = await workbook([
      { name: "Introduction", text: "How to fill in this questionnaire." },
      { name: "CAIQv4.0.3", rows: questions },
    ]);
    const result = await readWorkbook(bytes);
    expect(result.groups).toEqual([
      { key: "audit-assurance", title: "Audit & Assurance" },
      { key: "identity-access-management", title: "Identity & Access Management" },
      {
        key: "data-security-and-privacy-lifecycle-management",
        title: "Data Security and Privacy Lifecycle Management",
      },
      { key: "datacenter-security", title: "Datacenter Security" },
    ]);
    expect(result.rows.slice(3).map((r) => [r.groups, r.area?.group])).toEqual([
      [["Datacenter Security"], "datacenter-security"],
      [["Datacenter Security"], "datacenter-security"],
    ]);
  });

  test("several sheets: each sheet is a group and its domains nest under it", async () => {
    const bytes = await workbook([
      { name: "CAIQv4.0.3", rows: questions.slice(0, 2) },
      { name: "Supplement", rows: questions.slice(1, 2) },
    ]);
    const result = await readWorkbook(bytes);
    expect(result.groups).toEqual([
      { key: "caiqv4-0-3", title: "CAIQv4.0.3" },
      { key: "audit-assurance", title: "Audit & Assurance", parent: "caiqv4-0-3" },
      { key: "identity-access-management", title: "Identity & Access Management", parent: "caiqv4-0-3" },
      { key: "supplement", title: "Supplement" },
      { key: "identity-access-management-2", title: "Identity & Access Management", parent: "supplement" },
    ]);
    // The same question on two sheets is in two groups: no duplicate error.
    expect(result.rows.map((r) => [r.table, r.line, r.groups, r.area?.group, r.errors])).toEqual([
      [0, 4, ["CAIQv4.0.3", "Audit & Assurance"], "audit-assurance", []],
      [0, 5, ["CAIQv4.0.3", "Identity & Access Management"], "identity-access-management", []],
      [1, 4, ["Supplement", "Identity & Access Management"], "identity-access-management-2", []],
    ]);
  });

  test("a workbook without a recognisable header, or not a workbook, is refused", async () => {
    const noHeader = await readMatrixFile({
      file: { format: "xlsx", bytes: await workbook([{ name: "Notes", text: "Nothing here" }]) },
      parties: cloudy,
      split: "lines",
    });
    expect(noHeader).toEqual({
      ok: false,
      error: "No worksheet holds a table with an area column and a party column.",
    });
    const garbage = await readMatrixFile({
      file: { format: "xlsx", bytes: new TextEncoder().encode("Area,Cloudy\nA,b") },
      parties: cloudy,
      split: "lines",
    });
    expect(garbage).toEqual({ ok: false, error: "The file is not an XLSX workbook that can be read." });
  });
});

describe("a table derived from prose: strengths from the wording", () => {
  const markdown = [
    "| Area | Cloudy | Customer |",
    "|---|---|---|",
    "| Backups | We must keep three copies of every backup<br>We recommend storing one copy in a second region<br>We are not responsible for restores | Customers should test restores every quarter<br>Customers may export backups to their own storage |",
    "| Restores | We are not responsible for restores | Customers restore their own data |",
  ].join("\n");
  const result = readOk("markdown", markdown);

  test("must, should, we recommend, may, not responsible → must, should, should, may, excluded", () => {
    const [cloudyCell, customerCell] = rowNamed(result, "Backups").area!.cells;
    expect([...cloudyCell!.duties, ...customerCell!.duties]).toEqual([
      { text: "We must keep three copies of every backup" },
      { text: "We recommend storing one copy in a second region", strength: "should" },
      { text: "We are not responsible for restores", strength: "excluded" },
      { text: "Customers should test restores every quarter", strength: "should" },
      { text: "Customers may export backups to their own storage", strength: "may" },
    ]);
  });

  test("each reading of the wording is noted", () => {
    const [cloudyCell, customerCell] = rowNamed(result, "Backups").cells;
    expect(cloudyCell!.reading.notes).toEqual([
      "3 duties, one per line",
      "“We recommend storing one copy in a seco…” reads as a recommendation (“We recommend”): should",
      "“We are not responsible for restores” reads as an exclusion (“are not responsible for”): excluded",
    ]);
    expect(customerCell!.reading.notes).toEqual([
      "2 duties, one per line",
      "“Customers should test restores every qu…” reads as a recommendation (“should”): should",
      "“Customers may export backups to their o…” reads as optional (“may”): may",
    ]);
  });

  test("a party that only excludes does not carry the area", () => {
    expect(rowNamed(result, "Restores")).toMatchObject({
      assignmentSource: "only Customer lists duties",
      area: { assignment: "customer" },
    });
  });
});

describe("readCell", () => {
  test.each([
    ["", "empty"],
    ["-", "empty"],
    ["—", "empty"],
    ["N/A", "not-applicable"],
    ["**n/a**", "not-applicable"],
    ["Not applicable", "not-applicable"],
    ["r+a", "raci"],
    ["Rotate keys", "duties"],
  ] as const)("%j is %s", (raw, kind) => {
    expect(readCell(raw, "commas").kind).toBe(kind);
  });

  test("explicit prefixes set the strength and are removed", () => {
    expect(readCell("Should: Rotate keys\nMay: Export logs\nNot done: Restores\nKeep logs", "lines").duties).toEqual([
      { text: "Rotate keys", strength: "should" },
      { text: "Export logs", strength: "may" },
      { text: "Restores", strength: "excluded" },
      { text: "Keep logs" },
    ]);
  });

  test("more wordings: does not provide, optional, is recommended", () => {
    expect(readCell("Cloudy does not provide application backups", "lines").duties).toEqual([
      { text: "Cloudy does not provide application backups", strength: "excluded" },
    ]);
    expect(readCell("Optional second region", "lines").duties[0]?.strength).toBe("may");
    expect(readCell("MFA is recommended for all users", "lines").duties[0]?.strength).toBe("should");
  });

  test("Markdown emphasis, links and <br> are reduced to text", () => {
    expect(readCell("**Patch** the [hosts](https://example.com)<br/>`rotate` _keys_", "lines").duties).toEqual([
      { text: "Patch the hosts" },
      { text: "rotate keys" },
    ]);
  });
});

describe("columns", () => {
  test.each([
    ["Responsibility Area", { kind: "name" }],
    ["Task", { kind: "name" }],
    ["Control Title", { kind: "name" }],
    ["**Cloudy**", { kind: "party", party: "provider" }],
    ["Cloudy responsibilities", { kind: "party", party: "provider" }],
    ["hyperscaler", { kind: "party", party: "hyperscaler" }],
    ["CSP", { kind: "party", party: "provider" }],
    ["CSC", { kind: "party", party: "customer" }],
    ["Third party", { kind: "party", party: "hyperscaler" }],
    ["SSRM Control Ownership", { kind: "assignment" }],
    ["Lifecycle Phase", { kind: "group" }],
    ["CCM Domain Title", { kind: "group" }],
    ["CCM Control ID", { kind: "references", framework: "CSA CCM" }],
    ["Question ID", { kind: "id" }],
    ["Remarks", { kind: "notes" }],
    ["Stack layer", { kind: "layer" }],
  ])("%j is %j", (header, role) => {
    expect(columnRole(header, cloudy)).toEqual(role);
  });

  test("a role word matching several parties is not guessed", () => {
    const twoThird = [...cloudy, { key: "auditor", name: "Auditor", role: "third-party" as const }];
    expect(columnRole("Third party", twoThird)).toBeNull();
  });

  test.each([
    [
      ["Area", "Cloudy", "Budget"],
      /^Unknown column "Budget": a column names the area, a party \("Cloudy", "Customer", "Hyperscaler"\)/,
    ],
    [
      ["Notes", "Cloudy", "Customer"],
      /^No column names the areas: use one column called "Area", "Responsibility Area"/,
    ],
    [["Area", "Notes"], /^No column names a party: use the parties' names \("Cloudy", "Customer", "Hyperscaler"\)\.$/],
    [["Area", "Task", "Cloudy"], /^Several columns name the areas/],
    [["Area", "Cloudy", "CSP"], /^Two columns are for the party "Cloudy"\.$/],
    [["Area", "Cloudy", "Notes", "Remarks"], /^Only one notes column is allowed\.$/],
  ])("header %j is refused", (header, message) => {
    const result = readHeader(header, cloudy);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });
});

describe("CSV", () => {
  const acme: ImportParty[] = [
    { key: "provider", name: "Acme", role: "provider" },
    { key: "customer", name: "Customer", role: "customer" },
  ];

  test("reads quoted fields with commas, quotes and newlines, and optional columns", () => {
    const csv = [
      "Responsibility Area,Acme,Customer,Assignment,Plane,Notes",
      '"Backups, offsite","Snapshots, ""cold"" copies","Restore tests",,data,"Weekly\nchecks"',
      "Hardware,N/A,-,customer,,",
    ].join("\r\n");
    const result = readOk("csv", csv, { parties: acme, split: "commas" });
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

  test("semicolon-separated files (spreadsheet exports) and a byte-order mark work", () => {
    const result = readOk("csv", "\uFEFFArea;Provider;Customer\nPower;Cooling;N/A", { parties: acme });
    expect(result.rows[0]!.area?.assignment).toBe("provider");
  });

  test.each([
    ['Area,Acme,Customer\n"Unclosed,a,b', "Line 2: a quoted field is never closed."],
    ['Area,Acme,Customer\nBad "quote",a,b', "Line 2: a quote inside an unquoted field; quote the whole field."],
    ["", "The file holds no table."],
  ])("a malformed file is refused whole: %j", (text, error) => {
    expect(readCsvTables(text)).toEqual({ ok: false, error });
  });

  test("row problems are reported per row (line, column, value) and the row is not importable", () => {
    const csv = [
      "Area,Acme,Customer,Assignment,Plane",
      ",duty,duty,,",
      "Same,duty,,,",
      "same,,duty,,",
      "Odd,duty,duty,everyone,",
      "Empty,-,-,,",
      "Planes,duty,,,edge",
      "Short,duty",
    ].join("\n");
    const result = readOk("csv", csv, { parties: acme });
    expect(Object.fromEntries(result.rows.map((r) => [r.line, r.errors]))).toEqual({
      2: ['"Area": Required'],
      3: [],
      4: ["Same area name as line 3 in this group."],
      5: [
        '"Assignment" "everyone": use one of provider, customer, shared, best-effort, third-party, n/a (or a CAIQ SSRM ownership value)',
      ],
      6: ["No party lists a duty: add an Assignment column value or RACI letters."],
      7: [expect.stringMatching(/^"Plane": /)],
      8: ["Has 2 cells; the header has 5."],
    });
    expect(result.rows.filter((r) => r.area).map((r) => r.line)).toEqual([3]);
  });

  test("a duty over 1000 characters is an error naming the party's column", () => {
    const result = readOk("csv", `Area,Cloudy,Customer\nOk,a,b\nBackups,${"x".repeat(1001)},Restores`);
    expect(result.rows.map((r) => [r.line, r.errors])).toEqual([
      [2, []],
      [3, ['"Cloudy": At most 1000 characters']],
    ]);
    expect(result.rows[1]!.area).toBeNull();
  });

  test("keys come from the names (or the ID column); the plan makes them unique", () => {
    const result = readOk(
      "csv",
      ["Area,Cloudy", "Backups & Snapshots,a", "Ärger,a", "!!!,a", "Backups  Snapshots,a"].join("\n"),
    );
    expect(result.rows.map((r) => [r.line, r.name, r.area?.key])).toEqual([
      [2, "Backups & Snapshots", "backups-snapshots"],
      [3, "Ärger", "rger"],
      [4, "!!!", "area"],
      [5, "Backups Snapshots", "backups-snapshots"],
    ]);
    const withId = readOk("csv", "ID,Area,Cloudy\nBCK-1.2,Backups,a");
    expect(withId.rows[0]!.area?.key).toBe("bck-1-2");
  });
});

describe("Markdown", () => {
  test("without a table it is refused", () => {
    expect(readMarkdownTables("# Title\nNo table here")).toEqual({
      ok: false,
      error: 'No Markdown table found: expected a header row, then a "|---|---|" row.',
    });
  });

  test("each table keeps the headings above it and the prose under them; escaped pipes stay in the cell", () => {
    const text = [
      "# Title",
      "## 3.1.2 Backups",
      "Text about backups.",
      "More text.",
      "",
      "| Area | Cloudy |",
      "| :--- | ---: |",
      "| Copies \\| snapshots | Daily |",
    ].join("\n");
    const tables = readMarkdownTables(text);
    expect(tables).toEqual({
      ok: true,
      tables: [
        {
          headings: [
            { level: 1, text: "Title", description: "" },
            { level: 2, text: "3.1.2 Backups", description: "Text about backups.\nMore text." },
          ],
          header: { line: 6, cells: ["Area", "Cloudy"] },
          rows: [{ line: 8, cells: ["Copies | snapshots", "Daily"] }],
        },
      ],
    });
  });

  test("an unknown column in a later table names the table and its line", () => {
    const text =
      "## A\n| Area | Cloudy |\n|---|---|\n| X | y |\n## B\n| Area | Cloudy | Budget |\n|---|---|---|\n| Z | y | 1 |";
    expect(read("markdown", text)).toEqual({
      ok: false,
      error: expect.stringMatching(/^Unknown column "Budget": .* \(table 2, line 6\)$/),
    });
  });

  const twoPhases = [
    "## Plan",
    "### Backups",
    "| Area | Cloudy |",
    "|---|---|",
    "| Retention | Keeps 30 days |",
    "## Operate",
    "### Backups",
    "| Area | Cloudy |",
    "|---|---|",
    "| Retention | Deletes old copies |",
  ].join("\n");

  test("the same sub-section title under two phases: the rows' paths differ, no duplicate error", () => {
    const result = readOk("markdown", twoPhases);
    expect(result.rows.map((r) => [r.groups, r.errors])).toEqual([
      [["Plan", "Backups"], []],
      [["Operate", "Backups"], []],
    ]);
  });

  test("the same sub-section title under two phases gives each row its own group", () => {
    const result = readOk("markdown", twoPhases);
    expect(result.groups.filter((g) => g.title === "Backups")).toHaveLength(2);
    expect(new Set(result.rows.map((r) => r.area?.group)).size).toBe(2);
  });

  test("a Group column nests rows under the table's headings", () => {
    const text = [
      "## 1 Plan",
      "| Area | Phase | Cloudy |",
      "|---|---|---|",
      "| Sizing | Design › Capacity | Sizes hosts |",
      "## 2 Run",
      "| Area | Phase | Cloudy |",
      "|---|---|---|",
      "| Patching | Hosts | Patches hosts |",
    ].join("\n");
    const result = readOk("markdown", text);
    expect(result.groups).toEqual([
      { key: "plan", title: "Plan", number: "1" },
      { key: "design", title: "Design", parent: "plan" },
      { key: "capacity", title: "Capacity", parent: "design" },
      { key: "run", title: "Run", number: "2" },
      { key: "hosts", title: "Hosts", parent: "run" },
    ]);
    expect(result.rows.map((r) => [r.groups, r.area?.group])).toEqual([
      [["Plan", "Design", "Capacity"], "capacity"],
      [["Run", "Hosts"], "hosts"],
    ]);
  });
});

describe("helpers", () => {
  test.each([
    ["3.1.2 Backups", { number: "3.1.2", title: "Backups" }],
    ["2. Operate", { number: "2", title: "Operate" }],
    ["Backups", { title: "Backups" }],
    ["2024 roadmap", { number: "2024", title: "roadmap" }],
  ])("splitNumber(%j)", (text, expected) => {
    expect(splitNumber(text)).toEqual(expected);
  });

  test("parseReferences takes the column's framework for bare controls", () => {
    expect(parseReferences("CSA CCM: IAM-02; ISO 27001: A.5.15\nBCR-01", "NIST")).toEqual([
      { framework: "CSA CCM", control: "IAM-02" },
      { framework: "ISO 27001", control: "A.5.15" },
      { framework: "NIST", control: "BCR-01" },
    ]);
  });

  test.each([
    [{ fileName: "matrix.CSV" }, "csv"],
    [{ fileName: "matrix.md" }, "markdown"],
    [{ fileName: "caiq.xlsx" }, "xlsx"],
    [{ text: "| Area | Cloudy |\n|---|---|\n| a | b |" }, "markdown"],
    [{ text: "Area,Cloudy\na,b" }, "csv"],
  ] as const)("detectMatrixFormat(%j) is %s", (input, format) => {
    expect(detectMatrixFormat(input)).toBe(format);
  });
});

describe("corrections", () => {
  const csv = fixture("three-party-duties.csv");

  test("a corrected cell is read instead of the file's text and marked corrected", () => {
    const result = readOk("csv", csv, {
      split: "commas",
      corrections: [{ table: 0, line: 2, column: 1, text: "Keeps data in the EU\nReports the region" }],
    });
    const cell = rowNamed(result, "Data residency").cells[0]!;
    expect(cell).toMatchObject({
      corrected: true,
      raw: "Keeps data in the chosen EU region, as agreed in the contract, unless the customer asks otherwise",
      reading: { duties: [{ text: "Keeps data in the EU" }, { text: "Reports the region" }] },
    });
    expect(rowNamed(result, "Data residency").cells[1]!.corrected).toBe(false);
    expect(rowNamed(result, "Data residency").area?.cells[0]?.duties).toHaveLength(2);
  });

  test("a correction of another table or line changes nothing; one of a plain column fixes its error", () => {
    const bad = "Area,Cloudy,Customer,Assignment\nBackups,Snapshots,Restores,everyone";
    expect(readOk("csv", bad).rows[0]!.errors).toHaveLength(1);
    const elsewhere = readOk("csv", bad, { corrections: [{ table: 1, line: 2, column: 3, text: "shared" }] });
    expect(elsewhere.rows[0]!.errors).toHaveLength(1);
    const fixed = readOk("csv", bad, { corrections: [{ table: 0, line: 2, column: 3, text: "shared" }] });
    expect(fixed.rows[0]).toMatchObject({
      errors: [],
      assignmentSource: "from the Assignment column (“shared”)",
      area: { assignment: "shared" },
    });
  });
});

describe("limits", () => {
  const many = (n: number) => "Area,Cloudy\n" + Array.from({ length: n }, (_, i) => `A${i},p`).join("\n");

  test("maxRows refuses a file with more rows", () => {
    expect(read("csv", many(3), { maxRows: 2 })).toEqual({
      ok: false,
      error: "The file has 3 rows; at most 2 can be imported at once.",
    });
    expect(read("csv", many(2), { maxRows: 2 }).ok).toBe(true);
  });

  test("readMatrixFile applies the size and row limits", async () => {
    const file = (text: string) => readMatrixFile({ file: { format: "csv", text }, parties: cloudy, split: "lines" });
    expect(await file(many(importLimits.maxRows + 1))).toEqual({
      ok: false,
      error: "The file has 501 rows; at most 500 can be imported at once.",
    });
    expect((await file(many(importLimits.maxRows))).ok).toBe(true);
    expect(await file("Area,Cloudy\n" + "x".repeat(importLimits.maxBytes))).toEqual({
      ok: false,
      error: "The file is larger than 512 KiB.",
    });
    expect(await file("")).toEqual({ ok: false, error: "The file is empty." });
  });
});

describe("planMatrixImport", () => {
  const raci = fixture("raci-lifecycle.md");
  const document: ProviderDocument = providerDocumentSchema.parse(
    makeProviderDocument({
      parties: cloudy,
      services: [
        {
          slug: "platform",
          name: "Managed Platform",
          category: "PaaS",
          summary: "Cloudy's platform on a hyperscaler.",
          areas: [],
          layers: [],
          deploymentModels: [],
        },
      ],
    }),
  );
  const plan = (doc: ProviderDocument, result: Read, mode: "replace" | "append") =>
    planMatrixImport({ document: doc, service: "platform", read: result, mode })!;
  const first = plan(document, readOk("markdown", raci, { split: "commas" }), "replace");
  const imported = first.document!;

  test("a first import adds every row, with keys unique in the service", () => {
    expect(first.errorCount).toBe(0);
    expect(first.added).toHaveLength(12);
    const keys = imported.services[0]!.areas.map((a) => a.key);
    expect(new Set(keys).size).toBe(12);
    expect(keys.filter((k) => k.startsWith("capacity-planning"))).toEqual(["capacity-planning", "capacity-planning-2"]);
    expect(imported.services[0]!.groups.map((g) => g.key)).toEqual(["plan", "design", "procurement", "operate"]);
  });

  test("re-importing the service's own table (replace) changes nothing and keeps the keys", () => {
    const again = plan(imported, readOk("markdown", raci, { split: "commas" }), "replace");
    expect(again).toMatchObject({ errorCount: 0, added: [], changed: [], removed: [], problems: [] });
    expect(again.unchanged).toHaveLength(12);
    expect(again.rows.every((r) => r.effect === "unchanged")).toBe(true);
    expect(again.document).toEqual(imported);
  });

  test("a row renamed in its group gets a fresh key that collides with nothing; the old one goes", () => {
    const renamed = raci.replace("| Capacity planning     | I", "| Capacity-planning     | I");
    const result = plan(imported, readOk("markdown", renamed, { split: "commas" }), "replace");
    expect(result).toMatchObject({
      errorCount: 0,
      added: ["Capacity-planning"],
      changed: [],
      removed: ["Capacity planning"],
    });
    const row = result.rows.find((r) => r.name === "Capacity-planning")!;
    const before = imported.services[0]!.areas.map((a) => a.key);
    expect(row.area?.key).toBe("capacity-planning-3");
    expect(before).not.toContain(row.area?.key);
    const after = result.document!.services[0]!.areas;
    expect(new Set(after.map((a) => a.key)).size).toBe(after.length);
    // The other rows keep theirs.
    expect(after.filter((a) => a.name !== "Capacity-planning").map((a) => a.key)).toEqual(
      before.filter((k) => k !== "capacity-planning-2"),
    );
  });

  test("a changed cell is reported as changed and keeps its key", () => {
    const changed = raci.replace("| Order hardware     | I            | A", "| Order hardware     | C            | A");
    const result = plan(imported, readOk("markdown", changed, { split: "commas" }), "replace");
    expect(result).toMatchObject({ errorCount: 0, changed: ["Order hardware"], added: [], removed: [] });
    expect(result.rows.find((r) => r.name === "Order hardware")?.area?.key).toBe("order-hardware");
  });

  test("append mode refuses a name the service already has in the same group, and allows it in another", () => {
    const csv = [
      "Activity,Phase,Customer,Cloudy",
      "Patch hypervisors,Operate,I,A/R",
      "Define requirements,Operate,A/R,C",
    ];
    const result = plan(imported, readOk("csv", csv.join("\n")), "append");
    expect(result.rows.map((r) => [r.name, r.effect, r.errors])).toEqual([
      [
        "Patch hypervisors",
        null,
        ['The service already has an area "Patch hypervisors" here; choose Replace to overwrite it.'],
      ],
      ["Define requirements", "added", []],
    ]);
    expect(result.document).toBeNull();

    const ok = plan(imported, readOk("csv", [csv[0], csv[2]].join("\n")), "append");
    expect(ok.errorCount).toBe(0);
    const areas = ok.document!.services[0]!.areas;
    expect(areas).toHaveLength(13);
    expect(areas.at(-1)).toMatchObject({ key: "define-requirements-2", name: "Define requirements", group: "operate" });
    // The group "Operate" is the service's own: not added twice.
    expect(ok.document!.services[0]!.groups).toEqual(imported.services[0]!.groups);
  });

  test("append mode finds a nested group by its path of titles", () => {
    const csv = "Activity,Phase,Customer,Cloudy\nDefine requirements,Plan › Design,A/R,C";
    const result = plan(imported, readOk("csv", csv), "append");
    expect(result.rows[0]!.errors).toEqual([
      'The service already has an area "Define requirements" here; choose Replace to overwrite it.',
    ]);
  });

  test("replace keeps what the file cannot say: interpretation, and notes when the file has no Notes column", () => {
    const doc = structuredClone(imported);
    const area = doc.services[0]!.areas.find((a) => a.key === "order-hardware")!;
    area.interpretation = "Read from the lifecycle figure.";
    area.notes = "Hardware is ordered through the hyperscaler's portal.";
    const result = plan(doc, readOk("markdown", raci, { split: "commas" }), "replace");
    expect(result.unchanged).toHaveLength(12);
    expect(result.document!.services[0]!.areas.find((a) => a.key === "order-hardware")).toMatchObject({
      interpretation: "Read from the lifecycle figure.",
      notes: "Hardware is ordered through the hyperscaler's portal.",
    });
  });

  test("re-importing a seeded service's source table keeps every area and key", () => {
    seeded.services.forEach((service, i) => {
      const read = readOk("markdown", sections[i]!, { parties: seeded.parties, split: "commas" });
      const result = planMatrixImport({ document: seeded, service: service.slug, read, mode: "replace" })!;
      expect(result).toMatchObject({ errorCount: 0, added: [], removed: [], problems: [] });
      expect(result.rows.map((r) => r.area?.key)).toEqual(service.areas.map((a) => a.key));
    });
  });

  test("re-importing a seeded service's source table reports every row unchanged", () => {
    const service = seeded.services[0]!;
    const read = readOk("markdown", sections[0]!, { parties: seeded.parties, split: "commas" });
    const result = planMatrixImport({ document: seeded, service: service.slug, read, mode: "replace" })!;
    expect(result.changed).toEqual([]);
    expect(result.unchanged).toHaveLength(service.areas.length);
  });

  test("rows with errors make no document", () => {
    const result = plan(imported, readOk("csv", "Area,Cloudy,Assignment\nBackups,Snapshots,everyone"), "replace");
    expect(result.document).toBeNull();
    expect(result.errorCount).toBe(1);
    expect(result.rows[0]!.effect).toBeNull();
  });

  test("an unknown service is null", () => {
    expect(
      planMatrixImport({ document, service: "nope", read: readOk("csv", "Area,Cloudy\na,b"), mode: "replace" }),
    ).toBeNull();
  });
});
