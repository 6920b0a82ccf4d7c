// The PDF reports read back with poppler: My obligations (every customer duty of every subscribed
// service and cross-cutting area, bookmarks per provider and service, the versions on the cover) and
// the changes between two versions (every changed row), both tagged, numbered and repeatable.
import { describe, expect, test, vi } from "vitest";
import { GET as obligationsRoute } from "@/app/api/v1/me/obligations/export/route";
import { GET as diffRoute } from "@/app/api/v1/providers/[provider]/versions/compare/export/route";
import { anonymous } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { actAs } from "../support/actor";
import { publishChangedVersion, publishedSeed } from "../support/published-seed";
import { oscalSchemaErrors } from "../support/oscal-schema";
import { collapse, outlineTree, pageTexts, readBack } from "../support/pdf-read";
import { makeUser } from "../factories/accounts";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

async function body(response: Response) {
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe("report PDFs", () => {
  test("My obligations as a PDF: every duty, a bookmark per provider and service, the version on the cover", async () => {
    const danube = await publishedSeed("danubedata");
    const contain = await publishedSeed("contain");
    const services = await getDb().service.findMany({
      where: {
        OR: [
          { providerId: danube.id, position: { in: [0, 1] } },
          { providerId: contain.id, position: 0 },
        ],
      },
    });
    const organization = await getDb().organization.create({
      data: {
        slug: `org-${crypto.randomUUID().slice(0, 8)}`,
        name: "Acme Reports",
        subscriptions: { create: services.map((s) => ({ serviceId: s.id })) },
      },
    });
    const customer = await makeUser({ role: "customer", organizationId: organization.id });
    const get = async () =>
      body(
        await obligationsRoute(new Request("http://localhost/api/v1/me/obligations/export?format=pdf"), {
          params: Promise.resolve({}),
        }),
      );
    actAs(customer.actor);
    const { response, bytes } = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="acme-reports-obligations.pdf"');
    const read = readBack(bytes);

    const subscribed = [danube, contain].flatMap((p) =>
      p.document.services.filter((s) => services.some((row) => row.providerId === p.id && row.slug === s.slug)),
    );
    const crossCutting = [danube, contain].flatMap((p) => p.document.crossCuttingAreas);
    const duties = [...subscribed.flatMap((s) => s.areas), ...crossCutting].flatMap((area) =>
      (area.cells.find((c) => c.party === "customer" && !c.notApplicable)?.duties ?? [])
        .filter((d) => d.strength !== "excluded")
        .map((d) => ({ area: area.name, text: d.text })),
    );
    expect(duties.length).toBeGreaterThan(10);
    const missing = duties.filter((d) => !read.raw.includes(collapse(d.text)) || !read.raw.includes(collapse(d.area)));
    expect(missing).toEqual([]);

    const [cover = ""] = pageTexts(read);
    expect(collapse(cover)).toContain("Acme Reports: our obligations");
    expect(collapse(cover)).toContain(`${danube.document.name}: version 1, published`);
    expect(read.info.Title).toBe("Acme Reports: our obligations");
    expect(read.info.Tagged).toBe("yes");
    expect(read.structure).toMatch(/\bTable\b[\s\S]*\bTH\b[\s\S]*\bTD\b/);
    pageTexts(read).forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${read.pages}`));

    const [root] = outlineTree(bytes);
    expect(root?.title).toBe("Acme Reports: our obligations");
    const providers = root?.children.filter((c) => c.title !== "Contents") ?? [];
    expect(providers.map((c) => c.title).sort()).toEqual([contain.document.name, danube.document.name].sort());
    const danubeItem = providers.find((c) => c.title === danube.document.name)!;
    expect(danubeItem.children.map((c) => c.title)).toEqual([
      ...danube.document.services.slice(0, 2).map((s) => s.name),
      "All services (cross-cutting)",
    ]);

    expect((await get()).bytes.equals(bytes)).toBe(true);

    // The same obligations as an OSCAL plan leveraging both providers' plans.
    const ssp = await body(
      await obligationsRoute(new Request("http://localhost/api/v1/me/obligations/export?format=oscal-ssp"), {
        params: Promise.resolve({}),
      }),
    );
    expect(ssp.response.status).toBe(200);
    expect(ssp.response.headers.get("content-disposition")).toBe(
      'attachment; filename="acme-reports-obligations-ssp.json"',
    );
    const plan = JSON.parse(ssp.bytes.toString("utf8"));
    expect(oscalSchemaErrors(plan)).toEqual([]);
    const satisfied = plan["system-security-plan"]["control-implementation"]["implemented-requirements"].flatMap(
      (r: { "by-components": { satisfied?: { description: string }[] }[] }) =>
        r["by-components"].flatMap((b) => b.satisfied ?? []).map((s) => s.description),
    );
    expect(satisfied.sort()).toEqual(duties.map((d) => d.text).sort());

    actAs(anonymous);
    expect((await get()).response.status).toBe(401);
  });

  test("version changes as a PDF: every changed row with before and after, both versions stamped", async () => {
    actAs(anonymous);
    const p = await publishedSeed("danubedata");
    const { changed, version: second } = await publishChangedVersion(p);
    const get = async (query: string) =>
      body(
        await diffRoute(new Request(`http://localhost/api/v1/providers/${p.slug}/versions/compare/export?${query}`), {
          params: Promise.resolve({ provider: p.slug }),
        }),
      );
    const { response, bytes } = await get("from=1&to=2&format=pdf");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${p.slug}-v1-v2-changes.pdf"`);
    const read = readBack(bytes);
    const service = changed.services[0]!.name;
    expect(read.raw).toContain(`${service}`);
    expect(read.raw).toMatch(/Brand new area area added/);
    expect(read.raw).toContain("Review the new duty");
    expect(read.raw).toContain("Customer duties");
    const cover = collapse(pageTexts(read)[0] ?? "");
    expect(cover).toContain(`changes from version 1 to 2`);
    expect(cover).toContain(second.contentHash);
    expect(read.info.Tagged).toBe("yes");
    expect(outlineTree(bytes)[0]?.children.map((c) => c.title)).toContain(service);
    expect((await get("from=1&to=2&format=pdf")).bytes.equals(bytes)).toBe(true);
    expect((await get("from=1&to=2&format=xlsx")).response.status).toBe(400);
  });
});
