import { describe, expect, test } from "vitest";
import { anonymous, type Role } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getObligations } from "@/lib/obligations/get-obligations";
import { providerDocumentSchema, type ProviderDocument } from "@/lib/validation/provider-document";
import { contain } from "@/prisma/seed/contain";
import { danubedata } from "@/prisma/seed/danubedata";
import { stackit } from "@/prisma/seed/stackit";
import { createProvider } from "../support/app-db";
import { makeOrganization, makeUser } from "../factories/accounts";
import { makeArea, makeProviderDocument } from "../factories/provider-document";

async function serviceId(provider: string, slug: string) {
  const row = await getDb().service.findFirstOrThrow({ where: { slug, provider: { slug: provider } } });
  return row.id;
}

async function customerOf(serviceIds: string[]) {
  const org = await makeOrganization({ serviceIds });
  return { org, ...(await makeUser({ role: "customer", organizationId: org.id })) };
}

const danube = providerDocumentSchema.parse(danubedata);
const stackitDoc = providerDocumentSchema.parse(stackit);
const containDoc = providerDocumentSchema.parse(contain);
type Provider = Awaited<ReturnType<typeof getObligations>>["providers"][number];
type Area = ProviderDocument["crossCuttingAreas"][number];

const customerCell = (area: Area) => area.cells.find((c) => c.party === "customer");

/** The customer's duties on a row as My obligations lists them: none when N/A, never excluded ones. */
function customerDuties(area: Area) {
  const cell = customerCell(area);
  if (!cell || cell.notApplicable) return [];
  return cell.duties
    .filter((d) => d.strength !== "excluded")
    .map((d) => ({ text: d.text, strength: d.strength ?? "must" }));
}

/** What the seed document says the customer must do in one service (N/A and empty sides skipped). */
function expected(doc: ProviderDocument, slug: string) {
  const areas = doc.services.find((s) => s.slug === slug)!.areas.filter((a) => customerDuties(a).length > 0);
  return { names: areas.map((a) => a.name), duties: areas.reduce((n, a) => n + customerDuties(a).length, 0) };
}

describe("getObligations", () => {
  test("DanubeData VPS: customer duties by area, N/A sides skipped, cross-cutting duties once", async () => {
    const { org, actor } = await customerOf([await serviceId("danubedata", "vps")]);
    const data = await getObligations({ actor });

    expect(data.organization.name).toBe(org.name);
    expect(data.serviceCount).toBe(1);
    expect(data.providers.map((p) => p.slug)).toEqual(["danubedata"]);
    const provider = data.providers[0]!;
    expect(provider.services.map((s) => s.slug)).toEqual(["vps"]);
    const vps = provider.services[0]!;

    // 7 rows; Physical Infrastructure and Hypervisor & Host OS are N/A on the customer side.
    expect(vps.areas.map((a) => [a.name, a.assignment, a.duties.length])).toEqual([
      ["Network Infrastructure", "shared", 2],
      ["Guest Operating System", "customer", 4],
      ["Applications & Data", "customer", 4],
      ["Backups & Snapshots", "shared", 3],
      ["Access Management", "shared", 4],
    ]);
    expect(vps.areas[1]!).toMatchObject({ key: "guest-operating-system", groups: [] });
    expect(vps.areas[1]!.duties).toEqual(
      ["OS patching", "security hardening", "configuration management", "system updates"].map((text) => ({
        text,
        strength: "must",
      })),
    );
    expect(vps.dutyCount).toBe(17);

    // Six cross-cutting areas, every one with customer duties.
    expect(provider.crossCutting.areas.map((a) => a.name)).toEqual(danube.crossCuttingAreas.map((a) => a.name));
    expect(provider.crossCutting.dutyCount).toBe(26);
    expect(provider.crossCutting.areas[0]!.duties).toEqual(
      customerCell(danube.crossCuttingAreas[0]!)!.duties.map((d) => ({ text: d.text, strength: "must" })),
    );

    expect(provider.dutyCount).toBe(17 + 26);
    expect(data.dutyCount).toBe(17 + 26);
  });

  test("several services of one provider list its cross-cutting duties once; providers are grouped by name", async () => {
    const ids = await Promise.all([
      serviceId("stackit", "edge-cloud"),
      serviceId("danubedata", "object-storage"),
      serviceId("contain", "platform"),
      serviceId("danubedata", "vps"),
    ]);
    const { actor } = await customerOf(ids);
    const data = await getObligations({ actor });

    expect(data.providers.map((p) => p.slug)).toEqual(["contain", "danubedata", "stackit"]);
    const [containData, danubeData, stackitData] = data.providers as [Provider, Provider, Provider];
    // Services in the provider's order, whatever the order of subscription.
    expect(danubeData.services.map((s) => s.slug)).toEqual(["vps", "object-storage"]);
    expect(danubeData.crossCutting.areas).toHaveLength(6);
    expect(danubeData.crossCutting.dutyCount).toBe(26);

    const storage = expected(danube, "object-storage");
    expect(danubeData.services[1]!.areas.map((a) => a.name)).toEqual(storage.names);
    expect(danubeData.services[1]!.dutyCount).toBe(14);
    expect(danubeData.dutyCount).toBe(17 + 14 + 26);

    // Contain lists rows whose customer side is empty ("-"): they are skipped.
    const platform = expected(containDoc, "platform");
    const platformSeed = containDoc.services.find((s) => s.slug === "platform")!;
    const emptySide = platformSeed.areas.filter(
      (a) => !customerCell(a)?.notApplicable && customerDuties(a).length === 0,
    );
    expect(emptySide.length).toBeGreaterThan(0);
    const containNames = containData.services[0]!.areas.map((a) => a.name);
    expect(containNames).toEqual(platform.names);
    for (const a of emptySide) expect(containNames).not.toContain(a.name);
    expect(containData.services[0]!.dutyCount).toBe(platform.duties);
    expect(containData.crossCutting).toEqual({ dutyCount: 0, areas: [] });

    const edge = expected(stackitDoc, "edge-cloud");
    expect(stackitData.services[0]!.areas.map((a) => a.name)).toEqual(edge.names);
    expect(stackitData.dutyCount).toBe(edge.duties);

    expect(data.serviceCount).toBe(4);
    expect(data.dutyCount).toBe(17 + 14 + 26 + platform.duties + edge.duties);
  });

  test("a private provider shows only the subscribed services; unsubscribed ones never appear", async () => {
    const doc = makeProviderDocument({ isPrivate: true });
    const base = doc.services[0]!;
    const hidden = { ...base, slug: `${base.slug}-hidden`, name: `${base.name} Hidden` };
    doc.services = [base, hidden];
    doc.crossCuttingAreas = [makeArea("Private policy", { customer: ["Read the policy"] })];
    const other = await createProvider(makeProviderDocument({ isPrivate: true }));
    const created = await createProvider(doc);
    try {
      const { actor } = await customerOf([await serviceId(doc.slug, base.slug)]);
      const data = await getObligations({ actor });
      expect(data.providers.map((p) => p.slug)).toEqual([doc.slug]);
      const provider = data.providers[0]!;
      expect(provider.services.map((s) => s.slug)).toEqual([base.slug]);
      expect(provider.services[0]!.areas).toEqual([
        expect.objectContaining({
          key: "widget-calibration",
          name: base.areas[0]!.name,
          groups: [],
          assignment: "shared",
          duties: [{ text: "Report drift", strength: "must" }],
        }),
      ]);
      expect(provider.crossCutting.areas.map((a) => a.name)).toEqual(["Private policy"]);
      expect(JSON.stringify(data)).not.toContain(hidden.slug);
      expect(JSON.stringify(data)).not.toContain(other.document.slug);
      // Unsubscribed public services (e.g. DanubeData cache) do not appear either.
      expect(JSON.stringify(data)).not.toContain("danubedata");
      expect(data.dutyCount).toBe(2);
    } finally {
      await created.remove();
      await other.remove();
    }
  });

  test("an organization without subscriptions has nothing to do", async () => {
    const { org, actor } = await customerOf([]);
    expect(await getObligations({ actor })).toEqual({
      organization: { name: org.name, slug: org.slug },
      dutyCount: 0,
      serviceCount: 0,
      providers: [],
    });
  });

  test("the DTO carries no internal ids", async () => {
    const { actor } = await customerOf([await serviceId("danubedata", "vps")]);
    const text = JSON.stringify(await getObligations({ actor }));
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
    expect(text).not.toMatch(/"(id|providerId|isPrivate|version)"/);
  });

  test.each(["admin", "account-manager", "auditor"] as const satisfies Role[])("refuses %s accounts", async (role) => {
    const org = await makeOrganization({ serviceIds: [await serviceId("danubedata", "vps")] });
    const { actor } = await makeUser({ role, organizationId: org.id });
    await expect(getObligations({ actor })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("refuses anonymous callers and customers without an organization", async () => {
    await expect(getObligations({ actor: anonymous })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const { actor } = await makeUser({ role: "customer" });
    const error = await getObligations({ actor }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "FORBIDDEN" });
  });
});
