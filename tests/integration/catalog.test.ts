import { describe, expect, test } from "vitest";
import { anonymous } from "@/lib/auth/permissions";
import { getComparison } from "@/lib/providers/get-comparison";
import { listProviders } from "@/lib/providers/list-providers";
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
        matchedDuty: "KubeVirt hypervisor security",
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

describe("compare heatmap", () => {
  test("DanubeData: VPS is least managed, areas are matched across services by name", async () => {
    const data = await getComparison({ actor: anonymous, slug: "danubedata" });
    expect(data).not.toBeNull();
    const { columns, rows } = data!.heatmap;
    expect(columns).toHaveLength(8);
    expect(columns[0]!.slug).toBe("vps");
    expect(columns.at(-1)!.category).toBe("SaaS");
    const physical = rows.find((r) => r.name === "Physical Infrastructure");
    expect(physical?.cells.filter((c) => c === "provider")).toHaveLength(7);
    const backups = rows.find((r) => r.key === "backups");
    expect(backups?.cells.filter((c) => c !== null).length).toBeGreaterThanOrEqual(4);
  });
});
