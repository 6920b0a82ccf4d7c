// What a new version changes for an organization, downloaded as CSV and PDF through the route people
// use: read back with independent readers (tests/support/parse-csv.ts, poppler), formula-like cells
// neutralised, the acknowledgement on the cover once given, the download in the audit log, and
// nobody but the organization's customers — and staff, naming the organization — may have it.
import { describe, expect, test, vi } from "vitest";
import { GET as impactExport } from "@/app/api/v1/me/changes/[impact]/export/route";
import { GET as staffImpactExport } from "@/app/api/v1/organizations/[organization]/changes/[impact]/export/route";
import { summaryText } from "@/lib/audit/describe-audit-entry";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { anonymous } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { acknowledgeChangeImpact } from "@/lib/notifications/acknowledge-change-impact";
import { saveSystem } from "@/lib/systems/save-system";
import { makeOrganization, makeUser } from "../factories/accounts";
import { makeArea, makeProviderDocument } from "../factories/provider-document";
import { actAs } from "../support/actor";
import { createProvider } from "../support/app-db";
import { parseCsv } from "../support/parse-csv";
import { collapse, outlineTree, pageTexts, readBack } from "../support/pdf-read";
import { publishAs } from "../support/publish-as";
import { systemActor } from "../support/published-seed";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const db = () => getDb();
const formula = '=HYPERLINK("https://evil.example","Recount the admins")';

/**
 * A provider whose version 2 moves a duty to the customer, rewords one (and one of its cross-cutting
 * areas) and adds one starting with "=", for an organization subscribing to it and stacking it in a system.
 */
async function publishedImpact() {
  const input = makeProviderDocument();
  input.services[0]!.areas = [
    makeArea("Backups", { provider: ["Run the backup service"], customer: ["Encrypt backups"] }),
    makeArea("Access", { customer: ["Review access quarterly"] }),
  ];
  input.crossCuttingAreas = [makeArea("Identity", { customer: ["Rotate keys"] })];
  const provider = await createProvider(input);
  const service = await db().service.findFirstOrThrow({ where: { providerId: provider.id } });
  const organization = await db().organization.update({
    where: { id: (await makeOrganization({ serviceIds: [service.id] })).id },
    data: { name: `Acme ${provider.id.slice(0, 6)}` },
  });
  const customer = await makeUser({ role: "customer", organizationId: organization.id });
  await saveSystem({
    actor: customer.actor,
    input: {
      name: "Shop",
      tiers: [{ key: "app", provider: input.slug, service: input.services[0]!.slug, model: null }],
      bindings: [],
    },
  });
  const next = structuredClone(input);
  next.services[0]!.areas = [
    makeArea("Backups", { customer: ["Run the backup service", "Encrypt backups"] }),
    makeArea("Access", { customer: ["Review access every quarter", formula] }),
  ];
  next.crossCuttingAreas = [makeArea("Identity", { customer: ["Rotate keys yearly"] })];
  const version = await publishAs({
    actor: systemActor,
    providerId: provider.id,
    document: next,
    note: "Backups are now yours",
  });
  const impact = await db().changeImpact.findFirstOrThrow({ where: { providerId: provider.id } });
  return { input, provider, service, organization, customer, version, impact };
}

async function download(id: string, format: string) {
  const response = await impactExport(new Request(`http://localhost/api/v1/me/changes/${id}/export?format=${format}`), {
    params: Promise.resolve({ impact: id }),
  });
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    disposition: response.headers.get("content-disposition"),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

describe("a change impact as files", () => {
  test("CSV: one row per change of each system, in words, formula-like cells neutralised", async () => {
    const { input, organization, customer, impact } = await publishedImpact();
    actAs(customer.actor);
    const csv = await download(impact.id, "csv");
    expect(csv.status).toBe(200);
    expect(csv.type).toBe("text/csv; charset=utf-8");
    expect(csv.disposition).toBe(`attachment; filename="${organization.slug}-${input.slug}-v1-to-v2-changes.csv"`);
    const text = csv.bytes.toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual(["System", "Service", "Area", "Change", "Rank", "Before", "After", "Party"]);
    const service = `${input.name} › ${input.services[0]!.name}`;
    const org = organization.name;
    const changes = [
      [
        "Backups",
        "Assignment changed",
        "Action required",
        `Shared (carried by ${input.name} and ${org})`,
        `Customer (carried by ${org})`,
        "",
      ],
      [
        "Backups",
        "Became yours",
        "Action required",
        "Run the backup service (must)",
        "Run the backup service (must)",
        `${input.name} → Customer`,
      ],
      [
        "Access",
        "Wording changed",
        "Informational",
        "Review access quarterly (must)",
        "Review access every quarter (must)",
        "Customer",
      ],
      // Neutralised: a spreadsheet shows the apostrophe-led text instead of running the formula.
      ["Access", "Became yours", "Action required", "", `'${formula} (must)`, "Customer"],
    ];
    const crossCutting = [
      "All services (cross-cutting)",
      "Identity",
      "Wording changed",
      "Informational",
      "Rotate keys (must)",
      "Rotate keys yearly (must)",
      "Customer",
    ];
    expect(rows).toEqual(
      ["Subscribed services", "Shop"].flatMap((system) => [
        ...changes.map((row) => [system, service, ...row]),
        [system, ...crossCutting],
      ]),
    );
    expect(text).not.toMatch(/(^|,|")=HYPERLINK/m);
  });

  test("PDF: title, counts, every row, the note and publisher, and the acknowledgement once given", async () => {
    const { input, organization, customer, impact, version } = await publishedImpact();
    actAs(customer.actor);
    const first = await download(impact.id, "pdf");
    expect(first.status).toBe(200);
    expect(first.type).toBe("application/pdf");
    expect(first.disposition).toBe(`attachment; filename="${organization.slug}-${input.slug}-v1-to-v2-changes.pdf"`);
    const read = readBack(first.bytes);
    const title = `Changes to ${organization.name}'s obligations: ${input.name} version 1 to 2`;
    expect(read.info.Title).toBe(title);
    expect(read.info.Tagged).toBe("yes");
    const cover = collapse(pageTexts(read)[0] ?? "");
    expect(cover).toContain(title);
    expect(cover).toContain("Changes: 6 action required, 4 informational");
    expect(cover).toContain("Acknowledgement: Not acknowledged yet");
    expect(cover).toContain("Version note: Backups are now yours");
    expect(cover).toContain("Published by: system:test");
    expect(cover).toContain(version.contentHash);
    expect(cover).toContain("Systems: Subscribed services, Shop");
    // Rows: the change, its rank as a word, the area, before and after.
    expect(read.raw).toContain("Assignment changed Action required Backups");
    expect(read.raw).toContain("Became yours Action required Backups Run the backup service");
    expect(read.raw).toContain("Wording changed Informational Access Review access quarterly");
    expect(read.raw).toContain("Review access every quarter");
    expect(read.raw).toContain("Not in version 1");
    // A PDF runs nothing: the duty reads as written (wrapped after "https://", where the line breaks).
    expect(read.raw).toMatch(/=HYPERLINK\("https:\/\/ ?evil\.example","Recount the admins"\)/);
    expect(read.structure).toMatch(/\bTable\b[\s\S]*\bTH\b[\s\S]*\bTD\b/);
    pageTexts(read).forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${read.pages}`);
      expect(collapse(page)).toContain(`${organization.name} · ${input.name} v1 → v2 changes`);
    });
    const [root] = outlineTree(first.bytes);
    expect(root?.title).toBe(title);
    expect(root?.children.filter((c) => c.title !== "Contents").map((c) => c.title)).toEqual([
      "Subscribed services",
      "Shop",
    ]);
    // A section per system, a part per service and one for the provider's cross-cutting areas (the
    // service's title holds "›", which outlineTree does not decode: only the cross-cutting one is compared).
    const parts = root?.children.find((c) => c.title === "Shop")?.children.map((c) => c.title);
    expect(parts).toHaveLength(2);
    expect(parts?.[1]).toBe("All services (cross-cutting)");
    // Deterministic: the same impact gives the same bytes.
    expect((await download(impact.id, "pdf")).bytes.equals(first.bytes)).toBe(true);

    await acknowledgeChangeImpact({ actor: customer.actor, id: impact.id });
    const acknowledged = readBack((await download(impact.id, "pdf")).bytes);
    expect(collapse(pageTexts(acknowledged)[0] ?? "")).toMatch(
      new RegExp(
        `Acknowledgement: Acknowledged by ${customer.actor.name} on \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} UTC`,
      ),
    );
  });

  test("the download is in the audit log, in words", async () => {
    const { input, organization, customer, impact } = await publishedImpact();
    actAs(customer.actor);
    expect((await download(impact.id, "csv")).status).toBe(200);
    expect((await download(impact.id, "pdf")).status).toBe(200);
    const rows = await db().auditEntry.findMany({
      where: { action: "export.download", targetType: "impact", targetId: impact.id },
      orderBy: { at: "asc" },
    });
    expect(rows.map((r) => [r.actorId, r.providerId, r.after])).toEqual([
      [customer.actor.id, impact.providerId, { format: "csv", organization: organization.slug, from: 1, to: 2 }],
      [customer.actor.id, impact.providerId, { format: "pdf", organization: organization.slug, from: 1, to: 2 }],
    ]);
    const auditor = await makeUser({ role: "auditor" });
    const { entries } = await listAuditEntries({
      db: db(),
      actor: auditor.actor,
      filters: { provider: input.slug, action: "export.download" },
    });
    expect(entries.map((e) => summaryText(e.summary))).toEqual([
      `Downloaded the changes to ${organization.name}'s obligations from version 1 to 2 of ${input.name} as PDF`,
      `Downloaded the changes to ${organization.name}'s obligations from version 1 to 2 of ${input.name} as CSV`,
    ]);
  });

  test("only the organization's customers get it; another organization's impact is not found; a bad format is refused", async () => {
    const { impact } = await publishedImpact();
    const stranger = await makeUser({ role: "customer", organizationId: (await makeOrganization()).id });
    actAs(stranger.actor);
    expect((await download(impact.id, "pdf")).status).toBe(404);
    expect((await download(impact.id, "csv")).status).toBe(404);
    expect((await download(crypto.randomUUID(), "csv")).status).toBe(404);
    expect((await download("not-an-id", "csv")).status).toBe(404);
    for (const role of ["auditor", "admin", "account-manager"] as const) {
      actAs((await makeUser({ role })).actor);
      expect((await download(impact.id, "csv")).status, role).toBe(403);
    }
    actAs(anonymous);
    expect((await download(impact.id, "csv")).status).toBe(401);

    const refused = await download(impact.id, "xlsx");
    expect(refused.status).toBe(400);
    expect(refused.type).toContain("application/problem+json");
    expect(JSON.stringify(JSON.parse(refused.bytes.toString("utf8")))).toContain("Use one of pdf, csv");
    expect(
      await db().auditEntry.count({ where: { action: "export.download", targetType: "impact", targetId: impact.id } }),
    ).toBe(0);
  });
});

describe("staff download an organization's impact", () => {
  const staffDownload = async (organization: string, id: string, format: string) => {
    const response = await staffImpactExport(
      new Request(`http://localhost/api/v1/organizations/${organization}/changes/${id}/export?format=${format}`),
      { params: Promise.resolve({ organization, impact: id }) },
    );
    return { status: response.status, body: Buffer.from(await response.arrayBuffer()).toString("utf8") };
  };

  test("auditors and admins get the same file under the organization's name; nobody else does", async () => {
    const { organization, customer, impact } = await publishedImpact();
    actAs(customer.actor);
    const own = await download(impact.id, "csv");
    for (const role of ["auditor", "admin"] as const) {
      const staff = await makeUser({ role });
      actAs(staff.actor);
      const file = await staffDownload(organization.slug, impact.id, "csv");
      expect(file.status, role).toBe(200);
      expect(file.body).toBe(own.bytes.toString("utf8"));
      expect(parseCsv(file.body).length).toBeGreaterThan(1);
      // Named under another organization, the impact does not exist.
      expect((await staffDownload((await makeOrganization()).slug, impact.id, "csv")).status).toBe(404);
      expect((await staffDownload("no-such-organization", impact.id, "csv")).status).toBe(404);
      const recorded = await db().auditEntry.findFirstOrThrow({
        where: { action: "export.download", targetType: "impact", targetId: impact.id, actorId: staff.actor.id },
      });
      expect(recorded.after).toMatchObject({ format: "csv", organization: organization.slug });
    }
    for (const actor of [customer.actor, (await makeUser({ role: "account-manager" })).actor]) {
      actAs(actor);
      expect((await staffDownload(organization.slug, impact.id, "csv")).status).toBe(403);
    }
    actAs(anonymous);
    expect((await staffDownload(organization.slug, impact.id, "csv")).status).toBe(401);
  });
});
