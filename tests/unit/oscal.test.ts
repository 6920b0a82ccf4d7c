import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { AppError } from "@/lib/errors";
import { buildProviderExport, type ExportFilters, type ProviderExport } from "@/lib/exports/export-model";
import { controlId, toOscalCatalog } from "@/lib/exports/oscal/oscal-catalog";
import type { OscalByComponent, OscalControl, OscalGroup, OscalSspDocument } from "@/lib/exports/oscal/oscal-types";
import { toOscalSsp } from "@/lib/exports/oscal/oscal-ssp";
import { demarcOscalNs, demarcUuidNamespace, urlNamespace, uuidV5 } from "@/lib/exports/oscal/uuids";
import { providerDocumentSchema, type AreaInput, type ProviderDocumentInput } from "@/lib/validation/provider-document";
import { seedProviders } from "@/prisma/seed";
import { oscalSchemaErrors } from "@/tests/support/oscal-schema";
import { makeArea, makeProviderDocument } from "@/tests/factories/provider-document";

function build(
  input: ProviderDocumentInput,
  options: { version?: number; service?: string; model?: string; filters?: ExportFilters } = {},
): ProviderExport {
  const number = options.version ?? 3;
  return buildProviderExport({
    document: providerDocumentSchema.parse(input),
    version: {
      number,
      publishedAt: new Date(Date.UTC(2025, number, 1, 9, 30)).toISOString(),
      contentHash: createHash("sha256").update(`version ${number}`).digest("hex"),
      note: `Version ${number}.`,
    },
    service: options.service ?? null,
    model: options.model ?? null,
    filters: options.filters,
  });
}

/** Every value of `key` anywhere in a JSON tree, in document order. */
function collect(node: unknown, key: string): unknown[] {
  if (Array.isArray(node)) return node.flatMap((item) => collect(item, key));
  if (node === null || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([k, value]) => [...(k === key ? [value] : []), ...collect(value, key)]);
}

function controls(groups: readonly OscalGroup[] | undefined): OscalControl[] {
  return (groups ?? []).flatMap((group) => [...(group.controls ?? []), ...controls(group.groups)]);
}

const cellDuties = (area: AreaInput, party: string, keep: (strength: string) => boolean) =>
  (area.cells.find((cell) => cell.party === party)?.duties ?? [])
    .filter((duty) => keep(duty.strength ?? "must"))
    .map((duty) => duty.text);
const done = (strength: string) => strength !== "excluded";

/** Areas of a document with their catalog ids, from the document itself (not from the export). */
function documentAreas(input: ProviderDocumentInput): { id: string; area: AreaInput }[] {
  return [
    ...input.services.flatMap((s) => s.areas.map((area) => ({ id: controlId(s.slug, area.key), area }))),
    ...input.crossCuttingAreas.map((area) => ({ id: controlId(null, area.key), area })),
  ];
}

/** Three parties, nested groups beside ungrouped areas, strengths, RACI, references, N/A, and slugs made to collide. */
function richDocument(): ProviderDocumentInput {
  const accessKeys: AreaInput = {
    key: "access-keys",
    name: "Access keys",
    assignment: "shared",
    cells: [
      {
        party: "provider",
        raci: "RA",
        duties: [
          { text: "Issue keys" },
          { text: "Rotate keys on request", strength: "should" },
          { text: "Recover lost keys", strength: "excluded" },
        ],
      },
      { party: "customer", raci: "R", duties: [{ text: "Store keys safely" }, { text: "Store keys safely" }] },
    ],
    references: [
      { framework: "CSA CCM", control: "IAM-02" },
      { framework: "ISO/IEC 27001:2022", control: "A.5.15" },
    ],
    notes: "Keys are per bucket.",
    interpretation: "Read from a figure.",
  };
  const backups: AreaInput = {
    key: "backups",
    name: "Backups",
    group: "copies",
    assignment: "shared",
    parties: ["provider", "customer", "hyperscaler"],
    cells: [
      { party: "provider", duties: [{ text: "Replicate to a second site" }] },
      {
        party: "customer",
        duties: [
          { text: "Test restores", strength: "may" },
          { text: "Keep offline copies", strength: "excluded" },
        ],
      },
      { party: "hyperscaler", duties: [{ text: "Provide the second site" }] },
    ],
  };
  return makeProviderDocument({
    slug: "acme-cloud",
    name: "Acme Cloud",
    source: {
      title: "Acme shared responsibility",
      document: "docs/acme.pdf",
      url: "https://acme.example/srm.pdf",
      retrieved: "2025-01-15",
    },
    parties: [
      { key: "provider", name: "Acme", role: "provider" },
      { key: "customer", name: "Customer", role: "customer" },
      { key: "hyperscaler", name: "Hyperscaler", role: "third-party", description: "Runs the data centres." },
    ],
    crossCuttingGroups: [{ key: "governance", title: "Governance", number: "1" }],
    crossCuttingAreas: [
      makeArea("Backups", { provider: ["Keep a backup policy"] }, { group: "governance" }),
      makeArea("Incident response", { provider: ["Tell customers"], customer: ["Tell Acme"] }),
    ],
    services: [
      {
        slug: "object-storage",
        name: "Object Storage",
        category: "STaaS",
        summary: "Buckets of objects.",
        groups: [
          { key: "data", title: "Data", number: "2" },
          { key: "copies", title: "Copies", number: "2.1", parent: "data", description: "How copies are kept." },
        ],
        areas: [
          accessKeys,
          makeArea("Encryption at rest", { provider: ["Encrypt every object"] }, { group: "data" }),
          backups,
          {
            key: "physical-security",
            name: "Physical security",
            assignment: "third-party",
            parties: ["hyperscaler"],
            cells: [
              { party: "provider", duties: [], notApplicable: true },
              { party: "hyperscaler", duties: [{ text: "Guard the buildings" }] },
            ],
          },
          { key: "legacy-protocol", name: "Legacy protocol", assignment: "n/a", cells: [] },
        ],
        layers: [],
        deploymentModels: [],
      },
      ...[
        { slug: "object", area: "Storage backups" },
        { slug: "5g-edge", area: "Radio access" },
        { slug: "cross-cutting", area: "Backups" },
      ].map(({ slug, area }) => ({
        slug,
        name: `Service ${slug}`,
        category: "IaaS" as const,
        summary: "A service whose slug could make ids meet.",
        areas: [makeArea(area, { provider: [`Run ${area}`], customer: [`Use ${area}`] })],
        layers: [],
        deploymentModels: [],
      })),
    ],
  });
}

const containPlatform = () => build(seed("contain"), { service: "platform", model: "cloud-services" });

function seed(slug: string): ProviderDocumentInput {
  const found = seedProviders.find((p) => p.slug === slug);
  if (!found) throw new Error(`No seed provider "${slug}"`);
  return found;
}

/** The SSP's by-components of one control, and which one is the system's own. */
function byComponents(
  ssp: OscalSspDocument,
  control: string,
): { system: OscalByComponent; others: OscalByComponent[] } {
  const plan = ssp["system-security-plan"];
  const system = plan["system-implementation"].components.find((c) => c.type === "this-system")!.uuid;
  const requirement = plan["control-implementation"]["implemented-requirements"].find(
    (r) => r["control-id"] === control,
  );
  const all = requirement?.["by-components"] ?? [];
  return {
    system: all.find((b) => b["component-uuid"] === system)!,
    others: all.filter((b) => b["component-uuid"] !== system),
  };
}

describe("OSCAL uuids and ids", () => {
  test("UUID v5 gives RFC 9562's example, and Demarc's namespace is the v5 UUID of its namespace URI", () => {
    const dnsNamespace = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
    expect(uuidV5(dnsNamespace, "www.example.com")).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    expect(urlNamespace).toBe("6ba7b811-9dad-11d1-80b4-00c04fd430c8");
    expect(uuidV5(urlNamespace, demarcOscalNs)).toBe(demarcUuidNamespace);
  });

  test("control ids are OSCAL tokens and never meet, even where slugs joined by a hyphen would", () => {
    const token = /^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$/u;
    const ids = [
      controlId("object-storage", "backups"),
      controlId("object", "storage-backups"),
      controlId("cross-cutting", "backups"),
      controlId(null, "backups"),
      controlId("5g-edge", "radio-access"),
    ];
    for (const id of ids) expect(id).toMatch(token);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("OSCAL exports validate against NIST's 1.2.2 schema", () => {
  test.each(seedProviders.map((p) => p.slug))("%s, whole provider: catalog and SSP", (slug) => {
    const data = build(seed(slug));
    expect(oscalSchemaErrors(toOscalCatalog(data))).toEqual([]);
    expect(oscalSchemaErrors(toOscalSsp(data))).toEqual([]);
  });

  test("Contain platform with the cloud-services model, where the hyperscaler runs the control plane", () => {
    const data = containPlatform();
    const catalog = toOscalCatalog(data);
    const ssp = toOscalSsp(data);
    expect(oscalSchemaErrors(catalog)).toEqual([]);
    expect(oscalSchemaErrors(ssp)).toEqual([]);
    expect(catalog.catalog.groups?.map((g) => g.id)).toEqual(["platform"]);
    const area = ssp["system-security-plan"]["control-implementation"]["implemented-requirements"].find(
      (r) => r["control-id"] === controlId("platform", "kubernetes-control-plane"),
    );
    expect(area?.props).toContainEqual({ name: "control-origination", value: "inherited" });
  });

  test("a document with three parties, nested groups, strengths, RACI and references, whole and filtered", () => {
    for (const data of [
      build(richDocument()),
      build(richDocument(), { service: "object-storage" }),
      build(richDocument(), { filters: { assignments: ["shared"], query: "" } }),
      build(richDocument(), { filters: { assignments: [], query: "keys" } }),
    ]) {
      expect(oscalSchemaErrors(toOscalCatalog(data))).toEqual([]);
      expect(oscalSchemaErrors(toOscalSsp(data))).toEqual([]);
    }
  });
});

describe("OSCAL content", () => {
  const documents = [...seedProviders, richDocument()];

  test.each(documents.map((d) => [d.slug, d] as const))(
    "%s: every area is one control and one requirement",
    (_, input) => {
      const expected = documentAreas(input);
      const catalog = toOscalCatalog(build(input)).catalog;
      const listed = controls(catalog.groups);
      expect(listed.map((c) => c.id).sort()).toEqual(expected.map((e) => e.id).sort());
      for (const { id, area } of expected) expect(listed.find((c) => c.id === id)?.title).toBe(area.name);
      const plan = toOscalSsp(build(input))["system-security-plan"];
      const required = plan["control-implementation"]["implemented-requirements"].map((r) => r["control-id"]);
      expect(required.sort()).toEqual(expected.map((e) => e.id).sort());
    },
  );

  test.each(documents.map((d) => [d.slug, d] as const))(
    "%s: provided and responsibilities are the duties done",
    (_, input) => {
      const ssp = toOscalSsp(build(input));
      const descriptions = (list: { description: string }[] | undefined) => (list ?? []).map((d) => d.description);
      for (const { id, area } of documentAreas(input)) {
        const { system, others } = byComponents(ssp, id);
        expect(descriptions(system.export?.provided), id).toEqual(cellDuties(area, "provider", done));
        expect(descriptions(system.export?.responsibilities), id).toEqual(cellDuties(area, "customer", done));
        const third = cellDuties(area, "hyperscaler", done);
        expect(
          others.flatMap((b) => descriptions(b.export?.provided)),
          id,
        ).toEqual(third);
      }
    },
  );

  test("excluded duties are never provided nor a responsibility, and the catalog shows them as not done", () => {
    const input = richDocument();
    const excluded = documentAreas(input).flatMap(({ area }) =>
      area.cells.flatMap((cell) => cellDuties(area, cell.party, (strength) => strength === "excluded")),
    );
    expect(excluded).toEqual(["Recover lost keys", "Keep offline copies"]);
    const plan = toOscalSsp(build(input))["system-security-plan"];
    const exported = collect(plan, "export").flatMap((e) => collect(e, "description"));
    for (const text of excluded) expect(exported).not.toContain(text);
    const parts = collect(toOscalCatalog(build(input)), "parts").flat() as { prose?: string; props?: unknown }[];
    const recover = parts.find((part) => part.prose === "Recover lost keys");
    expect(recover?.props).toEqual([{ name: "duty-strength", ns: demarcOscalNs, value: "excluded" }]);
  });

  test("the SSP names only catalog controls, metadata roles and parties, and its own components", () => {
    for (const input of documents) {
      const data = build(input);
      const ids = new Set(controls(toOscalCatalog(data).catalog.groups).map((c) => c.id));
      const plan = toOscalSsp(data)["system-security-plan"];
      for (const id of collect(plan, "control-id")) expect(ids.has(id as string), `${input.slug} ${id}`).toBe(true);
      const roles = new Set(plan.metadata.roles?.map((r) => r.id));
      for (const role of [...collect(plan, "role-id"), ...collect(plan, "role-ids").flat()])
        expect(roles).toContain(role);
      const parties = new Set(plan.metadata.parties?.map((p) => p.uuid));
      for (const uuid of collect(plan, "party-uuids").flat()) expect(parties).toContain(uuid);
      const components = new Set(plan["system-implementation"].components.map((c) => c.uuid));
      for (const uuid of collect(plan, "component-uuid")) expect(components).toContain(uuid);
      const uuids = collect(plan, "uuid");
      expect(new Set(uuids).size, input.slug).toBe(uuids.length);
      const catalogIds = collect(toOscalCatalog(data), "id");
      expect(new Set(catalogIds).size, input.slug).toBe(catalogIds.length);
    }
  });

  test("nested groups hold their areas, and areas in no group sit beside them in reading order", () => {
    const service = toOscalCatalog(build(richDocument(), { service: "object-storage" })).catalog.groups?.[0];
    const shape = (group: OscalGroup): unknown => ({
      title: group.title,
      ...(group.controls ? { controls: group.controls.map((c) => c.title) } : {}),
      ...(group.groups ? { groups: group.groups.map(shape) } : {}),
    });
    expect(service && shape(service)).toEqual({
      title: "Object Storage",
      groups: [
        { title: "Object Storage: areas in no group", controls: ["Access keys"] },
        {
          title: "Data",
          groups: [
            { title: "Data: areas in no sub-group", controls: ["Encryption at rest"] },
            { title: "Copies", controls: ["Backups"] },
          ],
        },
        { title: "Object Storage: areas in no group", controls: ["Physical security", "Legacy protocol"] },
      ],
    });
  });

  test("metadata: version, date, content hash, parties as roles; the source and frameworks in the back matter", () => {
    const data = build(richDocument(), { version: 7 });
    const { metadata, "back-matter": backMatter } = toOscalCatalog(data).catalog;
    expect(metadata).toMatchObject({
      version: "7",
      "oscal-version": "1.2.2",
      "last-modified": data.version.publishedAt,
    });
    expect(metadata.props).toContainEqual(
      expect.objectContaining({ name: "content-hash", value: data.version.contentHash }),
    );
    expect(metadata.roles?.map((r) => [r.id, r.title])).toEqual([
      ["provider", "Acme"],
      ["customer", "Customer"],
      ["hyperscaler", "Hyperscaler"],
    ]);
    expect(toOscalSsp(data)["system-security-plan"]["import-profile"].href).toBe("acme-cloud-v7-catalog.json");
    const resources = backMatter?.resources ?? [];
    expect(resources.flatMap((r) => r.rlinks ?? []).map((l) => l.href)).toEqual(["https://acme.example/srm.pdf"]);
    const accessKeys = controls(toOscalCatalog(data).catalog.groups).find((c) => c.title === "Access keys");
    const cited = accessKeys?.links?.map((link) => [
      resources.find((r) => `#${r.uuid}` === link.href)?.title,
      link["resource-fragment"],
    ]);
    expect(cited).toEqual([
      ["CSA CCM", "IAM-02"],
      ["ISO/IEC 27001:2022", "A.5.15"],
    ]);
  });

  test("an SSP needs one area at least: a filter that matches none is refused, the catalog is still valid", () => {
    const data = build(richDocument(), { filters: { assignments: ["best-effort"], query: "" } });
    expect(() => toOscalSsp(data)).toThrow(AppError);
    expect(oscalSchemaErrors(toOscalCatalog(data))).toEqual([]);
  });
});

describe("OSCAL determinism", () => {
  test("the same version and options give byte-identical files", () => {
    const input = richDocument();
    expect(JSON.stringify(toOscalCatalog(build(input)))).toBe(JSON.stringify(toOscalCatalog(build(input))));
    expect(JSON.stringify(toOscalSsp(build(input)))).toBe(JSON.stringify(toOscalSsp(build(input))));
    const contain = containPlatform();
    expect(JSON.stringify(toOscalSsp(contain))).toBe(JSON.stringify(toOscalSsp(containPlatform())));
  });

  test("another version keeps every uuid and id but the document's own", () => {
    const input = richDocument();
    const [ssp3, ssp4] = [3, 4].map((version) => toOscalSsp(build(input, { version }))["system-security-plan"]);
    const [cat3, cat4] = [3, 4].map((version) => toOscalCatalog(build(input, { version })).catalog);
    expect(ssp4!.uuid).not.toBe(ssp3!.uuid);
    expect(cat4!.uuid).not.toBe(cat3!.uuid);
    const inner = (plan: typeof ssp3) => collect({ ...plan, uuid: null }, "uuid");
    expect(inner(ssp4!).length).toBeGreaterThan(20);
    expect(inner(ssp4!)).toEqual(inner(ssp3!));
    expect(collect(cat4, "id")).toEqual(collect(cat3, "id"));
  });

  test("service, deployment model and filters each make another document", () => {
    const input = seed("contain");
    const uuids = [
      build(input),
      build(input, { service: "platform" }),
      build(input, { service: "platform", model: "cloud-services" }),
      build(input, { service: "platform", model: "cloud-iaas" }),
      build(input, { filters: { assignments: ["provider"], query: "" } }),
      build(input, { filters: { assignments: [], query: "backup" } }),
    ].map((data) => toOscalCatalog(data).catalog.uuid);
    expect(new Set(uuids).size).toBe(uuids.length);
    expect(toOscalCatalog(build(input, { service: "platform" })).catalog.uuid).toBe(uuids[1]);
  });
});
