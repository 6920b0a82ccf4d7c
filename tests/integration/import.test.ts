import { randomUUID } from "node:crypto";
import { describe, expect, test, vi } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/providers/[provider]/export/route";
import { importMatrixAction, previewMatrixImportAction } from "@/lib/actions/import";
import { anonymous, type Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { responsibleParties } from "@/lib/domain/assignment";
import { changeDraft } from "@/lib/drafts/change-draft";
import { getDraft } from "@/lib/drafts/get-draft";
import {
  importServiceMatrix,
  matrixImportLimits,
  previewServiceMatrix,
  type MatrixImportMode,
  type SplitRule,
} from "@/lib/drafts/import-service-matrix";
import { getProvider } from "@/lib/providers/get-provider";
import { getService } from "@/lib/providers/get-service";
import { detectMatrixFormat } from "@/lib/transfer/matrix-import/read-matrix-file";
import {
  findJsonSyntaxError,
  importProviderDocument,
  previewProviderDocument,
  providerImportLimits,
  type ProviderImportTarget,
} from "@/lib/drafts/import-provider-document";
import { providerDocumentSchema, type Area, type ProviderDocument } from "@/lib/validation/provider-document";
import { seedProviders } from "@/prisma/seed";
import { danubedata } from "@/prisma/seed/danubedata";
import { actAs } from "../support/actor";
import { createProvider } from "../support/app-db";
import { callRoute } from "../support/call-route";
import { makeOrganization, makeUser } from "../factories/accounts";
import { makeArea, makeProviderDocument } from "../factories/provider-document";
import { refusal } from "../support/refusal";
import { readSeedDoc } from "../support/seed-docs";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const db = () => getDb();
const uid = () => randomUUID().slice(0, 8);

/** The seed document's VPS table (section 2.1), exactly as the source writes it. */
const vpsTable = (() => {
  const lines = readSeedDoc("004_827cda325b6e9bfa.txt").split("\n");
  const start = lines.findIndex((l) => l.startsWith("| Responsibility Area | DanubeData | Customer |"));
  const end = lines.findIndex((l, i) => i > start && !l.startsWith("|"));
  return lines.slice(start, end).join("\n");
})();

/** The same table as CSV (every cell quoted: the duties hold commas). */
function markdownToCsv(markdown: string): string {
  return markdown
    .split("\n")
    .filter((l) => !/^\|-/.test(l))
    .map((l) =>
      l
        .replace(/^\||\|$/g, "")
        .split("|")
        .map((c) => `"${c.trim().replace(/"/g, '""')}"`)
        .join(","),
    )
    .join("\r\n");
}

/** A copy of the DanubeData seed under its own slug, with a manager. */
async function danubeCopy() {
  const id = uid();
  const created = await createProvider({ ...danubedata, slug: `danube-${id}`, name: `DanubeData copy ${id}` });
  const manager = (await makeUser({ role: "account-manager", managedProviderIds: [created.id] })).actor;
  return { ...created, slug: created.document.slug, manager };
}

/**
 * A small provider (one service, two areas, optionally a layer and a deployment model), with a
 * manager. Its provider party is called "Acme": files name the party columns by the parties' names.
 */
async function smallProvider(options: { isPrivate?: boolean; withModel?: boolean } = {}) {
  const doc = makeProviderDocument({ isPrivate: options.isPrivate });
  doc.parties = [
    { key: "provider", name: "Acme", role: "provider" },
    { key: "customer", name: "Customer", role: "customer" },
  ];
  const service = doc.services[0]!;
  service.layers = [{ key: "platform", name: "Platform", components: [] }];
  service.areas = [
    makeArea(
      "Hardware",
      { provider: ["Replace disks"] },
      {
        cells: [
          { party: "provider", duties: [{ text: "Replace disks" }] },
          { party: "customer", duties: [], notApplicable: true },
        ],
        layer: "platform",
        interpretation: "Read from a figure.",
      },
    ),
    makeArea("Data", { customer: ["Classify data"] }),
  ];
  if (options.withModel)
    service.deploymentModels = [
      { key: "managed", name: "Managed", assignments: [{ area: "data", assignment: "shared" }] },
    ];
  const created = await createProvider(doc);
  const manager = (await makeUser({ role: "account-manager", managedProviderIds: [created.id] })).actor;
  return { ...created, slug: created.document.slug, service: service.slug, manager };
}

/**
 * An area with the parties that carry it written out, sorted: a file's row and a stored area name the
 * same parties whether they list them or leave them to the assignment's default.
 */
const withCarriers = (area: Area) => ({
  ...area,
  parties: responsibleParties(area.assignment, area.parties, providerAndCustomer).sort(),
});
const providerAndCustomer = [
  { key: "provider", role: "provider" },
  { key: "customer", role: "customer" },
] as const;

const auditCount = (providerId: string, action: string) => db().auditEntry.count({ where: { providerId, action } });
const draftRow = (providerId: string) => db().providerDraft.findUnique({ where: { providerId } });

function matrix(options: {
  actor: Actor;
  provider: string;
  service: string;
  text: string;
  format?: "csv" | "markdown";
  mode?: MatrixImportMode;
  split?: SplitRule;
  expectedDraftVersion?: number;
}) {
  return {
    db: db(),
    actor: options.actor,
    provider: options.provider,
    service: options.service,
    file: { format: options.format ?? detectMatrixFormat({ text: options.text }), text: options.text },
    mode: options.mode ?? "replace",
    fileName: "matrix-file",
    ...(options.split !== undefined ? { split: options.split } : {}),
    ...(options.expectedDraftVersion !== undefined ? { expectedDraftVersion: options.expectedDraftVersion } : {}),
  };
}

describe("service matrix import", () => {
  test("the seed document's VPS table (Markdown) previews as unchanged; edited, it changes exactly its rows", async () => {
    const p = await danubeCopy();
    expect(detectMatrixFormat({ text: vpsTable })).toBe("markdown");
    const same = await previewServiceMatrix(
      matrix({ actor: p.manager, provider: p.slug, service: "vps", text: vpsTable, split: "commas" }),
    );
    expect(same.errorCount).toBe(0);
    expect(same.rows.map((r) => [r.line, r.effect])).toEqual([3, 4, 5, 6, 7, 8, 9].map((line) => [line, "unchanged"]));
    expect([same.added, same.changed, same.removed]).toEqual([[], [], []]);
    expect(same.draftVersion).toBe(0);
    expect(same.rows[0]!.cells.map((c) => c.reading.notes)).toEqual([["split at commas into 4 duties"], ["N/A"]]);
    // Split at line breaks only (the default), every cell listing several duties would become one.
    const whole = await previewServiceMatrix(
      matrix({ actor: p.manager, provider: p.slug, service: "vps", text: vpsTable }),
    );
    expect(whole.split).toBe("lines");
    expect(whole.unchanged).toEqual([]);
    expect(whole.rows[0]!.area?.cells[0]?.duties).toEqual([
      { text: "Data center security, power, cooling, hardware procurement and maintenance" },
    ]);

    const edited = vpsTable
      .replace("| Guest Operating System | N/A |", "| Guest Operating System | Base image updates |")
      .concat("\n| Monitoring | Host monitoring | Alert routing, on-call |");
    const preview = await previewServiceMatrix(
      matrix({ actor: p.manager, provider: p.slug, service: "vps", text: edited, split: "commas" }),
    );
    expect(preview.changed).toEqual(["Guest Operating System"]);
    expect(preview.added).toEqual(["Monitoring"]);
    expect(preview.unchanged).toHaveLength(6);
    expect(await draftRow(p.id)).toBeNull();

    const result = await importServiceMatrix(
      matrix({
        actor: p.manager,
        provider: p.slug,
        service: "vps",
        text: edited,
        split: "commas",
        expectedDraftVersion: 0,
      }),
    );
    expect(result).toEqual({ draftVersion: 1, rows: 8, added: 1, changed: 1, unchanged: 6, removed: 0 });
    const areas = (await getDraft({ db: db(), actor: p.manager, provider: p.slug })).document.services.find(
      (s) => s.slug === "vps",
    )!.areas;
    expect(areas.map((a) => a.name).at(-1)).toBe("Monitoring");
    // The changed row keeps its key; the new row gets one from its name.
    expect(withCarriers(areas.find((a) => a.name === "Guest Operating System")!)).toEqual({
      key: "guest-operating-system",
      name: "Guest Operating System",
      assignment: "shared",
      parties: ["customer", "provider"],
      cells: [
        { party: "provider", duties: [{ text: "Base image updates" }] },
        {
          party: "customer",
          duties: ["OS patching", "security hardening", "configuration management", "system updates"].map((text) => ({
            text,
          })),
        },
      ],
    });
    expect(areas.at(-1)).toMatchObject({
      key: "monitoring",
      cells: [
        { party: "provider", duties: [{ text: "Host monitoring" }] },
        { party: "customer", duties: [{ text: "Alert routing" }, { text: "on-call" }] },
      ],
    });
    // Readers still see the published model.
    const published = await getService({ actor: anonymous, provider: p.slug, service: "vps" });
    expect(published?.areas.map((a) => a.name)).not.toContain("Monitoring");
    const [entry] = await db().auditEntry.findMany({ where: { providerId: p.id, action: "draft.import-matrix" } });
    expect(entry).toMatchObject({
      actorId: p.manager.id,
      before: { draftVersion: 0, service: "vps" },
      after: {
        draftVersion: 1,
        service: "vps",
        mode: "replace",
        format: "markdown",
        split: "commas",
        corrections: 0,
        fileName: "matrix-file",
        rows: 8,
        added: ["Monitoring"],
        changed: ["Guest Operating System"],
        unchanged: 6,
        removed: [],
      },
    });
  });

  test("the same table as CSV imports the same rows", async () => {
    const p = await danubeCopy();
    const csv = markdownToCsv(vpsTable);
    expect(detectMatrixFormat({ text: csv })).toBe("csv");
    expect(detectMatrixFormat({ fileName: "vps.md", text: csv })).toBe("markdown");
    const preview = await previewServiceMatrix(
      matrix({
        actor: p.manager,
        provider: p.slug,
        service: "managed-databases",
        text: csv,
        format: "csv",
        split: "commas",
      }),
    );
    // Into another service: the VPS rows replace the database rows.
    expect(preview.errorCount).toBe(0);
    expect(preview.rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(preview.unchanged).toEqual(["Physical Infrastructure"]);
    expect(preview.removed).toEqual([
      "Database Engine",
      "Replication",
      "Connection Security",
      "Database Users & Roles",
      "Schema & Data",
      "Backups",
      "Performance",
    ]);
    await importServiceMatrix(
      matrix({
        actor: p.manager,
        provider: p.slug,
        service: "managed-databases",
        text: csv,
        format: "csv",
        split: "commas",
      }),
    );
    const draft = (await getDraft({ db: db(), actor: p.manager, provider: p.slug })).document;
    const areas = (slug: string) => draft.services.find((s) => s.slug === slug)!.areas;
    expect(areas("managed-databases").map(withCarriers)).toEqual(areas("vps").map(withCarriers));
  });

  test.each([
    ["malformed CSV", 'Responsibility Area,Acme,Customer\n"Backups,Snapshots,Restore', "csv", /never closed/],
    ["an unknown column", "Name,Owner,Client\nBackups,Snapshots,Restore", "csv", /^Unknown column "Name": /],
    ["no Markdown table", "Just a paragraph.", "markdown", /No Markdown table found/],
    [
      "a file over the size limit",
      "Area,Acme,Customer\n" + "x".repeat(matrixImportLimits.maxBytes),
      "csv",
      /larger than 512 KiB/,
    ],
    [
      "too many rows",
      "Area,Acme,Customer\n" +
        Array.from({ length: matrixImportLimits.maxRows + 1 }, (_, i) => `Area ${i},Duty,Duty`).join("\n"),
      "csv",
      /501 rows; at most 500/,
    ],
  ] as const)(
    "%s is refused whole, in the preview and the import, and changes nothing",
    async (_, text, format, message) => {
      const p = await smallProvider();
      const options = matrix({ actor: p.manager, provider: p.slug, service: p.service, text, format });
      const previewError = await refusal(previewServiceMatrix(options));
      expect(previewError.code).toBe("INVALID_INPUT");
      expect(previewError.fieldErrors).toEqual([{ path: "file", message: expect.stringMatching(message) }]);
      const importError = await refusal(importServiceMatrix(options));
      expect(importError.message).toMatch(message);
      expect(importError.message).toMatch(/Nothing was imported/);
      expect(await draftRow(p.id)).toBeNull();
      expect(await auditCount(p.id, "draft.import-matrix")).toBe(0);
    },
  );

  test("one bad row: the preview shows it with its line; the import changes nothing", async () => {
    const p = await smallProvider();
    // A draft exists already (version 1), so "nothing changed" is visible in its version.
    const seen = (await getDraft({ db: db(), actor: p.manager, provider: p.slug })).document;
    await changeDraft({
      db: db(),
      actor: p.manager,
      provider: p.slug,
      change: { op: "set", path: ["summary"], expected: seen.summary, value: "Edited summary." },
    });
    const csv = [
      "Responsibility Area,Acme,Customer,Assignment",
      "Hardware,Replace disks,N/A,",
      "Networking,Routers,Firewall rules,sometimes",
      "Data,-,Classify data,",
    ].join("\n");
    const preview = await previewServiceMatrix(
      matrix({ actor: p.manager, provider: p.slug, service: p.service, text: csv }),
    );
    expect(preview.errorCount).toBe(1);
    expect(preview.rows.map((r) => [r.line, r.errors.length > 0])).toEqual([
      [2, false],
      [3, true],
      [4, false],
    ]);
    expect(preview.rows[1]!.errors).toEqual([
      expect.stringMatching(/^"Assignment" "sometimes": use one of provider, /),
    ]);

    const error = await refusal(
      importServiceMatrix(matrix({ actor: p.manager, provider: p.slug, service: p.service, text: csv })),
    );
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe("1 of 3 rows has errors, so nothing was imported. Fix it and preview again.");
    expect(error.fieldErrors).toEqual([
      { path: "line 3", message: expect.stringMatching(/^"Assignment" "sometimes"/) },
    ]);
    const draft = await getDraft({ db: db(), actor: p.manager, provider: p.slug });
    expect(draft.version).toBe(1);
    expect(draft.document.services[0]!.areas.map((a) => a.name)).toEqual(["Hardware", "Data"]);
    expect(await auditCount(p.id, "draft.import-matrix")).toBe(0);
  });

  test("replace keeps what the file cannot say about same-named areas; append adds after them", async () => {
    const p = await smallProvider();
    const replace = "Area,Acme,Customer\nHardware,Replace disks,N/A\nNetwork,Routers,Firewall rules";
    const preview = await previewServiceMatrix(
      matrix({ actor: p.manager, provider: p.slug, service: p.service, text: replace }),
    );
    expect([preview.unchanged, preview.added, preview.removed]).toEqual([["Hardware"], ["Network"], ["Data"]]);
    await importServiceMatrix(matrix({ actor: p.manager, provider: p.slug, service: p.service, text: replace }));
    let areas = (await getDraft({ db: db(), actor: p.manager, provider: p.slug })).document.services[0]!.areas;
    expect(areas.map((a) => a.name)).toEqual(["Hardware", "Network"]);
    // The layer (no Layer column) and the interpretation (no such column) stay.
    expect(areas[0]).toMatchObject({
      key: "hardware",
      layer: "platform",
      interpretation: "Read from a figure.",
      parties: ["provider"],
    });
    expect(areas[1]).toMatchObject({ key: "network" });

    const append = "Area,Acme,Customer\nBackups,Snapshots,Restore tests\nNetwork,Routers,Firewall rules";
    const duplicate = await previewServiceMatrix(
      matrix({ actor: p.manager, provider: p.slug, service: p.service, text: append, mode: "append" }),
    );
    expect(duplicate.rows.map((r) => r.errors)).toEqual([
      [],
      ['The service already has an area "Network" here; choose Replace to overwrite it.'],
    ]);
    expect(
      (
        await refusal(
          importServiceMatrix(
            matrix({ actor: p.manager, provider: p.slug, service: p.service, text: append, mode: "append" }),
          ),
        )
      ).code,
    ).toBe("INVALID_INPUT");

    await importServiceMatrix(
      matrix({
        actor: p.manager,
        provider: p.slug,
        service: p.service,
        text: "Area,Acme,Customer\nBackups,Snapshots,Restore tests",
        mode: "append",
        expectedDraftVersion: 1,
      }),
    );
    const draft = await getDraft({ db: db(), actor: p.manager, provider: p.slug });
    areas = draft.document.services[0]!.areas;
    expect(draft.version).toBe(2);
    expect(areas.map((a) => a.name)).toEqual(["Hardware", "Network", "Backups"]);
    expect(await auditCount(p.id, "draft.import-matrix")).toBe(2);
  });

  test("refused when the draft moved on since the preview, or the result breaks the document", async () => {
    const p = await smallProvider({ withModel: true });
    const text = "Area,Acme,Customer\nHardware,Replace disks,N/A";
    const stale = await refusal(
      importServiceMatrix(
        matrix({ actor: p.manager, provider: p.slug, service: p.service, text, expectedDraftVersion: 3 }),
      ),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toMatch(/changed after your preview/);

    // Removing "Data" would leave the deployment model pointing at nothing.
    const preview = await previewServiceMatrix(
      matrix({ actor: p.manager, provider: p.slug, service: p.service, text }),
    );
    expect(preview.errorCount).toBe(1);
    expect(preview.problems).toEqual([expect.stringMatching(/^Deployment model "Managed": No area "data"/)]);
    const broken = await refusal(
      importServiceMatrix(matrix({ actor: p.manager, provider: p.slug, service: p.service, text })),
    );
    expect(broken.message).toMatch(/would break the draft/);

    const layer = await previewServiceMatrix(
      matrix({
        actor: p.manager,
        provider: p.slug,
        service: p.service,
        text: "Area,Acme,Customer,Layer\nHardware,Replace disks,N/A,basement\nData,-,Classify data,",
      }),
    );
    expect(layer.rows[0]!.errors).toEqual(['layer: No layer "basement" in this service']);
    expect(
      (await refusal(previewServiceMatrix(matrix({ actor: p.manager, provider: p.slug, service: "nope", text })))).code,
    ).toBe("NOT_FOUND");
    expect(await draftRow(p.id)).toBeNull();
    expect(await auditCount(p.id, "draft.import-matrix")).toBe(0);
  });

  test("only the provider's editors may preview or import", async () => {
    const hidden = await smallProvider({ isPrivate: true });
    const visible = await smallProvider();
    const auditor = (await makeUser({ role: "auditor" })).actor;
    const admin = (await makeUser({ role: "admin" })).actor;
    const text = "Area,Acme,Customer\nHardware,Replace disks,N/A";
    const attempt = async (actor: Actor, p: typeof hidden) => {
      const options = matrix({ actor, provider: p.slug, service: p.service, text });
      const preview = await refusal(previewServiceMatrix(options));
      const imported = await refusal(importServiceMatrix(options));
      expect(imported.code).toBe(preview.code);
      return imported.code;
    };
    expect(await attempt(auditor, visible)).toBe("FORBIDDEN");
    expect(await attempt(auditor, hidden)).toBe("FORBIDDEN");
    expect(await attempt(visible.manager, hidden)).toBe("NOT_FOUND");
    expect(await attempt(hidden.manager, visible)).toBe("FORBIDDEN");
    expect(await attempt(anonymous, visible)).toBe("UNAUTHORIZED");
    expect(await attempt(anonymous, hidden)).toBe("NOT_FOUND");
    const customer = (await makeUser({ role: "customer", organizationId: (await makeOrganization()).id })).actor;
    expect(await attempt(customer, visible)).toBe("FORBIDDEN");
    expect(await draftRow(hidden.id)).toBeNull();
    expect(await draftRow(visible.id)).toBeNull();
    // Administrators edit every provider.
    await importServiceMatrix(matrix({ actor: admin, provider: hidden.slug, service: hidden.service, text }));
    expect((await draftRow(hidden.id))?.version).toBe(1);
  });

  test("the page's actions read an uploaded file and carry the previewed draft version", async () => {
    const p = await smallProvider();
    actAs(p.manager);
    const form = (fields: Record<string, string>) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(fields)) data.append(k, v);
      data.append("file", new File(["| Area | Acme | Customer |\n|---|---|---|\n| Power | Cooling | N/A |"], "m.md"));
      return data;
    };
    const fields = { provider: p.slug, service: p.service, format: "auto", mode: "append", text: "ignored" };
    const preview = await previewMatrixImportAction({ status: "idle" }, form(fields));
    expect(preview).toMatchObject({ status: "success", preview: { format: "markdown", added: ["Power"] } });
    const done = await importMatrixAction({ status: "idle" }, form({ ...fields, draftVersion: "0" }));
    expect(done).toMatchObject({ status: "success", message: expect.stringMatching(/^Imported 1 row into the draft/) });
    const again = await importMatrixAction({ status: "idle" }, form({ ...fields, draftVersion: "0" }));
    expect(again).toMatchObject({ status: "error", message: expect.stringMatching(/changed after your preview/) });
  });
});

describe("provider document (JSON) import", () => {
  const exportAs = async (actor: Actor, slug: string) => {
    actAs(actor);
    return callRoute(exportRoute, `/api/v1/providers/${slug}/export`, { provider: slug });
  };

  test.each(seedProviders.map((s) => [s.slug, s] as const))(
    "round trip for a copy of %s: export → import as the draft → the draft equals the export",
    async (_, seed) => {
      const copy = await createProvider({ ...seed, slug: `copy-${uid()}`, isPrivate: true });
      const manager = (await makeUser({ role: "account-manager", managedProviderIds: [copy.id] })).actor;
      const exported = await exportAs(manager, copy.document.slug);
      expect(exported.status).toBe(200);
      const body = providerDocumentSchema.parse(exported.body);

      const preview = await previewProviderDocument({ db: db(), actor: manager, json: JSON.stringify(body) });
      expect(preview).toMatchObject({ outcome: "draft", errors: [], current: { draftVersion: 0 } });
      expect(preview.services.unchanged).toHaveLength(body.services.length);

      const result = await importProviderDocument({
        db: db(),
        actor: manager,
        json: JSON.stringify(body, null, 2),
        target: { kind: "draft", provider: copy.document.slug },
        fileName: "export.json",
      });
      expect(result).toEqual({ outcome: "draft", slug: body.slug, name: body.name, draftVersion: 1 });
      const draft = await getDraft({ db: db(), actor: manager, provider: copy.document.slug });
      expect(draft.document).toEqual(body);
      expect(await auditCount(copy.id, "draft.import-provider")).toBe(1);
    },
  );

  test("an edited export lands in the draft only; the export has attachment headers", async () => {
    const p = await danubeCopy();
    actAs(p.manager);
    const response = await exportRoute(new Request(`http://localhost/api/v1/providers/${p.slug}/export`), {
      params: Promise.resolve({ provider: p.slug }),
    });
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${p.slug}.json"`);
    const body = (await response.json()) as ProviderDocument;
    const edited = body.services[0]!.areas[0]!;
    edited.cells = [
      ...edited.cells.filter((c) => c.party !== "customer"),
      { party: "customer", duties: [{ text: "Edited offline" }] },
    ];
    body.services.pop();
    const preview = await previewProviderDocument({ db: db(), actor: p.manager, json: JSON.stringify(body) });
    expect(preview.services).toMatchObject({ changed: ["vps"], removed: ["storage-share"] });
    await importProviderDocument({ db: db(), actor: p.manager, json: JSON.stringify(body), expectedDraftVersion: 0 });
    expect((await getDraft({ db: db(), actor: p.manager, provider: p.slug })).document).toEqual(body);
    expect((await getProvider({ actor: anonymous, slug: p.slug }))?.services).toHaveLength(8);
    const [entry] = await db().auditEntry.findMany({ where: { providerId: p.id, action: "draft.import-provider" } });
    expect(entry).toMatchObject({ before: { draftVersion: 0 }, after: { draftVersion: 1, services: 7 } });
  });

  test("the export shows only what the actor may see", async () => {
    const doc = makeProviderDocument({ isPrivate: true });
    doc.services.push({ ...doc.services[0]!, slug: "unsubscribed", name: "Unsubscribed" });
    const p = await createProvider(doc);
    const service = await db().service.findFirstOrThrow({ where: { providerId: p.id, position: 0 } });
    const customer = (
      await makeUser({ role: "customer", organizationId: (await makeOrganization({ serviceIds: [service.id] })).id })
    ).actor;
    const outsider = (await makeUser({ role: "customer", organizationId: (await makeOrganization()).id })).actor;
    const seen = await exportAs(customer, doc.slug);
    expect(seen.status).toBe(200);
    expect((seen.body as ProviderDocument).services.map((s) => s.slug)).toEqual([service.slug]);
    for (const actor of [outsider, anonymous]) {
      const hidden = await exportAs(actor, doc.slug);
      expect(hidden.status).toBe(404);
      expect(hidden.contentType).toBe("application/problem+json");
    }
    expect((await exportAs(anonymous, "danubedata")).status).toBe(200);
  });

  test("a new slug creates the provider as a draft, for administrators and account managers", async () => {
    const admin = (await makeUser({ role: "admin" })).actor;
    const p = await smallProvider();
    const fresh = makeProviderDocument();
    const json = JSON.stringify(fresh);
    for (const actor of [(await makeUser({ role: "customer" })).actor, (await makeUser({ role: "auditor" })).actor])
      expect((await refusal(importProviderDocument({ db: db(), actor, json, target: { kind: "new" } }))).code).toBe(
        "FORBIDDEN",
      );
    expect((await refusal(importProviderDocument({ db: db(), actor: anonymous, json }))).code).toBe("UNAUTHORIZED");
    expect((await refusal(previewProviderDocument({ db: db(), actor: p.manager, json }))).code).toBe("FORBIDDEN");
    // A manager's Import page takes its own provider's document only.
    const elsewhere = await refusal(
      importProviderDocument({ db: db(), actor: p.manager, json, target: { kind: "draft", provider: p.slug } }),
    );
    expect(elsewhere.fieldErrors).toEqual([
      { path: "slug", message: expect.stringMatching(/describes "test-provider-/) },
    ]);
    expect(await db().provider.count({ where: { slug: fresh.slug } })).toBe(0);

    const preview = await previewProviderDocument({ db: db(), actor: admin, json, target: { kind: "new" } });
    expect(preview).toMatchObject({ outcome: "create", current: null, errors: [], counts: { services: 1, areas: 1 } });
    const created = await importProviderDocument({ db: db(), actor: admin, json, target: { kind: "new" } });
    expect(created).toEqual({ outcome: "created", slug: fresh.slug, name: fresh.name, draftVersion: 1 });
    const row = await db().provider.findUniqueOrThrow({
      where: { slug: fresh.slug },
      include: { versions: true, draft: true },
    });
    // A draft only: nothing published, nobody but staff and its editors sees it yet.
    expect(row.versions).toEqual([]);
    expect(row.publishedAt).toBeNull();
    expect(row.draft?.document).toMatchObject(providerDocumentSchema.parse(JSON.parse(json)));
    expect(await getProvider({ actor: anonymous, slug: fresh.slug })).toBeNull();
    expect(await auditCount(row.id, "provider.create")).toBe(1);

    const again = await refusal(importProviderDocument({ db: db(), actor: admin, json, target: { kind: "new" } }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toMatch(/already exists/);
    // With the slug deciding, the same file now goes into the draft.
    expect(await importProviderDocument({ db: db(), actor: admin, json })).toMatchObject({ outcome: "draft" });
  });

  test("an account manager creates a new provider from a file and manages it; a hidden slug stays taken", async () => {
    const manager = (await makeUser({ role: "account-manager" })).actor;
    const fresh = makeProviderDocument();
    const created = await importProviderDocument({
      db: db(),
      actor: manager,
      json: JSON.stringify(fresh),
      target: { kind: "new" },
    });
    expect(created).toMatchObject({ outcome: "created", slug: fresh.slug, draftVersion: 1 });
    const row = await db().provider.findUniqueOrThrow({ where: { slug: fresh.slug }, include: { managers: true } });
    expect(row.managers.map((m) => m.userId)).toEqual([manager.id]);
    // The creator edits it like any provider they manage (a session would load the new assignment).
    const managing = { ...manager, managedProviderIds: [row.id] };
    expect((await getProvider({ actor: managing, slug: fresh.slug }))?.name).toBe(fresh.name);
    expect(await getProvider({ actor: anonymous, slug: fresh.slug })).toBeNull();

    // Another manager cannot see the unpublished provider, yet cannot take its slug either.
    const other = (await makeUser({ role: "account-manager" })).actor;
    const clash = { ...makeProviderDocument(), slug: fresh.slug };
    const preview = await previewProviderDocument({
      db: db(),
      actor: other,
      json: JSON.stringify(clash),
      target: { kind: "new" },
    });
    expect(preview.errors).toEqual([
      { path: "slug", message: `The slug "${fresh.slug}" is taken: change the file's slug to import it.` },
    ]);
    expect(JSON.stringify(preview)).not.toContain(fresh.name);
    const refused = await refusal(
      importProviderDocument({ db: db(), actor: other, json: JSON.stringify(clash), target: { kind: "new" } }),
    );
    expect(refused.code).toBe("CONFLICT");
    expect(await db().provider.count({ where: { slug: fresh.slug } })).toBe(1);
  });

  test.each([
    ['{\n  "slug": "x",\n  "name": }', 'line 3, column 11: expected a value, found "}"'],
    ['{"slug": "x",}', 'line 1, column 14: expected a property name in double quotes, found "}" (a trailing comma?)'],
    ['{"slug": "x"', 'line 1, column 13: expected "," or "}" after a property value, found the end of the file'],
    ['{"name": "a\nb"}', "line 1, column 12: a line break or control character inside a string"],
    ["{} {}", 'line 1, column 4: unexpected "{" after the end of the document'],
  ])("invalid JSON %j says where", async (json, where) => {
    const admin = (await makeUser({ role: "admin" })).actor;
    const error = await refusal(importProviderDocument({ db: db(), actor: admin, json }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toContain(`The file is not valid JSON: ${where}`);
    expect(error.fieldErrors?.[0]?.path).toBe("file");
    expect(findJsonSyntaxError('{"a": [1, 2, {"b": null}], "c": "\\u00e9"}')).toBeNull();
  });

  test("schema problems are listed with their field paths; oversize and non-objects are refused", async () => {
    const admin = (await makeUser({ role: "admin" })).actor;
    const doc = makeProviderDocument();
    (doc.services[0]!.areas[0] as { assignment: string }).assignment = "everyone";
    (doc as { brandColor: string }).brandColor = "blue";
    const json = JSON.stringify(doc);
    const preview = await previewProviderDocument({ db: db(), actor: admin, json });
    expect(preview.outcome).toBe("create");
    expect(preview.errors).toEqual([
      { path: "brandColor", message: "Use a hex colour such as #1d4ed8" },
      { path: "services.0.areas.0.assignment", message: expect.stringMatching(/^Choose one of/) },
    ]);
    const error = await refusal(importProviderDocument({ db: db(), actor: admin, json }));
    expect(error.message).toBe("The file is not a valid provider document: 2 problems. Nothing was imported.");
    expect(await db().provider.count({ where: { slug: doc.slug } })).toBe(0);

    const big = JSON.stringify({ ...makeProviderDocument(), summary: "x".repeat(providerImportLimits.maxBytes) });
    expect((await refusal(importProviderDocument({ db: db(), actor: admin, json: big }))).message).toMatch(
      /larger than 2 MiB/,
    );
    for (const [json, message] of [
      ["[1, 2]", /must hold one provider/],
      ["  ", /empty/],
    ] as const)
      expect((await refusal(importProviderDocument({ db: db(), actor: admin, json }))).message).toMatch(message);
  });

  test.each<[string, ProviderImportTarget]>([
    ["auto", { kind: "auto" }],
    ["draft", { kind: "draft", provider: "placeholder" }],
  ])("a failed %s import into a draft changes nothing", async (_, target) => {
    const p = await smallProvider();
    const body = (await exportAs(p.manager, p.slug)).body as ProviderDocument;
    body.services[0]!.areas[0]!.layer = "missing";
    const error = await refusal(
      importProviderDocument({
        db: db(),
        actor: p.manager,
        json: JSON.stringify(body),
        target: target.kind === "draft" ? { kind: "draft", provider: p.slug } : target,
      }),
    );
    expect(error.fieldErrors).toEqual([
      { path: "services.0.areas.0.layer", message: 'No layer "missing" in this service' },
    ]);
    expect(await draftRow(p.id)).toBeNull();
    expect(await auditCount(p.id, "draft.import-provider")).toBe(0);
  });
});
