import { beforeAll, describe, expect, test } from "vitest";
import { GET as listProvidersRoute } from "@/app/api/v1/providers/route";
import { GET as providerRoute } from "@/app/api/v1/providers/[provider]/route";
import { GET as serviceRoute } from "@/app/api/v1/providers/[provider]/services/[service]/route";
import { anonymous, type Actor } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { getComparison } from "@/lib/providers/get-comparison";
import { getProvider } from "@/lib/providers/get-provider";
import { listProviders } from "@/lib/providers/list-providers";
import { searchCatalog } from "@/lib/search/search-catalog";
import { getService } from "@/lib/providers/get-service";
import { actAs } from "../support/actor";
import { createProvider } from "../support/app-db";
import { callRoute } from "../support/call-route";
import { makeOrganization, makeUser } from "../factories/accounts";
import { makeProviderDocument } from "../factories/provider-document";

/** Two private providers, X (two services) and Y; organization A subscribes to one service of X. */
async function world() {
  const xDocument = makeProviderDocument({ isPrivate: true });
  xDocument.services.push({ ...xDocument.services[0]!, slug: "unsubscribed" });
  const x = await createProvider(xDocument);
  const y = await createProvider(makeProviderDocument({ isPrivate: true }));
  const xServices = await getDb().service.findMany({ where: { providerId: x.id }, orderBy: { position: "asc" } });
  const orgA = await makeOrganization({ serviceIds: [xServices[0]!.id] });
  const orgB = await makeOrganization();
  const roles: Record<string, Actor> = {
    anonymous,
    customerA: (await makeUser({ role: "customer", organizationId: orgA.id })).actor,
    customerB: (await makeUser({ role: "customer", organizationId: orgB.id })).actor,
    managerX: (await makeUser({ role: "account-manager", managedProviderIds: [x.id] })).actor,
    managerY: (await makeUser({ role: "account-manager", managedProviderIds: [y.id] })).actor,
    auditor: (await makeUser({ role: "auditor" })).actor,
    admin: (await makeUser({ role: "admin" })).actor,
  };
  return { x, y, subscribed: xServices[0]!.slug, unsubscribed: xServices[1]!.slug, roles };
}

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

/** Who may know provider X exists, and which of its services. */
const seesX = ["customerA", "managerX", "auditor", "admin"];
const seesAllOfX = ["managerX", "auditor", "admin"];

describe.each(["anonymous", "customerA", "customerB", "managerX", "managerY", "auditor", "admin"])("as %s", (role) => {
  test("provider X appears exactly where the role may see it: list, page data, comparison, search and API", async () => {
    const actor = w.roles[role]!;
    const slug = w.x.document.slug;
    const visible = seesX.includes(role);
    const all = seesAllOfX.includes(role);

    const listed = (await listProviders({ actor })).find((p) => p.slug === slug);
    expect(Boolean(listed)).toBe(visible);
    if (listed) expect(listed.serviceCount).toBe(all ? 2 : 1);

    const provider = await getProvider({ actor, slug });
    expect(Boolean(provider)).toBe(visible);
    expect(provider?.services.map((s) => s.slug)).toEqual(
      visible ? (all ? [w.subscribed, w.unsubscribed] : [w.subscribed]) : undefined,
    );
    expect(Boolean(await getService({ actor, provider: slug, service: w.subscribed }))).toBe(visible);
    expect(Boolean(await getService({ actor, provider: slug, service: w.unsubscribed }))).toBe(all);
    expect((await getComparison({ actor, slug }))?.columns.length).toBe(visible ? (all ? 2 : 1) : undefined);

    const areaName = w.x.document.services[0]!.areas[0]!.name;
    const found = await searchCatalog({ actor, query: areaName });
    expect(found.areas.filter((a) => a.provider === slug).length).toBe(visible ? (all ? 2 : 1) : 0);
    expect((await searchCatalog({ actor, query: w.x.document.name })).providers.length).toBe(visible ? 1 : 0);
    // Words in any order, across a duty and the service's name: hits link only to services the role may see.
    const service = w.x.document.services[0]!;
    const words = `${service.name} ${service.areas[0]!.cells[0]!.duties[0]!.text}`.split(" ").reverse().join(" ");
    const wide = await searchCatalog({ actor, query: words });
    const hrefs = [...wide.services, ...wide.areas].filter((hit) => hit.provider === slug).map((hit) => hit.href);
    const expectedServices = visible ? (all ? [w.subscribed, w.unsubscribed] : [w.subscribed]) : [];
    expect(hrefs.map((href) => href.split("/services/")[1]!.split("#")[0])).toEqual(expectedServices);
    expect(JSON.stringify(wide).includes(slug)).toBe(visible);

    actAs(actor);
    const api = await callRoute(providerRoute, `/api/v1/providers/${slug}`, { provider: slug });
    expect(api.status).toBe(visible ? 200 : 404);
    const hidden = await callRoute(serviceRoute, `/api/v1/providers/${slug}/services/${w.unsubscribed}`, {
      provider: slug,
      service: w.unsubscribed,
    });
    expect(hidden.status).toBe(all ? 200 : 404);
    // Not found and not allowed look the same: the body never confirms that it exists.
    if (!all) expect(JSON.stringify(hidden.body)).not.toContain(w.x.document.name);
    const list = await callRoute(listProvidersRoute, "/api/v1/providers", {});
    expect(JSON.stringify(list.body).includes(slug)).toBe(visible);
  });

  test("provider Y (nobody subscribes) is visible only to its manager, auditors and admins", async () => {
    const actor = w.roles[role]!;
    const visible = ["managerY", "auditor", "admin"].includes(role);
    expect(Boolean(await getProvider({ actor, slug: w.y.document.slug }))).toBe(visible);
  });
});

describe("a provider that exists only as a draft", () => {
  test("is hidden from readers, even subscribers, until published; its manager and staff see it marked", async () => {
    const z = await createProvider(makeProviderDocument());
    await getDb().provider.update({ where: { id: z.id }, data: { publishedAt: null } });
    const service = await getDb().service.findFirstOrThrow({ where: { providerId: z.id } });
    const org = await makeOrganization({ serviceIds: [service.id] });
    const readers: Actor[] = [
      anonymous,
      (await makeUser({ role: "customer", organizationId: org.id })).actor,
      (await makeUser({ role: "account-manager" })).actor,
    ];
    const staff: Actor[] = [
      (await makeUser({ role: "account-manager", managedProviderIds: [z.id] })).actor,
      (await makeUser({ role: "auditor" })).actor,
      (await makeUser({ role: "admin" })).actor,
    ];
    const slug = z.document.slug;
    for (const actor of readers) {
      expect(await getProvider({ actor, slug })).toBeNull();
      expect((await listProviders({ actor })).map((p) => p.slug)).not.toContain(slug);
      actAs(actor);
      expect((await callRoute(providerRoute, `/api/v1/providers/${slug}`, { provider: slug })).status).toBe(404);
    }
    for (const actor of staff) {
      expect((await getProvider({ actor, slug }))?.name).toBe(z.document.name);
      expect((await listProviders({ actor })).find((p) => p.slug === slug)).toMatchObject({ published: false });
    }
  });
});
