// The catalog search against the database: words in any order across each kind of field, the
// deep links its hits carry, and what stays hidden (see also visibility.test.ts).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { anonymous } from "@/lib/auth/permissions";
import { getProvider } from "@/lib/providers/get-provider";
import { getService } from "@/lib/providers/get-service";
import { searchCatalog } from "@/lib/search/search-catalog";
import { createProvider } from "../support/app-db";
import { makeArea, makeProviderDocument } from "../factories/provider-document";
import { makeUser } from "../factories/accounts";

/** One public provider whose every searchable field holds its own made-up word. */
async function world() {
  const base = makeProviderDocument();
  const id = base.slug.replace("test-provider-", "");
  const document = makeProviderDocument({
    slug: base.slug,
    name: `Zorblat Cloud ${id}`,
    summary: "Sovereign quibbleware hosting on Danube riverbanks.",
    parties: [
      { key: "provider", name: `Zorblat Cloud ${id}`, role: "provider" },
      { key: "customer", name: "Customer", role: "customer" },
    ],
    crossCuttingAreas: [
      makeArea("Identity Frobnication", {
        provider: ["Operate the single sign-on gateway"],
        customer: ["Review grommet accounts"],
      }),
    ],
    services: [
      {
        slug: "glimmer",
        name: `Glimmer Engines ${id}`,
        category: "PaaS",
        summary: "Managed flux capacitors for high-voltage snorkel workloads.",
        areas: [
          makeArea(
            "Sécurité des données",
            { provider: ["Encrypt wibble volumes at rest"], customer: ["Rotate the snorkel keys every quarter"] },
            {
              key: "data-security",
              notes: "Keys stay in the customer's own vortex vault.",
              references: [{ framework: "CSA CCM", control: "CEK-03" }],
            },
          ),
          makeArea("Backups", { customer: ["Test restores of wibble archives"] }),
        ],
        layers: [],
        deploymentModels: [],
      },
    ],
  });
  const created = await createProvider(document);
  return { ...created, id, slug: document.slug };
}

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});
afterAll(async () => {
  await w.remove();
});

const search = (query: string) => searchCatalog({ actor: anonymous, query });
/** Hits of our provider only (the seeded ones are in the same database). */
const ours = async (query: string) => {
  const results = await search(query);
  return {
    providers: results.providers.filter((p) => p.slug === w.slug),
    services: results.services.filter((s) => s.provider === w.slug),
    areas: results.areas.filter((a) => a.provider === w.slug),
  };
};
const marked = (segments: { text: string; match: boolean }[]) =>
  segments.map((s) => (s.match ? `[${s.text}]` : s.text)).join("");

describe("words in any order", () => {
  test("provider: name and summary", async () => {
    for (const query of ["zorblat quibbleware", "quibbleware ZORBLAT", "riverbanks sovereign zorblat"]) {
      const { providers } = await ours(query);
      expect(providers.map((p) => p.href)).toEqual([`/providers/${w.slug}`]);
      expect(providers[0]!.matches[0]?.field).toBe("summary");
    }
    const [hit] = (await ours("riverbanks zorblat")).providers;
    expect(marked(hit!.title)).toBe(`[Zorblat] Cloud ${w.id}`);
    expect(marked(hit!.matches[0]!.snippet)).toBe("Sovereign quibbleware hosting on Danube [riverbanks].");
    expect((await ours("zorblat nowhere-to-be-found")).providers).toEqual([]);
  });

  test("service: name, summary, category and its provider's name", async () => {
    for (const query of ["snorkel glimmer", "capacitors zorblat", "zorblat paas glimmer"]) {
      const { services } = await ours(query);
      expect(services.map((s) => s.href)).toEqual([`/providers/${w.slug}/services/glimmer`]);
    }
    const [hit] = (await ours("capacitors zorblat")).services;
    expect(marked(hit!.context)).toBe(`[Zorblat] Cloud ${w.id}`);
    expect(hit!.matches.map((m) => m.field)).toEqual(["summary"]);
    // The provider's name alone narrows but is never a hit by itself.
    expect((await ours("zorblat")).services).toEqual([]);
  });

  test("area: name, duties, notes, framework controls, and the names of its service and provider", async () => {
    const expectedHref = `/providers/${w.slug}/services/glimmer#area-data-security`;
    const cases: [string, string[]][] = [
      ["donnees quarter", ["duty"]],
      ["quarter rotate glimmer", ["duty"]],
      ["vault vortex", ["notes"]],
      ["cek-03 zorblat", ["reference"]],
      ["wibble snorkel", ["duty", "duty"]],
    ];
    for (const [query, fields] of cases) {
      const areas = (await ours(query)).areas;
      expect(
        areas.map((a) => a.href),
        query,
      ).toEqual([expectedHref]);
      expect(
        areas[0]!.matches.map((m) => m.field),
        query,
      ).toEqual(fields);
    }
    const [hit] = (await ours("snorkel glimmer rotate")).areas;
    expect(hit!.matches).toEqual([
      {
        field: "duty",
        label: "Customer duty",
        snippet: [
          { text: "Rotate", match: true },
          { text: " the ", match: false },
          { text: "snorkel", match: true },
          { text: " keys every quarter", match: false },
        ],
      },
    ]);
    expect(marked(hit!.context)).toBe(`Zorblat Cloud ${w.id} · [Glimmer] Engines ${w.id}`);
    // Accents and case do not matter, either way round.
    expect((await ours("SECURITE données")).areas.map((a) => a.key)).toEqual(["data-security"]);
    expect(marked((await ours("securite"))!.areas[0]!.title)).toBe("[Sécurité] des données");
    // A word found nowhere drops the hit.
    expect((await ours("wibble snorkel nowhere-to-be-found")).areas).toEqual([]);
  });

  test("the deep link uses the key the service page's DTO gives the area", async () => {
    const service = await getService({ actor: anonymous, provider: w.slug, service: "glimmer" });
    const keys = service!.areas.map((a) => a.key);
    const hits = (await ours("wibble")).areas;
    expect(hits.map((a) => a.href)).toEqual(keys.map((key) => `/providers/${w.slug}/services/glimmer#area-${key}`));
    expect(hits.map((a) => a.assignment)).toEqual(service!.areas.map((a) => a.assignment));
  });

  test("a cross-cutting area links to its row on the provider page", async () => {
    const provider = await getProvider({ actor: anonymous, slug: w.slug });
    const key = provider!.crossCuttingAreas[0]!.key;
    const hits = (await ours("grommet frobnication")).areas;
    expect(hits.map((a) => [a.href, a.service, a.serviceName])).toEqual([
      [`/providers/${w.slug}#cross-cutting-${key}`, null, null],
    ]);
    expect(marked(hits[0]!.context)).toBe(`Zorblat Cloud ${w.id} · all services`);
    // The provider's name counts for its cross-cutting areas too.
    expect((await ours("zorblat sign-on")).areas.map((a) => a.key)).toEqual([key]);
  });

  test("a quoted phrase must occur as written", async () => {
    expect((await ours('"rotate the snorkel"')).areas).toHaveLength(1);
    expect((await ours('"snorkel rotate"')).areas).toEqual([]);
  });
});

describe("seeded catalog", () => {
  test("DanubeData: any order, across service name and duties, links to the VPS row", async () => {
    const service = await getService({ actor: anonymous, provider: "danubedata", service: "vps" });
    const row = service!.areas.find((a) => a.name === "Backups & Snapshots")!;
    for (const query of ["vps restore testing snapshot", "snapshot testing restore vps"]) {
      const results = await search(query);
      expect(results.areas.map((a) => a.href)).toContain(`/providers/danubedata/services/vps#area-${row.key}`);
      // Other tests publish copies of DanubeData under their own slugs into the same database: look at ours.
      const seeded = results.areas.filter((a) => a.provider === "danubedata");
      expect(seeded.every((a) => a.service === "vps")).toBe(true);
    }
  });
});

describe("visibility", () => {
  test("a private provider's words find nothing for those who may not see it, everything for staff", async () => {
    const hidden = await createProvider(
      makeProviderDocument({ isPrivate: true, summary: "Secretive grommet hosting for the quibbleware trade." }),
    );
    try {
      const { actor: auditor } = await makeUser({ role: "auditor" });
      const area = hidden.document.services[0]!.areas[0]!;
      const queries = [
        `${hidden.document.name} grommet`,
        `flux ${area.name}`,
        `${hidden.document.services[0]!.name} widget`,
      ];
      for (const query of queries) {
        const asAnonymous = await searchCatalog({ actor: anonymous, query });
        expect(JSON.stringify(asAnonymous), query).not.toContain(hidden.document.slug);
        const asAuditor = await searchCatalog({ actor: auditor, query });
        expect(JSON.stringify(asAuditor), query).toContain(`/providers/${hidden.document.slug}`);
      }
    } finally {
      await hidden.remove();
    }
  });
});
