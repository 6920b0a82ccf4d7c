import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { AppError } from "@/lib/errors";
import { buildProviderExport, type ProviderExport } from "@/lib/exports/export-model";
import { oscalFileName } from "@/lib/exports/oscal/oscal-common";
import type { OscalByComponent } from "@/lib/exports/oscal/oscal-types";
import { toObligationsOscalSsp } from "@/lib/exports/oscal/oscal-obligations-ssp";
import { toOscalSsp } from "@/lib/exports/oscal/oscal-ssp";
import type { OscalSspDocument } from "@/lib/exports/oscal/oscal-types";
import { providerDocumentSchema, type AreaInput, type ProviderDocumentInput } from "@/lib/validation/provider-document";
import { seedProviders } from "@/prisma/seed";
import { makeArea, makeProviderDocument } from "@/tests/factories/provider-document";
import { oscalSchemaErrors } from "@/tests/support/oscal-schema";

const organization = { name: "Acme Retail", slug: "acme-retail" };

function seed(slug: string): ProviderDocumentInput {
  const found = seedProviders.find((p) => p.slug === slug);
  if (!found) throw new Error(`No seed provider "${slug}"`);
  return found;
}

/** A provider's export as a subscription sees it: only the subscribed services, and the areas that apply to all. */
function subscribed(input: ProviderDocumentInput, services: readonly string[], version = 3): ProviderExport {
  const data = buildProviderExport({
    document: providerDocumentSchema.parse(input),
    version: {
      number: version,
      publishedAt: new Date(Date.UTC(2025, version, 1, 9, 30)).toISOString(),
      contentHash: createHash("sha256").update(`${input.slug} version ${version}`).digest("hex"),
      note: `Version ${version}.`,
    },
  });
  return { ...data, services: data.services.filter((service) => services.includes(service.slug)) };
}

const subscriptions = [
  { input: seed("danubedata"), services: ["vps", "managed-databases", "object-storage"] },
  { input: seed("contain"), services: ["platform"] },
];

const seededProviders = (versions: readonly number[] = [3, 5]) =>
  subscriptions.map(({ input, services }, i) => subscribed(input, services, versions[i]));

/** Every value of `key` anywhere in a JSON tree, in document order. */
function collect(node: unknown, key: string): unknown[] {
  if (Array.isArray(node)) return node.flatMap((item) => collect(item, key));
  if (node === null || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([k, value]) => [...(k === key ? [value] : []), ...collect(value, key)]);
}

const requirements = (ssp: OscalSspDocument) =>
  ssp["system-security-plan"]["control-implementation"]["implemented-requirements"];

const propValue = (props: { name: string; value: string }[] | undefined, name: string) =>
  props?.find((p) => p.name === name)?.value;

/** Per requirement of the obligations plan: its provider, the uuids it inherits and those it satisfies. */
function leveraging(ssp: OscalSspDocument) {
  return requirements(ssp).map((requirement) => {
    const parts = (requirement["by-components"] ?? []) as OscalByComponent[];
    return {
      provider: propValue(requirement.props, "provider"),
      control: requirement["control-id"],
      inherited: parts.flatMap((b) => b.inherited ?? []).map((i) => [i["provided-uuid"], i.description]),
      satisfied: parts.flatMap((b) => b.satisfied ?? []).map((s) => [s["responsibility-uuid"], s.description]),
    };
  });
}

/** Per control of a provider's own SSP: what it exports as provided and as responsibilities. */
function leveraged(ssp: OscalSspDocument) {
  return new Map(
    requirements(ssp).map((requirement) => {
      const exports = (requirement["by-components"] ?? []).map((b) => b.export);
      return [
        requirement["control-id"],
        {
          provided: exports.flatMap((e) => e?.provided ?? []).map((d) => [d.uuid, d.description]),
          responsibilities: exports.flatMap((e) => e?.responsibilities ?? []).map((d) => [d.uuid, d.description]),
        },
      ];
    }),
  );
}

/** Customer duties done (not excluded) in a document's subscribed services and cross-cutting areas, from the document itself. */
function customerDuties(input: ProviderDocumentInput, services: readonly string[]): string[] {
  const areas: AreaInput[] = [
    ...input.services.filter((s) => services.includes(s.slug)).flatMap((s) => s.areas),
    ...input.crossCuttingAreas,
  ];
  return areas.flatMap((area) =>
    (area.cells.find((cell) => cell.party === "customer")?.duties ?? [])
      .filter((duty) => (duty.strength ?? "must") !== "excluded")
      .map((duty) => duty.text),
  );
}

/** Two of a duty, an excluded one, a third party, an N/A area and a cross-cutting area. */
function edgeDocument(): ProviderDocumentInput {
  return makeProviderDocument({
    slug: "edge-cloud-co",
    name: "Edge Cloud Co",
    parties: [
      { key: "provider", name: "Edge Cloud Co", role: "provider" },
      { key: "customer", name: "Customer", role: "customer" },
      { key: "hyperscaler", name: "Hyperscaler", role: "third-party", description: "Runs the data centres." },
    ],
    crossCuttingAreas: [makeArea("Incident response", { provider: ["Tell customers"], customer: ["Tell Edge"] })],
    services: [
      {
        slug: "buckets",
        name: "Buckets",
        category: "STaaS",
        summary: "Buckets of objects.",
        areas: [
          {
            key: "access-keys",
            name: "Access keys",
            assignment: "shared",
            parties: ["provider", "customer", "hyperscaler"],
            cells: [
              { party: "provider", duties: [{ text: "Issue keys" }, { text: "Recover keys", strength: "excluded" }] },
              { party: "customer", duties: [{ text: "Store keys safely" }, { text: "Store keys safely" }] },
              { party: "hyperscaler", duties: [{ text: "Guard the buildings" }] },
            ],
          },
          { key: "legacy-protocol", name: "Legacy protocol", assignment: "n/a", cells: [] },
        ],
        layers: [],
        deploymentModels: [],
      },
      {
        slug: "unused",
        name: "Unused",
        category: "IaaS",
        summary: "Not subscribed.",
        areas: [makeArea("Radio", { customer: ["Tune the radio"] })],
        layers: [],
        deploymentModels: [],
      },
    ],
  });
}

describe("My obligations as an OSCAL SSP", () => {
  test("two seeded providers' subscribed services validate against NIST's 1.2.2 schema", () => {
    const ssp = toObligationsOscalSsp({ organization, providers: seededProviders() });
    expect(oscalSchemaErrors(ssp)).toEqual([]);
    const plan = ssp["system-security-plan"];
    expect(plan["system-characteristics"]["system-name"]).toBe(
      "Acme Retail: services used from DanubeData and Contain",
    );
    expect(plan.metadata["last-modified"]).toBe(seededProviders()[1]!.version.publishedAt);
  });

  test.each([
    ["seeded providers", () => seededProviders()],
    ["a third party, repeated and excluded duties", () => [subscribed(edgeDocument(), ["buckets"])]],
  ])("%s: every inherited and satisfied entry is the provider SSP's provided or responsibility", (_, providers) => {
    const ssp = toObligationsOscalSsp({ organization, providers: providers() });
    expect(oscalSchemaErrors(ssp)).toEqual([]);
    const own = new Map(providers().map((data) => [data.provider.slug, leveraged(toOscalSsp(data))]));
    const rows = leveraging(ssp);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const theirs = own.get(row.provider!)?.get(row.control);
      expect(theirs, `${row.provider} ${row.control}`).toBeDefined();
      expect(row.inherited, row.control).toEqual(theirs!.provided);
      expect(row.satisfied, row.control).toEqual(theirs!.responsibilities);
    }
  });

  test("the leveraged components point at the provider SSPs' own components", () => {
    const providers = [subscribed(edgeDocument(), ["buckets"]), ...seededProviders()];
    const components = toObligationsOscalSsp({ organization, providers })["system-security-plan"][
      "system-implementation"
    ].components;
    const inheritedUuids = components.map((c) => propValue(c.props, "inherited-uuid")).filter(Boolean);
    const theirs = providers.flatMap((data) =>
      toOscalSsp(data)["system-security-plan"]["system-implementation"].components.map((c) => c.uuid),
    );
    expect(inheritedUuids.sort()).toEqual(theirs.sort());
    expect(components.filter((c) => c.type === "this-system")).toHaveLength(1);
    for (const c of components.filter((c) => c.type !== "this-system"))
      expect(propValue(c.props, "implementation-point")).toBe("external");
  });

  test("satisfied entries are the customer's duties in the subscribed services and cross-cutting areas", () => {
    const ssp = toObligationsOscalSsp({ organization, providers: seededProviders() });
    const rows = leveraging(ssp);
    for (const { input, services } of subscriptions) {
      const expected = customerDuties(input, services);
      expect(expected.length).toBeGreaterThan(0);
      const satisfied = rows.filter((row) => row.provider === input.slug).flatMap((row) => row.satisfied);
      expect(satisfied.map(([, text]) => text)).toEqual(expected);
    }
    const edge = toObligationsOscalSsp({ organization, providers: [subscribed(edgeDocument(), ["buckets"])] });
    const texts = leveraging(edge).flatMap((row) => row.satisfied.map(([, text]) => text));
    expect(texts).toEqual(["Store keys safely", "Store keys safely", "Tell Edge"]);
    expect(new Set(leveraging(edge).flatMap((row) => row.satisfied.map(([uuid]) => uuid))).size).toBe(3);
    expect(collect(edge, "description")).not.toContain("Recover keys");
  });

  test("the plan names only its components, roles, parties and back-matter resources", () => {
    const plan = toObligationsOscalSsp({ organization, providers: seededProviders() })["system-security-plan"];
    const components = new Set(plan["system-implementation"].components.map((c) => c.uuid));
    for (const uuid of collect(plan, "component-uuid")) expect(components).toContain(uuid);
    const roles = new Set(plan.metadata.roles?.map((r) => r.id));
    for (const role of collect(plan, "role-id")) expect(roles).toContain(role);
    const parties = new Set(plan.metadata.parties?.map((p) => p.uuid));
    for (const uuid of collect(plan, "party-uuids").flat()) expect(parties).toContain(uuid);
    const resources = plan["back-matter"]?.resources ?? [];
    expect(resources.map((r) => `#${r.uuid}`)).toContain(plan["import-profile"].href);
    const hrefs = resources.flatMap((r) => r.rlinks ?? []).map((l) => l.href);
    for (const data of seededProviders()) {
      expect(hrefs).toContain(oscalFileName(data, "catalog"));
      expect(hrefs).toContain(oscalFileName(data, "system-security-plan"));
    }
  });

  test("deterministic: the same data gives the same file, with every uuid once", () => {
    const render = () => toObligationsOscalSsp({ organization, providers: seededProviders() });
    expect(render()).toEqual(render());
    expect(JSON.stringify(render())).toBe(JSON.stringify(render()));
    const uuids = collect(render()["system-security-plan"], "uuid");
    expect(uuids.length).toBeGreaterThan(100);
    expect(new Set(uuids).size).toBe(uuids.length);
  });

  test("a new version or another organization makes another document; a new version keeps every inner uuid", () => {
    const plan = (versions: number[], org = organization) =>
      toObligationsOscalSsp({ organization: org, providers: seededProviders(versions) })["system-security-plan"];
    const [v3, v4] = [plan([3, 5]), plan([4, 5])];
    expect(v4.uuid).not.toBe(v3.uuid);
    const inner = (p: typeof v3) => collect({ ...p, uuid: null }, "uuid");
    expect(inner(v4)).toEqual(inner(v3));
    const globex = plan([3, 5], { name: "Globex", slug: "globex" });
    expect(globex.uuid).not.toBe(v3.uuid);
    expect(collect(globex["control-implementation"], "uuid")).not.toContain(
      collect(v3["control-implementation"], "uuid")[0],
    );
  });

  test("nothing to export is refused", () => {
    expect(() => toObligationsOscalSsp({ organization, providers: [] })).toThrow(AppError);
    const none = subscribed(seed("stackit"), []);
    expect(none.crossCutting.areas).toEqual([]);
    expect(() => toObligationsOscalSsp({ organization, providers: [none] })).toThrow(/nothing to export/i);
  });
});
