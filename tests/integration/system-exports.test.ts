// A system's tracking sheet as CSV and XLSX, read back with independent readers (csv-parse, exceljs),
// through the routes people download from; who may download it; the download in the audit log; and
// the obligations with their tracking as JSON from the API.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { GET as mySystemExport } from "@/app/api/v1/me/systems/[system]/export/route";
import { GET as organizationSystemExport } from "@/app/api/v1/organizations/[organization]/systems/[system]/export/route";
import { POST as recordRoute } from "@/app/api/v1/me/systems/[system]/obligations/[obligation]/route";
import { GET as myObligationsRoute } from "@/app/api/v1/me/systems/[system]/obligations/route";
import { GET as organizationObligationsRoute } from "@/app/api/v1/organizations/[organization]/systems/[system]/obligations/route";
import { getDb } from "@/lib/db";
import { saveObligation } from "@/lib/systems/save-obligation";
import { makeOrganization, makeUser } from "../factories/accounts";
import { actAs } from "../support/actor";
import { callRoute } from "../support/call-route";
import { trackedSystem } from "../support/tracked-system";

async function download(response: Promise<Response>) {
  const r = await response;
  return {
    status: r.status,
    type: r.headers.get("content-type"),
    disposition: r.headers.get("content-disposition"),
    bytes: Buffer.from(await r.arrayBuffer()),
  };
}

const mine = (system: string, format: string) =>
  download(
    mySystemExport(new Request(`http://localhost/api/v1/me/systems/${system}/export?format=${format}`), {
      params: Promise.resolve({ system }),
    }),
  );

const theirs = (organization: string, system: string, format: string) =>
  download(
    organizationSystemExport(
      new Request(`http://localhost/api/v1/organizations/${organization}/systems/${system}/export?format=${format}`),
      { params: Promise.resolve({ organization, system }) },
    ),
  );

describe("a system's tracking sheet", () => {
  test("as CSV and XLSX: one row per obligation with status, owner, due, evidence and where it comes from", async () => {
    const { actor, organization, slug, keyOf } = await trackedSystem();
    await saveObligation({
      actor,
      system: slug,
      obligation: await keyOf("Encrypt backups"),
      expectedVersion: 0,
      input: {
        status: "implemented",
        ownerId: actor.id,
        evidenceLinks: ["https://evidence.example/kms", "https://evidence.example/runbook"],
        notes: 'Keys rotate yearly, "by policy"',
      },
    });
    await saveObligation({
      actor,
      system: slug,
      obligation: await keyOf("Test restores"),
      expectedVersion: 0,
      input: { status: "planned", dueDate: "2020-01-31", evidenceLinks: [] },
    });
    actAs(actor);

    const csv = await mine(slug, "csv");
    expect(csv.status).toBe(200);
    expect(csv.type).toBe("text/csv; charset=utf-8");
    expect(csv.disposition).toContain(`${organization.slug}-${slug}-tracking.csv`);
    const rows = parse(csv.bytes.toString("utf8"), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.Obligation, r.Status, r.Overdue])).toEqual([
      ["Encrypt backups", "Implemented", "No"],
      ["Test restores", "Planned", "Yes"],
      ["Review access quarterly", "Open", "No"],
    ]);
    const owner = await getDb().user.findUniqueOrThrow({ where: { id: actor.id } });
    expect(rows[0]).toMatchObject({
      Owner: owner.name,
      "Evidence links": "https://evidence.example/kms\nhttps://evidence.example/runbook",
      Notes: 'Keys rotate yearly, "by policy"',
      Area: "Backups",
    });
    expect(rows[0]!["Comes from"]).toMatch(/› Backups \(Customer\)$/);
    expect(rows[1]!.Due).toBe("2020-01-31");

    const xlsx = await mine(slug, "xlsx");
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const progress = book.getWorksheet("Progress")!;
    const whole = progress.getRows(1, progress.rowCount)!.find((r) => r.getCell(1).text === "The whole system")!;
    expect([whole.getCell(2).value, whole.getCell(3).value, whole.getCell(4).value]).toEqual([3, 1, 1]);
    const sheet = book.getWorksheet("Tracking")!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).getCell(3).text).toBe("Encrypt backups");
    expect(sheet.getRow(3).getCell(11).text).toBe("Yes");

    const audit = await getDb().auditEntry.findMany({
      where: { action: "export.download", targetType: "system", actorId: actor.id },
      orderBy: { at: "asc" },
    });
    expect(audit.map((a) => (a.after as { format: string }).format)).toEqual(["csv", "xlsx"]);
  });

  test("is the organization's: an auditor reads it by organization, another customer and an account manager get 404", async () => {
    const { organization, slug } = await trackedSystem();
    const auditor = await makeUser({ role: "auditor" });
    actAs(auditor.actor);
    expect((await theirs(organization.slug, slug, "csv")).status).toBe(200);
    expect((await mine(slug, "csv")).status).toBe(403);

    const stranger = await makeUser({ role: "customer", organizationId: (await makeOrganization()).id });
    actAs(stranger.actor);
    expect((await mine(slug, "csv")).status).toBe(404);
    expect((await theirs(organization.slug, slug, "csv")).status).toBe(404);
    const manager = await makeUser({ role: "account-manager" });
    actAs(manager.actor);
    expect((await theirs(organization.slug, slug, "xlsx")).status).toBe(404);
    expect((await mine(slug, "pdf")).status).toBe(400);
  });
});

describe("a system's obligations through the API", () => {
  test("list every obligation with where it stands, for members and staff; nobody else", async () => {
    const { actor, organization, slug, keyOf } = await trackedSystem();
    const key = await keyOf("Test restores");
    await saveObligation({
      actor,
      system: slug,
      obligation: key,
      expectedVersion: 0,
      input: { status: "planned", ownerId: actor.id, dueDate: "2020-01-31", evidenceLinks: ["https://e.example/plan"] },
    });
    actAs(actor);
    const mine = await callRoute(myObligationsRoute, `/api/v1/me/systems/${slug}/obligations`, { system: slug });
    expect(mine.status).toBe(200);
    const body = mine.body as {
      progress: { total: number; overdue: number };
      obligations: { key: string; status: string; overdue: boolean; record: Record<string, unknown> | null }[];
    };
    expect(body.progress).toMatchObject({ total: 3, overdue: 1 });
    const planned = body.obligations.find((o) => o.key === key)!;
    expect(planned).toMatchObject({ status: "planned", overdue: true });
    expect(planned.record).toEqual({
      status: "planned",
      reason: null,
      approver: null,
      owner: { id: actor.id, name: expect.any(String) },
      dueDate: "2020-01-31",
      evidenceLinks: ["https://e.example/plan"],
      notes: null,
      recordedText: "Test restores",
      version: 1,
    });

    const auditor = await makeUser({ role: "auditor" });
    actAs(auditor.actor);
    const params = { organization: organization.slug, system: slug };
    const path = `/api/v1/organizations/${organization.slug}/systems/${slug}/obligations`;
    expect((await callRoute(organizationObligationsRoute, path, params)).status).toBe(200);
    actAs((await makeUser({ role: "customer", organizationId: (await makeOrganization()).id })).actor);
    expect((await callRoute(organizationObligationsRoute, path, params)).status).toBe(404);
    expect(
      (await callRoute(myObligationsRoute, `/api/v1/me/systems/${slug}/obligations`, { system: slug })).status,
    ).toBe(404);
  });
});

describe("recording an obligation through the API", () => {
  test("a member records it with the version read; stale, malformed or foreign requests change nothing", async () => {
    const { actor, slug, keyOf, tracking } = await trackedSystem();
    const key = await keyOf("Encrypt backups");
    const post = (body: string) =>
      callRoute(
        recordRoute,
        `/api/v1/me/systems/${slug}/obligations/${key}`,
        { system: slug, obligation: key },
        {
          method: "POST",
          body,
          headers: { "content-type": "application/json" },
        },
      );
    actAs(actor);
    const first = await post(
      JSON.stringify({ version: 0, status: "implemented", evidenceLinks: ["https://e.example/kms"] }),
    );
    expect(first).toMatchObject({ status: 200, body: { key, status: "implemented", version: 1 } });
    expect((await post(JSON.stringify({ version: 0, status: "open" }))).status).toBe(409);
    expect((await post("{not json")).status).toBe(400);
    expect(await post(JSON.stringify({ status: "open" }))).toMatchObject({
      status: 400,
      body: { errors: [{ path: "version" }] },
    });
    expect(await post(JSON.stringify({ version: 1, status: "done" }))).toMatchObject({
      status: 400,
      body: { errors: [{ path: "status" }] },
    });

    actAs((await makeUser({ role: "auditor" })).actor);
    expect((await post(JSON.stringify({ version: 1, status: "open" }))).status).toBe(403);
    actAs((await makeUser({ role: "customer", organizationId: (await makeOrganization()).id })).actor);
    expect((await post(JSON.stringify({ version: 1, status: "open" }))).status).toBe(404);

    const record = (await tracking()).tracked!.obligations.find((o) => o.key === key)!.record!;
    expect(record).toMatchObject({ status: "implemented", version: 1, evidenceLinks: ["https://e.example/kms"] });
  });
});
