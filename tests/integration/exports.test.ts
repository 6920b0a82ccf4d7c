// GET /api/v1/providers/{provider}/export as files: CSV and XLSX read back with real readers, the
// CAIQ workbook, versions, one service under a deployment model, filters, the problems for bad
// queries and hidden providers, and the audit entry every download leaves.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, test, vi } from "vitest";
import { GET as obligationsRoute } from "@/app/api/v1/me/obligations/export/route";
import { GET as exportRoute } from "@/app/api/v1/providers/[provider]/export/route";
import { GET as diffRoute } from "@/app/api/v1/providers/[provider]/versions/compare/export/route";
import { anonymous } from "@/lib/auth/permissions";
import { effectiveParties } from "@/lib/model/area-text";
import { responsibleParties, toCaiqOwnership } from "@/lib/domain/assignment";
import { documentToProviderDetail, serviceToDetail } from "@/lib/transfer/document-to-dto";
import { getDb } from "@/lib/db";
import { recordVersion } from "@/lib/versions/record-version";
import { providerDocumentSchema } from "@/lib/validation/provider-document";
import { actAs } from "../support/actor";
import { publishChangedVersion, publishedSeed, systemActor } from "../support/published-seed";
import { oscalSchemaErrors } from "../support/oscal-schema";
import { makeUser } from "../factories/accounts";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const run = promisify(execFile);

async function download(provider: string, query: string) {
  const response = await exportRoute(new Request(`http://localhost/api/v1/providers/${provider}/export?${query}`), {
    params: Promise.resolve({ provider }),
  });
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    disposition: response.headers.get("content-disposition"),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

const rowsOf = (csv: Buffer) => parse(csv.toString("utf8"), { bom: true, columns: true }) as Record<string, string>[];

async function workbook(bytes: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** Every row's cell texts (ExcelJS's lists are sparse and 1-based). */
const values = (sheet: ExcelJS.Worksheet) =>
  Array.from(sheet.getSheetValues().slice(1), (row) =>
    Array.isArray(row) ? Array.from(row.slice(1), (v) => (v === undefined || v === null ? "" : String(v))) : [],
  );

describe("provider exports", () => {
  test("CSV: one row per area with every party's duties, read back with a CSV parser", async () => {
    actAs(anonymous);
    const p = await publishedSeed("danubedata");
    const file = await download(p.slug, "format=csv");
    expect(file.status).toBe(200);
    expect(file.type).toBe("text/csv; charset=utf-8");
    expect(file.disposition).toBe(`attachment; filename="${p.slug}-v1.csv"`);
    const rows = rowsOf(file.bytes);
    const areas = [
      ...p.document.services.flatMap((s) => s.areas.map((a) => [s.name, a] as const)),
      ...p.document.crossCuttingAreas.map((a) => ["Cross-cutting", a] as const),
    ];
    expect(rows).toHaveLength(areas.length);
    for (const [service, area] of areas) {
      const row = rows.find((r) => r.Service === service && r["Area key"] === area.key);
      expect(row, `${service} / ${area.name}`).toBeDefined();
      expect(row!.Area).toBe(area.name);
      expect(row!.Version).toBe("1");
      for (const cell of area.cells) {
        const party = p.document.parties.find((x) => x.key === cell.party)!;
        const text = row![`${party.name} duties`];
        if (cell.notApplicable) expect(text).toBe("N/A");
        else for (const duty of cell.duties) expect(text).toContain(duty.text);
      }
    }
    // One service's file is its page: its own areas and the provider's cross-cutting ones, which apply to it.
    const vps = p.document.services.find((s) => s.slug === "vps")!;
    const oneService = rowsOf((await download(p.slug, "format=csv&service=vps")).bytes);
    expect(p.document.crossCuttingAreas.length).toBeGreaterThan(0);
    expect(oneService.map((r) => `${r.Service}/${r["Area key"]}`)).toEqual([
      ...vps.areas.map((a) => `${vps.name}/${a.key}`),
      ...p.document.crossCuttingAreas.map((a) => `Cross-cutting/${a.key}`),
    ]);
  });

  test("CSV: cells a spreadsheet would run as formulas are neutralised", async () => {
    actAs(anonymous);
    const p = await publishedSeed("danubedata", (doc) => {
      doc.services[0]!.areas[0]!.name = '=HYPERLINK("https://evil.example","x")';
      doc.services[0]!.areas[0]!.notes = "+SUM(1,2)";
    });
    const rows = rowsOf((await download(p.slug, "format=csv")).bytes);
    const row = rows.find((r) => r["Area key"] === p.document.services[0]!.areas[0]!.key)!;
    expect(row.Area).toBe('\'=HYPERLINK("https://evil.example","x")');
    expect(row.Notes).toBe("'+SUM(1,2)");
  });

  test("XLSX: cover, one sheet per service, cross-cutting and legend; assignment cells labelled and coloured", async () => {
    actAs(anonymous);
    const p = await publishedSeed("danubedata");
    const file = await download(p.slug, "format=xlsx");
    expect(file.status).toBe(200);
    expect(file.disposition).toBe(`attachment; filename="${p.slug}-v1.xlsx"`);
    const book = await workbook(file.bytes);
    const names = book.worksheets.map((ws) => ws.name);
    expect(names[0]).toBe("Cover");
    expect(names.at(-1)).toBe("Legend");
    expect(names).toContain("Cross-cutting");
    expect(names).toHaveLength(p.document.services.length + 3);
    const cover = values(book.getWorksheet("Cover")!);
    expect(cover.find((r) => r[0] === "Version")?.[1]).toMatch(/^1, published \d{4}-\d\d-\d\d/);
    expect(cover.find((r) => r[0] === "Content hash (SHA-256)")?.[1]).toMatch(/^[0-9a-f]{64}$/);
    const service = p.document.services[0]!;
    const sheet = book.worksheets[1]!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeDefined();
    const rows = values(sheet);
    expect(rows).toHaveLength(service.areas.length + 1);
    const assignment = rows[0]!.indexOf("Assignment");
    const first = sheet.getRow(2).getCell(assignment + 1);
    expect(String(first.value)).toMatch(/^\S+ (Provider|Customer|Shared|Best effort|Third party|N\/A)$/);
    expect(first.fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(rows.slice(1).map((r) => r[rows[0]!.indexOf("Area")])).toEqual(service.areas.map((a) => a.name));
  });

  test("CAIQ: SSRM ownership per area, CSP and CSC columns, approximate mappings marked", async () => {
    actAs(anonymous);
    const p = await publishedSeed("stackit");
    const file = await download(p.slug, "format=caiq");
    expect(file.disposition).toBe(`attachment; filename="${p.slug}-v1-caiq.xlsx"`);
    const rows = values((await workbook(file.bytes)).getWorksheet("SSRM")!);
    const header = rows[0]!;
    expect(header).toEqual(
      expect.arrayContaining(["SSRM Control Ownership", "CSP Implementation Description", "CSC Responsibilities"]),
    );
    const service = p.document.services[0]!;
    expect(rows).toHaveLength(1 + service.areas.length + p.document.crossCuttingAreas.length);
    for (const area of service.areas) {
      const row = rows.find((r) => r[header.indexOf("Control ID")] === `${service.slug}.${area.key}`)!;
      const parties = responsibleParties(area.assignment, area.parties, p.document.parties);
      const mapping = toCaiqOwnership(area.assignment, parties, p.document.parties);
      expect(row[header.indexOf("SSRM Control Ownership")]).toBe(mapping.ownership);
      expect(row[header.indexOf("Ownership mapping")]).toMatch(mapping.exact ? /^exact$/ : /^approximate/);
      const provider = area.cells.find((c) => c.party === "provider");
      for (const duty of provider?.duties ?? [])
        expect(row[header.indexOf("CSP Implementation Description")]).toContain(duty.text);
    }
    // STACKIT's best-effort rows have no exact CAIQ value.
    expect(rows.some((r) => r[header.indexOf("Ownership mapping")]?.startsWith("approximate"))).toBe(true);
  });

  test("one service under a deployment model, filtered: the file says so in its name and holds the model's rows", async () => {
    actAs(anonymous);
    const p = await publishedSeed("contain");
    const file = await download(p.slug, "format=csv&service=platform&model=cloud-services&assignment=third-party");
    expect(file.status).toBe(200);
    expect(file.disposition).toBe(`attachment; filename="${p.slug}-v1-platform-cloud-services-filtered.csv"`);
    const rows = rowsOf(file.bytes);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.Assignment === "Third party" && r["Deployment model"] === "Cloud Services")).toBe(true);
    // Without the model, the same filter finds fewer third-party rows (the model moves work to the hyperscaler).
    const unmodelled = rowsOf((await download(p.slug, "format=csv&service=platform&assignment=third-party")).bytes);
    expect(unmodelled.length).toBeLessThan(rows.length);
  });

  test("party, layer and framework filters: only the rows the matrix shows, named on the cover; unknown keys are 400", async () => {
    actAs(anonymous);
    const contain = await publishedSeed("contain");
    const byParty = rowsOf((await download(contain.slug, "format=csv&service=platform&party=customer")).bytes);
    // The page's Party filter: the parties an area names, or its assignment's default ones.
    const detail = documentToProviderDetail(contain.document);
    const service = serviceToDetail({
      provider: contain.document,
      parties: contain.document.parties,
      service: contain.document.services.find((s) => s.slug === "platform")!,
    });
    const customerRows = service.areas.filter((a) => effectiveParties(a, detail.parties).includes("customer"));
    expect(customerRows.length).toBeGreaterThan(0);
    expect(customerRows.length).toBeLessThan(service.areas.length);
    expect(byParty.map((r) => r["Area key"])).toEqual(customerRows.map((a) => a.key));
    const unknown = await download(contain.slug, "format=csv&party=nobody");
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.bytes.toString("utf8")).errors[0]).toMatchObject({ path: "party" });

    const stackit = await publishedSeed("stackit", (doc) => {
      // Two areas cite a framework (no seed area does).
      for (const area of doc.services[0]!.areas.slice(0, 2))
        area.references = [{ framework: "CSA CCM", control: "IAM-01" }];
    });
    const layered = stackit.document.services.find((s) => s.layers.length > 1 && s.areas.some((a) => a.layer))!;
    const layer = layered.areas.find((a) => a.layer)!.layer!;
    const file = await download(stackit.slug, `format=xlsx&service=${layered.slug}&layer=${layer}`);
    expect(file.status).toBe(200);
    const book = await workbook(file.bytes);
    const cover = values(book.getWorksheet("Cover")!).map((row) => row.join(" "));
    const layerName = layered.layers.find((l) => l.key === layer)!.name;
    expect(cover).toContain(`Filter: layers ${layerName}`);
    const expected = layered.areas.filter((a) => a.layer === layer).length;
    expect(values(book.worksheets.find((ws) => ws.name !== "Cover" && ws.name !== "Legend")!).length).toBe(
      expected + 1,
    );
    expect((await download(stackit.slug, `format=csv&service=${layered.slug}&layer=basement`)).status).toBe(400);

    const framework = stackit.document.services
      .flatMap((s) => s.areas)
      .flatMap((a) => (a.references ?? []).map((r) => r.framework))[0];
    if (framework) {
      const cited = rowsOf(
        (await download(stackit.slug, `format=csv&framework=${encodeURIComponent(framework)}`)).bytes,
      );
      expect(cited.length).toBeGreaterThan(0);
      expect(cited.every((r) => r["Framework references"]!.includes(framework))).toBe(true);
    }
  });

  test("bad queries are 400 problems naming the field; hidden and unknown providers are the same 404", async () => {
    actAs(anonymous);
    const p = await publishedSeed("contain");
    const problem = async (query: string, provider = p.slug) => {
      const file = await download(provider, query);
      return { status: file.status, type: file.type, body: JSON.parse(file.bytes.toString("utf8")) };
    };
    const format = await problem("format=docx");
    expect(format.status).toBe(400);
    expect(format.type).toBe("application/problem+json");
    expect(format.body.errors).toEqual([
      { path: "format", message: "Use one of json, pdf, csv, xlsx, oscal-ssp, oscal-catalog, caiq" },
    ]);
    expect((await problem("format=csv&model=cloud-services")).body.errors[0].path).toBe("model");
    expect((await problem("format=csv&service=platform&model=nope")).status).toBe(400);
    expect((await problem("format=csv&assignment=everyone")).body.errors[0].path).toMatch(/^assignment/);
    expect((await problem("format=csv&version=9")).status).toBe(404);
    expect((await problem("format=csv&service=nope")).status).toBe(404);

    const hidden = await publishedSeed("danubedata", (doc) => void (doc.isPrivate = true));
    const unknown = await problem("format=csv", "no-such-provider");
    const secret = await problem("format=csv", hidden.slug);
    expect(unknown.status).toBe(404);
    expect(secret.status).toBe(404);
    expect(secret.body.title).toBe(unknown.body.title);
  });

  test("every download is in the audit log: who, which provider, version and format", async () => {
    const p = await publishedSeed("danubedata");
    const auditor = await makeUser({ role: "auditor" });
    actAs(auditor.actor);
    expect((await download(p.slug, "format=xlsx&version=1&q=backup")).status).toBe(200);
    const entry = await getDb().auditEntry.findFirstOrThrow({
      where: { providerId: p.id, action: "export.download" },
      orderBy: { at: "desc" },
    });
    expect(entry.actorId).toBe(auditor.actor.id);
    expect(entry.after).toMatchObject({ format: "xlsx", version: 1, query: "backup", service: null });
    expect((await download(p.slug, "")).status).toBe(200);
    const json = await getDb().auditEntry.findFirstOrThrow({
      where: { providerId: p.id, action: "export.download", after: { path: ["format"], equals: "json" } },
    });
    expect(json.actorId).toBe(auditor.actor.id);
  });

  test("PDF: tagged, every area in the text, byte-identical on a second download", async () => {
    actAs(anonymous);
    const p = await publishedSeed("stackit");
    const file = await download(p.slug, "format=pdf");
    expect(file.status).toBe(200);
    expect(file.type).toBe("application/pdf");
    expect(file.disposition).toBe(`attachment; filename="${p.slug}-v1.pdf"`);
    const dir = mkdtempSync(path.join(tmpdir(), "demarc-pdf-"));
    const pdfPath = path.join(dir, "export.pdf");
    writeFileSync(pdfPath, file.bytes);
    const info = (await run("pdfinfo", [pdfPath])).stdout;
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
    const text = (await run("pdftotext", ["-raw", pdfPath, "-"])).stdout.replace(/\s+/g, " ");
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain("Version 1");
    for (const area of p.document.services[0]!.areas) expect(text).toContain(area.name);
    expect((await download(p.slug, "format=pdf")).bytes.equals(file.bytes)).toBe(true);
  });

  test("OSCAL catalog and SSP validate against NIST's schema, and the SSP points at the catalog's file", async () => {
    actAs(anonymous);
    const p = await publishedSeed("contain");
    const query = "service=platform&model=cloud-services";
    const catalogFile = await download(p.slug, `format=oscal-catalog&${query}`);
    const sspFile = await download(p.slug, `format=oscal-ssp&${query}`);
    expect(catalogFile.type).toBe("application/json");
    const catalogName = `${p.slug}-v1-platform-cloud-services-catalog.json`;
    expect(catalogFile.disposition).toBe(`attachment; filename="${catalogName}"`);
    expect(sspFile.disposition).toBe(`attachment; filename="${p.slug}-v1-platform-cloud-services-ssp.json"`);
    const catalog = JSON.parse(catalogFile.bytes.toString("utf8"));
    const ssp = JSON.parse(sspFile.bytes.toString("utf8"));
    expect(oscalSchemaErrors(catalog)).toEqual([]);
    expect(oscalSchemaErrors(ssp)).toEqual([]);
    expect(ssp["system-security-plan"]["import-profile"].href).toContain(catalogName);
    const areas = p.document.services.find((s) => s.slug === "platform")!.areas;
    expect(ssp["system-security-plan"]["control-implementation"]["implemented-requirements"]).toHaveLength(
      areas.length,
    );
  });

  test("the same version exports the same CSV; a new version is a new file", async () => {
    actAs(anonymous);
    const p = await publishedSeed("danubedata");
    const first = await download(p.slug, "format=csv");
    expect((await download(p.slug, "format=csv")).bytes.equals(first.bytes)).toBe(true);
    const changed = providerDocumentSchema.parse({ ...p.document, summary: "Changed." });
    await getDb().$transaction((tx) =>
      recordVersion({ tx, actor: systemActor, providerId: p.id, document: changed, note: "Second" }),
    );
    const second = await download(p.slug, "format=csv");
    expect(second.disposition).toBe(`attachment; filename="${p.slug}-v2.csv"`);
    expect(rowsOf(second.bytes)[0]!.Version).toBe("2");
  });

  test("My obligations: the customer's duties per subscribed service as CSV and XLSX, nothing for others", async () => {
    const p = await publishedSeed("danubedata");
    const service = await getDb().service.findFirstOrThrow({ where: { providerId: p.id, position: 0 } });
    const organization = await getDb().organization.create({
      data: {
        slug: `org-${crypto.randomUUID().slice(0, 8)}`,
        name: "Acme Exports",
        subscriptions: { create: [{ serviceId: service.id }] },
      },
    });
    const customer = await makeUser({ role: "customer", organizationId: organization.id });
    const get = async (format: string) => {
      const response = await obligationsRoute(
        new Request(`http://localhost/api/v1/me/obligations/export?format=${format}`),
        { params: Promise.resolve({}) },
      );
      return {
        status: response.status,
        disposition: response.headers.get("content-disposition"),
        bytes: Buffer.from(await response.arrayBuffer()),
      };
    };
    actAs(customer.actor);
    const csv = await get("csv");
    expect(csv.status).toBe(200);
    expect(csv.disposition).toBe('attachment; filename="acme-exports-obligations.csv"');
    const rows = rowsOf(csv.bytes);
    const expected = p.document.services[0]!.areas.flatMap((area) => {
      const cell = area.cells.find((c) => c.party === "customer");
      return cell?.notApplicable ? [] : (cell?.duties ?? []).filter((d) => d.strength !== "excluded");
    });
    const serviceRows = rows.filter((r) => r.Service === p.document.services[0]!.name);
    expect(serviceRows.map((r) => r.Duty)).toEqual(expected.map((d) => d.text));
    expect(new Set(rows.map((r) => r.Provider))).toEqual(new Set([p.document.name]));

    const book = await workbook((await get("xlsx")).bytes);
    expect(book.worksheets.map((ws) => ws.name)).toEqual(["About", p.document.name]);
    expect(values(book.worksheets[1]!).length).toBe(rows.length + 1);

    expect((await get("caiq")).status).toBe(400);
    actAs(anonymous);
    expect((await get("csv")).status).toBe(401);
    actAs((await makeUser({ role: "auditor" })).actor);
    expect((await get("csv")).status).toBe(403);
  });

  test("version changes as CSV: one row per field change, parties by name; unknown versions are 404", async () => {
    actAs(anonymous);
    const p = await publishedSeed("danubedata");
    const { changed, area } = await publishChangedVersion(p);
    const response = await diffRoute(
      new Request(`http://localhost/api/v1/providers/${p.slug}/versions/compare/export?from=1&to=2&format=csv`),
      { params: Promise.resolve({ provider: p.slug }) },
    );
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${p.slug}-v1-v2-changes.csv"`);
    const rows = rowsOf(Buffer.from(await response.arrayBuffer()));
    const service = changed.services[0]!.name;
    expect(rows).toContainEqual({
      Where: service,
      Kind: "area",
      Item: "Brand new area",
      Change: "added",
      Field: "",
      Before: "",
      After: "",
    });
    const duties = rows.find((r) => r.Item === area.name && r.Field === "Customer duties")!;
    expect(duties.After).toContain("Review the new duty");
    expect(duties.Before).not.toContain("Review the new duty");
    const missing = await diffRoute(
      new Request(`http://localhost/api/v1/providers/${p.slug}/versions/compare/export?from=1&to=9&format=csv`),
      { params: Promise.resolve({ provider: p.slug }) },
    );
    expect(missing.status).toBe(404);
  });
});
