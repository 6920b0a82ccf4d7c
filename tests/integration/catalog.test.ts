import { describe, expect, test } from "vitest";
import { anonymous } from "@/lib/auth/permissions";
import { getComparison } from "@/lib/providers/get-comparison";
import { countProviders, listProviders } from "@/lib/providers/list-providers";
import { searchCatalog } from "@/lib/search/search-catalog";
import { createProvider } from "../support/app-db";
import { makeProviderDocument } from "../factories/provider-document";

describe("search", () => {
  test("finds an area by a word in its duties and says which duty matched", async () => {
    const results = await searchCatalog({ actor: anonymous, query: "kubevirt" });
    expect(results.areas).toContainEqual(
      expect.objectContaining({
        provider: "danubedata",
        service: "vps",
        name: "Hypervisor & Host OS",
        matches: [
          {
            field: "duty",
            label: "DanubeData duty",
            snippet: [
              { text: "KubeVirt", match: true },
              { text: " hypervisor security", match: false },
            ],
          },
        ],
      }),
    );
  });

  test("finds providers, services and cross-cutting areas by name", async () => {
    const results = await searchCatalog({ actor: anonymous, query: "Identity" });
    expect(results.areas).toContainEqual(
      expect.objectContaining({ provider: "danubedata", service: null, name: "Identity & Access Management" }),
    );
    expect((await searchCatalog({ actor: anonymous, query: "stackit" })).providers.map((p) => p.slug)).toContain(
      "stackit",
    );
    expect((await searchCatalog({ actor: anonymous, query: "Static Sites" })).services).toContainEqual(
      expect.objectContaining({ provider: "danubedata", slug: "static-sites", category: "PaaS" }),
    );
  });

  test("treats LIKE wildcards in the query literally", async () => {
    const results = await searchCatalog({ actor: anonymous, query: "%_%" });
    expect(results.providers).toEqual([]);
    expect(results.areas).toEqual([]);
  });

  test("never returns private providers' content", async () => {
    const created = await createProvider(makeProviderDocument({ isPrivate: true }));
    try {
      const area = created.document.services[0]!.areas[0]!.name;
      const results = await searchCatalog({ actor: anonymous, query: area });
      expect(results.areas).toEqual([]);
      expect((await searchCatalog({ actor: anonymous, query: created.document.name })).providers).toEqual([]);
      expect((await listProviders({ actor: anonymous })).map((p) => p.slug)).not.toContain(created.document.slug);
      expect(await getComparison({ actor: anonymous, slug: created.document.slug })).toBeNull();
    } finally {
      await created.remove();
    }
  });
});

describe("comparing services", () => {
  test("DanubeData: areas matched across services by name; Physical Infrastructure stays with the provider", async () => {
    const data = await getComparison({ actor: anonymous, slug: "danubedata" });
    expect(data).not.toBeNull();
    const { columns, changing, stable, service, caption } = data!;
    expect(service).toBeNull();
    expect(columns).toHaveLength(8);
    expect(columns[0]).toMatchObject({ key: "vps", service: "vps", model: null });
    const physical = [...changing, ...stable].find((r) => r.name === "Physical Infrastructure");
    expect(physical?.cells.filter((c) => c?.assignment === "provider")).toHaveLength(7);
    expect(caption).toContain(`${changing.length + stable.length} areas the 8 services have in common`);
  });

  test("Contain: one service, so its deployment models are compared; an unknown service is null", async () => {
    const data = await getComparison({ actor: anonymous, slug: "contain" });
    expect(data?.service?.slug).toBe("platform");
    expect(data?.modelChoices).toEqual([
      { slug: "platform", name: data!.service!.name, modelCount: data!.columns.length },
    ]);
    expect(data!.columns.length).toBeGreaterThanOrEqual(2);
    expect(data?.columns.map((c) => c.model)).toContain("cloud-services");
    expect(data?.changing[0]?.name).toBe("Underlying Infrastructure");
    expect(await getComparison({ actor: anonymous, slug: "contain", service: "platform" })).toEqual(data);
    expect(await getComparison({ actor: anonymous, slug: "contain", service: "no-such-service" })).toBeNull();
  });

  test("a provider with one service and no models has nothing to compare", async () => {
    const data = await getComparison({ actor: anonymous, slug: "stackit" });
    expect(data?.columns).toHaveLength(1);
    expect(data?.modelChoices).toEqual([]);
    expect(data?.caption).toBe("There is only one service: nothing to compare.");
  });
});

describe("provider list", () => {
  test("pages through every visible provider once, by name, with the count of all", async () => {
    const created = await Promise.all(
      ["Aa Paging One", "Aa Paging Two", "Aa Paging Three"].map((name) =>
        createProvider(makeProviderDocument({ name })),
      ),
    );
    try {
      const all = await listProviders({ actor: anonymous });
      expect(await countProviders({ actor: anonymous })).toBe(all.length);
      const pageSize = 2;
      const pages: string[] = [];
      for (let offset = 0; offset < all.length; offset += pageSize)
        pages.push(...(await listProviders({ actor: anonymous, offset, limit: pageSize })).map((p) => p.slug));
      expect(pages).toEqual(all.map((p) => p.slug));
      expect(await listProviders({ actor: anonymous, offset: all.length, limit: pageSize })).toEqual([]);
    } finally {
      await Promise.all(created.map((c) => c.remove()));
    }
  });
});
