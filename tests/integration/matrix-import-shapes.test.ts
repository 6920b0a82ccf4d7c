// The shapes of responsibility matrices providers actually publish, each imported into a service's
// draft, published, read back through the read API and the JSON export, and re-imported from that
// export: a multi-table RACI matrix under nested lifecycle phases (Markdown), a three-party duties
// matrix (CSV), a CAIQ v4 workbook (XLSX) and a table transcribed from prose terms (Markdown).
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, test, vi } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/providers/[provider]/export/route";
import { GET as serviceRoute } from "@/app/api/v1/providers/[provider]/services/[service]/route";
import { getDb } from "@/lib/db";
import { responsibleParties } from "@/lib/domain/assignment";
import { getDraft } from "@/lib/drafts/get-draft";
import {
  importServiceMatrix,
  previewServiceMatrix,
  type CellCorrection,
  type MatrixImportOptions,
  type MatrixImportPreview,
  type SplitRule,
} from "@/lib/drafts/import-service-matrix";
import { publishDraft } from "@/lib/drafts/publish-draft";
import { importProviderDocument } from "@/lib/drafts/import-provider-document";
import type { MatrixFile } from "@/lib/transfer/matrix-import/read-matrix-file";
import { serviceDetailDto, type AreaDto, type ServiceDetailDto } from "@/lib/validation/api";
import { providerDocumentSchema, type Area, type ProviderDocument } from "@/lib/validation/provider-document";
import { actAs } from "../support/actor";
import { createProvider } from "../support/app-db";
import { callRoute } from "../support/call-route";
import { refusal } from "../support/refusal";
import { makeUser } from "../factories/accounts";
import { makeProviderDocument } from "../factories/provider-document";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const db = () => getDb();
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");

type Party = ProviderDocument["parties"][number];
const cloudy: Party = { key: "provider", name: "Cloudy", role: "provider" };
const customer: Party = { key: "customer", name: "Customer", role: "customer" };
const hyperscaler: Party = { key: "hyperscaler", name: "Hyperscaler", role: "third-party" };

/** A provider "Cloudy" with one service (one area the imports replace), its parties, and a manager. */
async function cloudyProvider(parties: Party[]) {
  const doc = makeProviderDocument();
  doc.parties = parties;
  const created = await createProvider(doc);
  const manager = (await makeUser({ role: "account-manager", managedProviderIds: [created.id] })).actor;
  return { id: created.id, slug: doc.slug, service: doc.services[0]!.slug, manager };
}
type Cloudy = Awaited<ReturnType<typeof cloudyProvider>>;

function matrixOptions(
  p: Cloudy,
  file: MatrixFile,
  options: { split?: SplitRule; corrections?: CellCorrection[]; fileName?: string } = {},
): MatrixImportOptions {
  return { db: db(), actor: p.manager, provider: p.slug, service: p.service, file, mode: "replace", ...options };
}

/** Every row without errors, and nothing wrong with the resulting document. */
function expectClean(preview: MatrixImportPreview) {
  expect(preview.rows.filter((r) => r.errors.length).map((r) => [r.line, r.errors])).toEqual([]);
  expect(preview.problems).toEqual([]);
  expect(preview.errorCount).toBe(0);
}

/** The preview's row called `name` (in the group titled `group`, when names repeat). */
function rowOf(preview: MatrixImportPreview, name: string, group?: string) {
  const row = preview.rows.find((r) => r.name === name && (group === undefined || r.groups.includes(group)));
  if (!row) throw new Error(`No row "${name}" in the preview`);
  return row;
}

/** How the preview read each party's cell of a row: kind, RACI letters, duties and notes. */
function readings(preview: MatrixImportPreview, name: string, group?: string) {
  return Object.fromEntries(
    rowOf(preview, name, group).cells.map((c) => [
      c.party,
      {
        kind: c.reading.kind,
        ...(c.reading.raci ? { raci: c.reading.raci } : {}),
        duties: c.reading.duties.map((d) => `${d.strength ?? "must"}: ${d.text}`),
        notes: c.reading.notes,
      },
    ]),
  );
}

/**
 * Preview (clean), import into the draft at the previewed version, publish with a changelog note,
 * then read the published service through the read API and the provider through the JSON export.
 */
async function importPublishAndRead(p: Cloudy, options: MatrixImportOptions) {
  const preview = await previewServiceMatrix(options);
  expectClean(preview);
  const result = await importServiceMatrix({ ...options, expectedDraftVersion: preview.draftVersion });
  expect(result).toMatchObject({ draftVersion: preview.draftVersion + 1, rows: preview.rows.length });
  const draft = (await getDraft({ db: db(), actor: p.manager, provider: p.slug })).document;
  const imported = draft.services.find((s) => s.slug === p.service)!;
  const version = await publishDraft({
    db: db(),
    actor: p.manager,
    provider: p.slug,
    note: "Imported the responsibility matrix.",
    draftVersion: result.draftVersion,
  });
  const versions = await db().providerVersion.findMany({ where: { providerId: p.id }, orderBy: { number: "asc" } });
  expect(versions.map((v) => [v.number, v.note])).toEqual([
    [1, "First"],
    [version.number, "Imported the responsibility matrix."],
  ]);

  actAs(p.manager);
  const read = await callRoute(serviceRoute, `/api/v1/providers/${p.slug}/services/${p.service}`, {
    provider: p.slug,
    service: p.service,
  });
  expect(read.status).toBe(200);
  const service = serviceDetailDto.parse(read.body);
  const exportedResponse = await callRoute(exportRoute, `/api/v1/providers/${p.slug}/export`, { provider: p.slug });
  expect(exportedResponse.status).toBe(200);
  const exported = providerDocumentSchema.parse(exportedResponse.body);
  // What was imported is what was published, and what the export says.
  const exportedService = exported.services.find((s) => s.slug === p.service)!;
  const withCarriers = (area: Area) => ({ ...area, parties: carriers(area, draft.parties) });
  expect(exportedService.groups).toEqual(imported.groups);
  expect(exportedService.areas.map(withCarriers)).toEqual(imported.areas.map(withCarriers));
  // The read API and the export say the same: groups, letters, duties with their strengths, references.
  expect(
    exportedService.groups.map((g) => ({
      key: g.key,
      title: g.title,
      number: g.number ?? null,
      description: g.description ?? null,
      parent: g.parent ?? null,
    })),
  ).toEqual(service.groups);
  const apiView = (area: AreaDto) => ({
    key: area.key,
    group: area.group,
    assignment: area.assignment,
    parties: sorted(area.parties),
    cells: area.cells,
    references: area.references,
    notes: area.notes,
  });
  expect(
    exportedService.areas.map((area) => ({
      key: area.key,
      group: area.group ?? null,
      assignment: area.assignment,
      parties: carriers(area, exported.parties),
      cells: area.cells.map((c) => ({
        party: c.party,
        duties: c.duties.map((d) => ({ text: d.text, strength: d.strength ?? "must" })),
        notApplicable: c.notApplicable ?? false,
        raci: c.raci ?? null,
      })),
      references: area.references ?? [],
      notes: area.notes ?? null,
    })),
  ).toEqual(service.areas.map(apiView));
  return { preview, service, exported, imported };
}

/** The export, imported as the provider's draft, is the draft: nothing lost or added on the way. */
async function reimportExport(p: Cloudy, exported: ProviderDocument) {
  const result = await importProviderDocument({
    db: db(),
    actor: p.manager,
    json: JSON.stringify(exported, null, 2),
    target: { kind: "draft", provider: p.slug },
    fileName: `${p.slug}.json`,
    expectedDraftVersion: 0,
  });
  expect(result).toMatchObject({ outcome: "draft", slug: p.slug, draftVersion: 1 });
  const draft = await getDraft({ db: db(), actor: p.manager, provider: p.slug });
  expect(providerDocumentSchema.parse(draft.document)).toEqual(providerDocumentSchema.parse(exported));
}

/** The same file previewed again against the published model: every row unchanged, nothing removed. */
async function expectUnchangedOnReimport(options: MatrixImportOptions, rows: number) {
  const again = await previewServiceMatrix(options);
  expectClean(again);
  expect(again.rows.map((r) => r.effect)).toEqual(Array(rows).fill("unchanged"));
  expect([again.added, again.changed, again.removed]).toEqual([[], [], []]);
}

const sorted = (keys: readonly string[]) => [...keys].sort();

/** The parties that carry an area, sorted: listed, or left to the assignment's default (same meaning). */
const carriers = (area: Area, parties: readonly Party[]) =>
  sorted(responsibleParties(area.assignment, area.parties, parties));

const cellSummary = (area: AreaDto) =>
  area.cells.map((c) => ({
    party: c.party,
    ...(c.raci ? { raci: c.raci } : {}),
    ...(c.notApplicable ? { notApplicable: true } : {}),
    duties: c.duties.map((d) => `${d.strength}: ${d.text}`),
  }));

const areaOf = (service: ServiceDetailDto, key: string) => {
  const area = service.areas.find((a) => a.key === key);
  if (!area) throw new Error(`No area "${key}" in the service`);
  return area;
};

const groupDto = (
  key: string,
  title: string,
  number: string | null,
  description: string | null,
  parent: string | null,
) => ({ key, title, number, description, parent });

async function importAudit(providerId: string) {
  const entries = await db().auditEntry.findMany({ where: { providerId, action: "draft.import-matrix" } });
  expect(entries).toHaveLength(1);
  return entries[0]!;
}

describe("matrix shapes: import, publish, read back, export, re-import", () => {
  test("a multi-table RACI matrix under nested lifecycle phases (Markdown)", async () => {
    const p = await cloudyProvider([cloudy, customer, hyperscaler]);
    const options = matrixOptions(p, { format: "markdown", text: fixture("raci-lifecycle-phases.md") });
    const { preview, service, exported } = await importPublishAndRead(p, options);

    // Preview: four tables, emphasis gone from the header; the document title (above every table)
    // is no group; phases and their sub-sections are, with their numbers stripped from the titles.
    expect(preview.headers).toEqual(Array(4).fill(["Activity", "Customer", "Cloudy", "Hyperscaler"]));
    expect(preview.parties.map((x) => x.name)).toEqual(["Cloudy", "Customer", "Hyperscaler"]);
    expect(preview.groups).toEqual([
      { title: "Build", depth: 0 },
      { title: "Design", depth: 1 },
      { title: "Provisioning", depth: 1 },
      { title: "Run", depth: 0 },
      { title: "Operations", depth: 1 },
      { title: "Change", depth: 1 },
    ]);
    expect(preview.rows.map((r) => [r.table, r.name, r.groups])).toEqual([
      [0, "Define requirements", ["Build", "Design"]],
      [0, "Architecture review", ["Build", "Design"]],
      [0, "Select regions", ["Build", "Design"]],
      [1, "Data centre facilities", ["Build", "Provisioning"]],
      [1, "Network setup", ["Build", "Provisioning"]],
      [2, "Patch hypervisors", ["Run", "Operations"]],
      [2, "Incident response", ["Run", "Operations"]],
      [2, "Back up data", ["Run", "Operations"]],
      [3, "Architecture review", ["Run", "Change"]],
      [3, "Decommission data", ["Run", "Change"]],
    ]);
    expect(preview.rows.every((r) => r.assignmentSource === "derived from the RACI letters")).toBe(true);
    // How the cells were read: letters in any spelling (bold, "A/R", "R, A", "C, I"), "-" as nothing.
    expect(readings(preview, "Network setup")).toEqual({
      customer: { kind: "raci", raci: "C", duties: [], notes: ["RACI letters C"] },
      provider: { kind: "raci", raci: "RA", duties: [], notes: ["RACI letters “A/R” → RA"] },
      hyperscaler: { kind: "raci", raci: "R", duties: [], notes: ["RACI letters R"] },
    });
    expect(readings(preview, "Incident response")).toMatchObject({
      customer: { raci: "CI", notes: ["RACI letters “C, I” → CI"] },
      provider: { raci: "RA", notes: ["RACI letters “R, A” → RA"] },
    });
    expect(readings(preview, "Architecture review", "Change")).toMatchObject({
      hyperscaler: { kind: "empty", duties: [], notes: [] },
    });
    expect(preview.added).toHaveLength(10);
    expect(preview.removed).toEqual([expect.stringMatching(/^Widget calibration/)]);

    // Read API: the phases and their sub-sections as nested groups, with their numbers and the text
    // under their headings.
    expect(service.groups).toEqual([
      groupDto("build", "Build", "1", "Everything up to the first production release.", null),
      groupDto("design", "Design", "1.1", null, "build"),
      groupDto("provisioning", "Provisioning", "1.2", "Landing zone and first deployment.", "build"),
      groupDto("run", "Run", "2", "Day-to-day operation after go-live.", null),
      groupDto("operations", "Operations", "2.1", null, "run"),
      groupDto("change", "Change", "2.2", null, "run"),
    ]);
    // The letters are the cells (in the provider's party order), and the assignment follows them:
    // R carries the work (A when nobody is R); several such parties share it.
    expect(
      service.areas.map((a) => [
        a.group,
        a.key,
        a.name,
        a.assignment,
        sorted(a.parties),
        a.cells.map((c) => `${c.party} ${c.raci}`).join(", "),
      ]),
    ).toEqual([
      ["design", "define-requirements", "Define requirements", "customer", ["customer"], "provider C, customer RA"],
      [
        "design",
        "architecture-review",
        "Architecture review",
        "provider",
        ["provider"],
        "provider R, customer A, hyperscaler C",
      ],
      [
        "design",
        "select-regions",
        "Select regions",
        "provider",
        ["provider"],
        "provider R, customer A, hyperscaler CI",
      ],
      [
        "provisioning",
        "data-centre-facilities",
        "Data centre facilities",
        "third-party",
        ["hyperscaler"],
        "provider I, customer I, hyperscaler RA",
      ],
      [
        "provisioning",
        "network-setup",
        "Network setup",
        "shared",
        ["hyperscaler", "provider"],
        "provider RA, customer C, hyperscaler R",
      ],
      [
        "operations",
        "patch-hypervisors",
        "Patch hypervisors",
        "third-party",
        ["hyperscaler"],
        "provider A, customer I, hyperscaler R",
      ],
      [
        "operations",
        "incident-response",
        "Incident response",
        "provider",
        ["provider"],
        "provider RA, customer CI, hyperscaler C",
      ],
      [
        "operations",
        "back-up-data",
        "Back up data",
        "customer",
        ["customer"],
        "provider C, customer RA, hyperscaler I",
      ],
      // The same activity in another phase is another area, with its own key.
      ["change", "architecture-review-2", "Architecture review", "customer", ["customer"], "provider C, customer RA"],
      [
        "change",
        "decommission-data",
        "Decommission data",
        "shared",
        ["customer", "hyperscaler", "provider"],
        "provider R, customer RA, hyperscaler R",
      ],
    ]);
    for (const area of service.areas) {
      expect(area.raciAssignment?.assignment).toBe(area.assignment);
      expect(sorted(area.raciAssignment?.parties ?? [])).toEqual(sorted(area.parties));
      expect(area.cells.every((c) => c.duties.length === 0)).toBe(true);
    }
    expect(areaOf(service, "patch-hypervisors").caiq.ownership).toBe("3rd-party outsourced");
    expect(areaOf(service, "network-setup").caiq.ownership).toBe("Shared CSP and 3rd-party");

    await expectUnchangedOnReimport(options, 10);
    await reimportExport(p, exported);
  });

  test("a three-party duties matrix (CSV): list items, strengths, N/A, references and notes", async () => {
    const p = await cloudyProvider([cloudy, customer, hyperscaler]);
    const options = matrixOptions(p, { format: "csv", text: fixture("three-party-duties.csv") }, { fileName: "m.csv" });
    const { preview, service, exported } = await importPublishAndRead(p, options);

    expect(preview.split).toBe("lines");
    expect(preview.groups).toEqual([]);
    // Quoted cells span lines: a row is numbered by the line it starts on.
    expect(preview.rows.map((r) => [r.line, r.name, r.assignmentSource])).toEqual([
      [2, "Data residency", "shared: several parties list duties"],
      [3, "Host patching", "shared: several parties list duties"],
      [6, "Access reviews", "shared: several parties list duties"],
      [9, "Physical security", "only Hyperscaler lists duties"],
      [10, "Guest firewall", "only Customer lists duties"],
    ]);
    expect(readings(preview, "Data residency").provider).toEqual({
      kind: "duties",
      duties: ["must: Keeps data in the EU region the customer chose, as the contract says"],
      notes: ["one duty (commas kept: the file's rule splits at line breaks only)"],
    });
    expect(readings(preview, "Host patching")).toEqual({
      provider: {
        kind: "duties",
        duties: ["must: Patch hypervisors", "must: Replace failed disks"],
        notes: ["2 duties, one per line"],
      },
      customer: { kind: "not-applicable", duties: [], notes: ["N/A"] },
      hyperscaler: {
        kind: "duties",
        duties: ["must: Firmware updates", "should: BIOS updates within 30 days"],
        notes: ["2 duties, one per line", "“BIOS updates within 30 days” is marked should"],
      },
    });
    expect(readings(preview, "Guest firewall").provider).toEqual({
      kind: "duties",
      duties: ["excluded: Firewall rules inside customer VMs"],
      notes: ["“Firewall rules inside customer VMs” is marked excluded"],
    });

    expect(service.groups).toEqual([]);
    expect(
      service.areas.map((a) => ({
        key: a.key,
        assignment: a.assignment,
        parties: sorted(a.parties),
        cells: cellSummary(a),
        references: a.references,
        notes: a.notes,
      })),
    ).toEqual([
      {
        key: "data-residency",
        assignment: "shared",
        parties: ["customer", "provider"],
        cells: [
          {
            party: "provider",
            duties: ["must: Keeps data in the EU region the customer chose, as the contract says"],
          },
          { party: "customer", duties: ["must: Chooses the region"] },
        ],
        references: [
          { framework: "CSA CCM", control: "DSP-19" },
          { framework: "ISO/IEC 27001:2022", control: "A.5.23" },
        ],
        notes: null,
      },
      {
        key: "host-patching",
        assignment: "shared",
        parties: ["hyperscaler", "provider"],
        cells: [
          { party: "provider", duties: ["must: Patch hypervisors", "must: Replace failed disks"] },
          { party: "customer", notApplicable: true, duties: [] },
          { party: "hyperscaler", duties: ["must: Firmware updates", "should: BIOS updates within 30 days"] },
        ],
        references: [],
        notes: null,
      },
      {
        key: "access-reviews",
        assignment: "shared",
        parties: ["customer", "provider"],
        cells: [
          {
            party: "provider",
            duties: ["must: Reviews operator access", "may: Rotate break-glass credentials on request"],
          },
          {
            party: "customer",
            duties: ["must: Approves access requests, for admins and operators", "must: Reviews audit logs"],
          },
        ],
        references: [{ framework: "CSA CCM", control: "IAM-08" }],
        notes: "Quarterly.",
      },
      {
        key: "physical-security",
        assignment: "third-party",
        parties: ["hyperscaler"],
        cells: [{ party: "hyperscaler", duties: ["must: Guards, cameras and badge readers"] }],
        references: [{ framework: "CSA CCM", control: "DCS-07" }],
        notes: "Covered by the hyperscaler's audit report.",
      },
      {
        // What the provider does not do is kept, as an excluded duty; it does not make the row shared.
        key: "guest-firewall",
        assignment: "customer",
        parties: ["customer"],
        cells: [
          { party: "provider", duties: ["excluded: Firewall rules inside customer VMs"] },
          { party: "customer", duties: ["must: Configures firewall rules inside its VMs"] },
          { party: "hyperscaler", notApplicable: true, duties: [] },
        ],
        references: [],
        notes: null,
      },
    ]);
    expect(service.areas.every((a) => a.raciAssignment === null && a.group === null)).toBe(true);
    expect(areaOf(service, "physical-security").caiq.ownership).toBe("3rd-party outsourced");

    const audit = await importAudit(p.id);
    expect(audit.after).toMatchObject({ format: "csv", split: "lines", corrections: 0, fileName: "m.csv", rows: 5 });

    await expectUnchangedOnReimport(options, 5);
    await reimportExport(p, exported);
  });

  test("a CAIQ v4 workbook (XLSX) with a title row above the header", async () => {
    const p = await cloudyProvider([cloudy, customer, hyperscaler]);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("CAIQv4.0.3");
    sheet.addRow(["Consensus Assessments Initiative Questionnaire v4.0.3: Cloudy Managed Platform"]);
    sheet.addRow([]);
    sheet.addRow([
      "Question ID",
      "Question",
      "CSP CAIQ Answer",
      "SSRM Control Ownership",
      "CSP Implementation Description (Optional/Recommended)",
      "CSC Responsibilities (Optional/Recommended)",
      "Hyperscaler Responsibilities",
      "CCM Control ID",
      "CCM Control Specification",
      "CCM Control Title",
      "CCM Domain Title",
    ]);
    const caiqRows = [
      [
        "A&A-01.1",
        "Are audit and assurance policies established, documented and evaluated?",
        "Yes",
        "CSP-owned",
        "Cloudy keeps an audit policy, reviewed every year.",
        "",
        "",
        "A&A-01",
        "Establish, document, approve, communicate, apply, evaluate and maintain audit policies.",
        "Audit and Assurance Policy and Procedures",
        "Audit & Assurance",
      ],
      [
        "IAM-02.1",
        "Are strong password policies established?",
        "Yes",
        "Shared CSP and CSC",
        "Cloudy enforces MFA for its operators.",
        "Customers set password policies for their users, including length and rotation.",
        "",
        "IAM-02",
        "Establish strong password policies.",
        "Strong Password Policy and Procedures",
        "Identity & Access Management",
      ],
      [
        "IAM-05.1",
        "Is the least privilege principle employed when implementing information system access?",
        "Yes",
        "CSC-owned",
        "",
        "Customers grant their users the least privilege they need.\nShould: Review grants every quarter",
        "",
        "IAM-05",
        "Employ the least privilege principle.",
        "Least Privilege",
        "Identity & Access Management",
      ],
      [
        "DCS-07.1",
        "Are physical security perimeters implemented?",
        "Yes",
        "Shared CSP and 3rd-party",
        "Cloudy reviews the hyperscaler's audit reports every year.",
        "",
        "Guards and fences the data centre perimeter.",
        "DCS-07",
        "Implement physical security perimeters.",
        "Controlled Access Points",
        "Datacenter Security",
      ],
    ];
    for (const row of caiqRows) sheet.addRow(row);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const options = matrixOptions(p, { format: "xlsx", bytes }, { fileName: "caiq.xlsx" });
    const { preview, service, exported } = await importPublishAndRead(p, options);

    // The title row is skipped; the header is found below it, and rows keep their sheet row numbers.
    expect(preview.format).toBe("xlsx");
    expect(preview.headers[0]?.slice(0, 4)).toEqual([
      "Question ID",
      "Question",
      "CSP CAIQ Answer",
      "SSRM Control Ownership",
    ]);
    expect(preview.rows.map((r) => [r.line, r.groups, r.assignmentSource])).toEqual([
      [4, ["Audit & Assurance"], "from the Assignment column (“CSP-owned”)"],
      [5, ["Identity & Access Management"], "from the Assignment column (“Shared CSP and CSC”)"],
      [6, ["Identity & Access Management"], "from the Assignment column (“CSC-owned”)"],
      [7, ["Datacenter Security"], "from the Assignment column (“Shared CSP and 3rd-party”)"],
    ]);
    // One group per CCM domain; the single sheet's name is not a group.
    expect(preview.groups).toEqual([
      { title: "Audit & Assurance", depth: 0 },
      { title: "Identity & Access Management", depth: 0 },
      { title: "Datacenter Security", depth: 0 },
    ]);
    expect(
      readings(preview, "Is the least privilege principle employed when implementing information system access?"),
    ).toEqual({
      provider: { kind: "empty", duties: [], notes: [] },
      customer: {
        kind: "duties",
        duties: [
          "must: Customers grant their users the least privilege they need.",
          "should: Review grants every quarter",
        ],
        notes: ["2 duties, one per line", "“Review grants every quarter” is marked should"],
      },
      hyperscaler: { kind: "empty", duties: [], notes: [] },
    });

    expect(service.groups.map((g) => [g.key, g.title, g.parent])).toEqual([
      ["audit-assurance", "Audit & Assurance", null],
      ["identity-access-management", "Identity & Access Management", null],
      ["datacenter-security", "Datacenter Security", null],
    ]);
    // Question IDs are the keys, questions the names, CCM control IDs the references; the ownership
    // reads back as the same CAIQ value.
    expect(
      service.areas.map((a) => ({
        key: a.key,
        name: a.name,
        group: a.group,
        assignment: a.assignment,
        parties: sorted(a.parties),
        caiq: a.caiq.ownership,
        cells: cellSummary(a),
        references: a.references,
      })),
    ).toEqual([
      {
        key: "a-a-01-1",
        name: "Are audit and assurance policies established, documented and evaluated?",
        group: "audit-assurance",
        assignment: "provider",
        parties: ["provider"],
        caiq: "CSP-owned",
        cells: [{ party: "provider", duties: ["must: Cloudy keeps an audit policy, reviewed every year."] }],
        references: [{ framework: "CSA CCM", control: "A&A-01" }],
      },
      {
        key: "iam-02-1",
        name: "Are strong password policies established?",
        group: "identity-access-management",
        assignment: "shared",
        parties: ["customer", "provider"],
        caiq: "Shared CSP and CSC",
        cells: [
          { party: "provider", duties: ["must: Cloudy enforces MFA for its operators."] },
          {
            party: "customer",
            duties: ["must: Customers set password policies for their users, including length and rotation."],
          },
        ],
        references: [{ framework: "CSA CCM", control: "IAM-02" }],
      },
      {
        key: "iam-05-1",
        name: "Is the least privilege principle employed when implementing information system access?",
        group: "identity-access-management",
        assignment: "customer",
        parties: ["customer"],
        caiq: "CSC-owned",
        cells: [
          {
            party: "customer",
            duties: [
              "must: Customers grant their users the least privilege they need.",
              "should: Review grants every quarter",
            ],
          },
        ],
        references: [{ framework: "CSA CCM", control: "IAM-05" }],
      },
      {
        key: "dcs-07-1",
        name: "Are physical security perimeters implemented?",
        group: "datacenter-security",
        assignment: "shared",
        parties: ["hyperscaler", "provider"],
        caiq: "Shared CSP and 3rd-party",
        cells: [
          { party: "provider", duties: ["must: Cloudy reviews the hyperscaler's audit reports every year."] },
          { party: "hyperscaler", duties: ["must: Guards and fences the data centre perimeter."] },
        ],
        references: [{ framework: "CSA CCM", control: "DCS-07" }],
      },
    ]);

    const audit = await importAudit(p.id);
    expect(audit.after).toMatchObject({ format: "xlsx", fileName: "caiq.xlsx", rows: 4, corrections: 0 });

    await expectUnchangedOnReimport(options, 4);
    await reimportExport(p, exported);
  });

  test("a table transcribed from prose terms (Markdown): strengths from the wording, sentences kept whole", async () => {
    const p = await cloudyProvider([cloudy, customer]);
    const text = fixture("prose-backup-terms.md");
    const options = matrixOptions(p, { format: "markdown", text });
    const { preview, service, exported } = await importPublishAndRead(p, options);

    // One table: its heading is no group. "<br>" separates duties; the commas inside sentences do not.
    expect(preview.groups).toEqual([]);
    expect(preview.headers).toEqual([["Responsibility", "Cloudy", "Customer"]]);
    expect(readings(preview, "Database backups")).toEqual({
      provider: {
        kind: "duties",
        duties: [
          "must: We must take a full backup every night, keep it for 30 days, and store it in a second region.",
          "excluded: We are not responsible for restores, which you start from the console.",
        ],
        notes: [
          "2 duties, one per line",
          "“We are not responsible for restores, wh…” reads as an exclusion (“are not responsible for”): excluded",
        ],
      },
      customer: {
        kind: "duties",
        duties: [
          "must: You must test restores at least once a quarter, and keep the results.",
          "should: We recommend exporting critical data to storage you control.",
        ],
        notes: [
          "2 duties, one per line",
          "“We recommend exporting critical data to…” reads as a recommendation (“We recommend”): should",
        ],
      },
    });
    expect(readings(preview, "Encryption").customer?.notes).toEqual([
      "2 duties, one per line",
      "“You should manage your own keys for reg…” reads as a recommendation (“should”): should",
      "“You may bring your own key, if your pla…” reads as optional (“may”): may",
    ]);
    expect(readings(preview, "Retention").customer?.notes).toEqual([
      "one duty (commas kept: the file's rule splits at line breaks only)",
    ]);
    // Splitting at commas would cut those sentences apart: that is why it is the file's choice.
    const byCommas = await previewServiceMatrix({ ...options, split: "commas" });
    expect(byCommas.split).toBe("commas");
    expect(readings(byCommas, "Retention").customer?.duties).toEqual([
      "must: You must decide how long data is kept",
      "must: and delete what you no longer need.",
    ]);

    expect(service.areas.map((a) => [a.key, a.assignment, sorted(a.parties), cellSummary(a)])).toEqual([
      [
        "database-backups",
        "shared",
        ["customer", "provider"],
        [
          {
            party: "provider",
            duties: [
              "must: We must take a full backup every night, keep it for 30 days, and store it in a second region.",
              "excluded: We are not responsible for restores, which you start from the console.",
            ],
          },
          {
            party: "customer",
            duties: [
              "must: You must test restores at least once a quarter, and keep the results.",
              "should: We recommend exporting critical data to storage you control.",
            ],
          },
        ],
      ],
      [
        "encryption",
        "shared",
        ["customer", "provider"],
        [
          {
            party: "provider",
            duties: ["must: We must encrypt data at rest with AES-256, using keys we rotate yearly."],
          },
          {
            party: "customer",
            duties: [
              "should: You should manage your own keys for regulated data, using the key service.",
              "may: You may bring your own key, if your plan includes it.",
            ],
          },
        ],
      ],
      [
        "retention",
        "customer",
        ["customer"],
        [
          {
            party: "customer",
            duties: ["must: You must decide how long data is kept, and delete what you no longer need."],
          },
        ],
      ],
    ]);

    await expectUnchangedOnReimport(options, 3);
    await reimportExport(p, exported);
  });
});

describe("corrections sent with the import", () => {
  test("cells corrected in the preview are read instead of the file's text; the audit entry counts them", async () => {
    const p = await cloudyProvider([cloudy, customer, hyperscaler]);
    // Two slips in the RACI file: "RX" for "R", and a row whose letters leave nobody responsible.
    const text = fixture("raci-lifecycle-phases.md")
      .replace(/\| Patch hypervisors \| I +\| A +\| R +\|/, "| Patch hypervisors | I | A | RX |")
      .replace(/\| Back up data +\| A\/R +\|/, "| Back up data | I |");
    expect(text).toContain("| RX |");
    expect(text).toContain("| Back up data | I |");
    const options = matrixOptions(p, { format: "markdown", text }, { fileName: "raci.md" });

    const preview = await previewServiceMatrix(options);
    const backup = rowOf(preview, "Back up data");
    expect(backup.errors).toEqual([expect.stringMatching(/no Responsible or Accountable party/)]);
    expect(preview.errorCount).toBe(preview.rows.filter((r) => r.errors.length).length);
    const refused = await refusal(importServiceMatrix(options));
    expect(refused.code).toBe("INVALID_INPUT");
    expect(refused.fieldErrors).toContainEqual({ path: `line ${backup.line}`, message: backup.errors[0] });
    expect(await db().providerDraft.findUnique({ where: { providerId: p.id } })).toBeNull();

    // The editor fixes both cells in the preview: table, line and column as the preview gave them.
    const cellAt = (name: string, party: string) => {
      const row = rowOf(preview, name);
      const cell = row.cells.find((c) => c.party === party)!;
      return { table: row.table, line: row.line, column: cell.column };
    };
    const corrections: CellCorrection[] = [
      { ...cellAt("Patch hypervisors", "hyperscaler"), text: "R" },
      { ...cellAt("Back up data", "customer"), text: "A/R" },
    ];
    expect(corrections.map(({ table, column }) => [table, column])).toEqual([
      [2, 3],
      [2, 1],
    ]);
    const corrected = await previewServiceMatrix({ ...options, corrections });
    expectClean(corrected);
    expect(rowOf(corrected, "Patch hypervisors").cells.find((c) => c.party === "hyperscaler")).toMatchObject({
      raw: "RX",
      corrected: true,
      reading: { kind: "raci", raci: "R", duties: [] },
    });
    expect(rowOf(corrected, "Back up data").cells.find((c) => c.party === "customer")).toMatchObject({
      raw: "I",
      corrected: true,
      reading: { kind: "raci", raci: "RA" },
    });
    expect(rowOf(corrected, "Back up data").cells.find((c) => c.party === "provider")?.corrected).toBe(false);

    const result = await importServiceMatrix({ ...options, corrections, expectedDraftVersion: corrected.draftVersion });
    expect(result).toMatchObject({ draftVersion: 1, rows: 10, added: 10, removed: 1 });
    const draft = (await getDraft({ db: db(), actor: p.manager, provider: p.slug })).document;
    const areas = draft.services[0]!.areas;
    const area = (key: string) => areas.find((a) => a.key === key)!;
    expect(carriers(area("patch-hypervisors"), draft.parties)).toEqual(["hyperscaler"]);
    expect(carriers(area("back-up-data"), draft.parties)).toEqual(["customer"]);
    expect(area("patch-hypervisors")).toMatchObject({
      assignment: "third-party",
      cells: [
        { party: "provider", duties: [], raci: "A" },
        { party: "customer", duties: [], raci: "I" },
        { party: "hyperscaler", duties: [], raci: "R" },
      ],
    });
    expect(area("back-up-data")).toMatchObject({
      assignment: "customer",
      cells: [
        { party: "provider", raci: "C" },
        { party: "customer", raci: "RA" },
        { party: "hyperscaler", raci: "I" },
      ],
    });
    const audit = await importAudit(p.id);
    expect(audit.actorId).toBe(p.manager.id);
    expect(audit.after).toMatchObject({
      draftVersion: 1,
      service: p.service,
      format: "markdown",
      split: "lines",
      corrections: 2,
      fileName: "raci.md",
      rows: 10,
    });
  });
});

describe("mistyped letters", () => {
  test("a cell of letters that are not RACI letters (RX) in a RACI table is an error", async () => {
    const p = await cloudyProvider([cloudy, customer, hyperscaler]);
    const text = fixture("raci-lifecycle-phases.md").replace(
      /\| Patch hypervisors \| I +\| A +\| R +\|/,
      "| Patch hypervisors | I | A | RX |",
    );
    const preview = await previewServiceMatrix(matrixOptions(p, { format: "markdown", text }));
    expect(rowOf(preview, "Patch hypervisors").errors).not.toEqual([]);
  });
});
