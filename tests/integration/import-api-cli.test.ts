// Imports without a browser: POST /api/v1/providers/{provider}/import (the route handler, as Next
// calls it) and `npm run import` (the README's command, run as an operator would against the test
// database). Both end in the same services as the Import page; these tests check what each transport
// adds: its parameters, its errors, what it answers or prints, and that a dry run writes nothing.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { describe, expect, inject, test, vi } from "vitest";
import { POST as importRoute } from "@/app/api/v1/providers/[provider]/import/route";
import { anonymous } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { getDraft } from "@/lib/drafts/get-draft";
import { getService } from "@/lib/providers/get-service";
import { importResponseDto } from "@/lib/validation/import-api";
import { actAs } from "../support/actor";
import { createProvider } from "../support/app-db";
import { callRoute } from "../support/call-route";
import { makeUser } from "../factories/accounts";
import { makeProviderDocument } from "../factories/provider-document";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const run = promisify(execFile);
const db = () => getDb();

const raciTable = `## Build

| Activity            | Customer | Cloudy | Hyperscaler |
| ------------------- | -------- | ------ | ----------- |
| Define requirements | A/R      | C      | -           |
| Network setup       | C        | A/R    | R           |

## Run

| Activity          | Customer | Cloudy | Hyperscaler |
| ----------------- | -------- | ------ | ----------- |
| Patch hypervisors | I        | A      | R           |
`;

/** A provider "Cloudy" with a hyperscaler, one service and a manager. */
async function cloudy() {
  const doc = makeProviderDocument();
  doc.parties = [
    { key: "provider", name: "Cloudy", role: "provider" },
    { key: "customer", name: "Customer", role: "customer" },
    { key: "hyperscaler", name: "Hyperscaler", role: "third-party" },
  ];
  const created = await createProvider(doc);
  const manager = (await makeUser({ role: "account-manager", managedProviderIds: [created.id] })).actor;
  return { id: created.id, slug: doc.slug, service: doc.services[0]!.slug, manager };
}

function post(provider: string, query: string, body: BodyInit, headers: Record<string, string> = {}) {
  return callRoute(
    importRoute,
    `/api/v1/providers/${provider}/import?${query}`,
    { provider },
    {
      method: "POST",
      body,
      headers,
    },
  );
}

const draftVersion = async (providerId: string) =>
  (await db().providerDraft.findUnique({ where: { providerId } }))?.version ?? 0;

describe("POST /api/v1/providers/{provider}/import", () => {
  test("a dry run answers how every cell reads and writes nothing; the import lands in the draft", async () => {
    const p = await cloudy();
    actAs(p.manager);
    const dry = await post(p.slug, `format=markdown&service=${p.service}&dryRun=1`, raciTable);
    expect(dry.status).toBe(200);
    const preview = importResponseDto.parse(dry.body);
    if (preview.kind !== "matrix-preview") throw new Error(`unexpected ${preview.kind}`);
    expect(preview.counts).toMatchObject({ rows: 3, added: 3, errors: 0 });
    const network = preview.rows.find((r) => r.name === "Network setup")!;
    expect(network.groups).toEqual(["Build"]);
    expect(network.cells.map((c) => [c.party, c.kind, c.raci])).toEqual([
      ["customer", "raci", "C"],
      ["provider", "raci", "RA"],
      ["hyperscaler", "raci", "R"],
    ]);
    expect(await draftVersion(p.id)).toBe(0);

    const done = await post(p.slug, `format=markdown&service=${p.service}&fileName=raci.md`, raciTable);
    expect(done).toMatchObject({
      status: 200,
      body: { kind: "matrix-import", draftVersion: 1, counts: { rows: 3, added: 3, removed: 1 } },
    });
    const draft = await getDraft({ db: db(), actor: p.manager, provider: p.slug });
    const areas = draft.document.services[0]!.areas;
    expect(areas.map((a) => [a.name, a.group])).toEqual([
      ["Define requirements", "build"],
      ["Network setup", "build"],
      ["Patch hypervisors", "run"],
    ]);
    expect(areas[2]!.cells.find((c) => c.party === "hyperscaler")?.raci).toBe("R");
    const audit = await db().auditEntry.findFirstOrThrow({
      where: { providerId: p.id, action: "draft.import-matrix" },
    });
    expect(audit.actorId).toBe(p.manager.id);
    expect(audit.after).toMatchObject({ fileName: "raci.md" });
  });

  test("an XLSX body imports as its first sheet says", async () => {
    const p = await cloudy();
    actAs(p.manager);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Matrix");
    sheet.addRows([
      ["Responsibility", "Cloudy", "Customer"],
      ["Hardware", "Replace failed disks", "N/A"],
      ["Data", "", "Classify data\nBack up data"],
    ]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const done = await post(p.slug, `format=xlsx&service=${p.service}`, bytes);
    expect(done).toMatchObject({ status: 200, body: { kind: "matrix-import", counts: { rows: 2 } } });
    const areas = (await getDraft({ db: db(), actor: p.manager, provider: p.slug })).document.services[0]!.areas;
    expect(areas.find((a) => a.name === "Data")?.cells.find((c) => c.party === "customer")?.duties).toEqual([
      { text: "Classify data" },
      { text: "Back up data" },
    ]);
  });

  test("bad parameters and bodies get problem details and change nothing", async () => {
    const p = await cloudy();
    actAs(p.manager);
    const problems = [
      [await post(p.slug, "format=pdf", raciTable), 400, "format"],
      [await post(p.slug, "format=markdown", raciTable), 400, "service"],
      [await post(p.slug, `format=markdown&service=${p.service}&mode=merge`, raciTable), 400, "mode"],
      [await post(p.slug, `format=markdown&service=${p.service}&split=words`, raciTable), 400, "split"],
    ] as const;
    for (const [response, status, field] of problems) {
      expect(response.status).toBe(status);
      expect(response.contentType).toContain("application/problem+json");
      expect(JSON.stringify(response.body)).toContain(`"path":"${field}"`);
    }
    const huge = await post(p.slug, `format=csv&service=${p.service}`, "x".repeat(4 * 1024 * 1024 + 1));
    expect(huge).toMatchObject({ status: 413, body: { title: expect.any(String) } });
    const rx = await post(
      p.slug,
      `format=markdown&service=${p.service}`,
      raciTable.replace("| A/R      | C ", "| RX       | C "),
    );
    expect(rx.status).toBe(400);
    expect(JSON.stringify(rx.body)).toMatch(/RX/);
    expect(JSON.stringify(rx.body)).not.toMatch(/at .*\.ts:\d+/);
    expect(await draftVersion(p.id)).toBe(0);
  });

  test("only the provider's editors may import", async () => {
    const p = await cloudy();
    const query = `format=markdown&service=${p.service}`;
    actAs(anonymous);
    expect((await post(p.slug, query, raciTable)).status).toBe(401);
    for (const role of ["customer", "auditor"] as const) {
      actAs((await makeUser({ role })).actor);
      expect((await post(p.slug, query, raciTable)).status).toBe(403);
    }
    actAs((await makeUser({ role: "account-manager" })).actor);
    expect((await post(p.slug, query, raciTable)).status).toBe(403);
    expect(await draftVersion(p.id)).toBe(0);
  });

  test("create=1 makes a new provider from JSON as a draft; the address must name the file's slug", async () => {
    const manager = (await makeUser({ role: "account-manager" })).actor;
    actAs(manager);
    const fresh = makeProviderDocument();
    const json = JSON.stringify(fresh);
    const mismatch = await post("someone-else", "format=json&create=1", json);
    expect(mismatch.status).toBe(400);
    expect(JSON.stringify(mismatch.body)).toContain(`describes \\"${fresh.slug}\\"`);
    const dry = await post(fresh.slug, "format=json&create=1&dryRun=1", json);
    expect(dry.body).toMatchObject({ kind: "provider-preview", outcome: "create", errors: [] });
    expect(await db().provider.count({ where: { slug: fresh.slug } })).toBe(0);
    const created = await post(fresh.slug, "format=json&create=1", json);
    expect(created.body).toEqual({ kind: "provider-import", outcome: "created", slug: fresh.slug, draftVersion: 1 });
    const row = await db().provider.findUniqueOrThrow({ where: { slug: fresh.slug } });
    expect(row.publishedAt).toBeNull();
  });
});

describe("npm run import", () => {
  const env = () => ({ ...process.env, DATABASE_URL: inject("databaseUrl") });
  const importCli = (args: string[]) =>
    run("npm", ["run", "--silent", "import", "--", ...args], { env: env() }).catch(
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
  const tempFile = (name: string, content: string) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "demarc-import-")), name);
    writeFileSync(file, content);
    return file;
  };

  test("a dry run prints the counts and writes nothing; --publish makes the matrix public", async () => {
    const p = await cloudy();
    const file = tempFile("raci.md", raciTable);
    const dry = await importCli(["--provider", p.slug, "--service", p.service, "--file", file, "--dry-run"]);
    expect("code" in dry).toBe(false);
    expect(dry.stdout).toContain("3 rows: 3 new, 0 changed, 0 unchanged, 1 removed.");
    expect(dry.stdout).toContain("Nothing was written (dry run).");
    expect(await draftVersion(p.id)).toBe(0);

    const done = await importCli(["--provider", p.slug, "--service", p.service, "--file", file, "--publish"]);
    expect(done.stdout).toContain("Imported into the draft (change 1).");
    expect(done.stdout).toContain("Published as version 2.");
    const service = await getService({ actor: anonymous, provider: p.slug, service: p.service });
    expect(service?.areas.map((a) => a.name)).toEqual(["Define requirements", "Network setup", "Patch hypervisors"]);
    const audit = await db().auditEntry.findFirstOrThrow({
      where: { providerId: p.id, action: "draft.import-matrix" },
    });
    expect(audit.actorId).toBeNull();
  }, 90_000);

  test("errors exit non-zero with the reason; --create makes a draft provider", async () => {
    const p = await cloudy();
    const bad = tempFile("raci.md", raciTable.replace("| A/R      | C ", "| RX       | C "));
    const refused = await importCli(["--provider", p.slug, "--service", p.service, "--file", bad]);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringMatching(/RX/) });
    expect(await draftVersion(p.id)).toBe(0);
    const unknown = await importCli(["--provider", p.slug, "--file", tempFile("matrix.pdf", "%PDF")]);
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown file type ".pdf"') });

    const fresh = makeProviderDocument();
    const json = tempFile("provider.json", JSON.stringify(fresh));
    const created = await importCli(["--provider", fresh.slug, "--file", json, "--create"]);
    expect(created.stdout).toContain(`Created ${fresh.slug} as a draft.`);
    expect((await db().provider.findUniqueOrThrow({ where: { slug: fresh.slug } })).publishedAt).toBeNull();
  }, 90_000);
});
