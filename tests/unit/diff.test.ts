import { describe, expect, test } from "vitest";
import { diffProviderDocuments, type ProviderDiff } from "@/lib/domain/diff";
import { providerDocumentSchema, type ProviderDocument } from "@/lib/validation/provider-document";
import { seedProviders } from "@/prisma/seed";

const seed = (slug: string): ProviderDocument =>
  providerDocumentSchema.parse(seedProviders.find((p) => p.slug === slug));

/** A copy of `doc` changed by `edit`. */
function edited(doc: ProviderDocument, edit: (d: ProviderDocument) => void): ProviderDocument {
  const copy = structuredClone(doc);
  edit(copy);
  return copy;
}

const service = (d: ProviderDocument, slug: string) => {
  const found = d.services.find((s) => s.slug === slug);
  if (!found) throw new Error(`No service ${slug}`);
  return found;
};

const emptyCollection = { added: [], removed: [], changed: [], moved: [] };

describe("diffProviderDocuments", () => {
  test.each(seedProviders.map((p) => p.slug))("%s against itself is empty", (slug) => {
    const doc = seed(slug);
    const diff = diffProviderDocuments(doc, structuredClone(doc));
    expect(diff).toEqual<ProviderDiff>({
      provider: [],
      parties: emptyCollection,
      sections: emptyCollection,
      contacts: emptyCollection,
      compliance: emptyCollection,
      crossCuttingAreas: emptyCollection,
      services: emptyCollection,
      summary: { added: 0, removed: 0, changed: 0, moved: 0 },
      isEmpty: true,
    });
  });

  test("values are compared as the pages show them: defaults equal their explicit form", () => {
    const before = seed("contain");
    const after = edited(before, (d) => {
      const s = service(d, "platform");
      for (const a of s.areas) {
        a.parties ??= a.assignment === "provider" ? ["provider"] : a.assignment === "customer" ? ["customer"] : [];
        if (a.assignment === "shared") a.parties = ["provider", "customer"]; // same set, other order
        a.providerNotApplicable ??= false;
      }
      for (const c of s.layers.flatMap((l) => l.components)) c.instances ??= 1;
      d.isPrivate = false;
    });
    expect(diffProviderDocuments(before, after).isEmpty).toBe(true);
  });

  test("one duty added", () => {
    const before = seed("danubedata");
    const after = edited(before, (d) => service(d, "vps").areas[1]!.customerDuties.push("Rotate SSH keys"));
    const diff = diffProviderDocuments(before, after);
    const vps = service(before, "vps");
    const areaName = vps.areas[1]!.name;
    expect(diff.services.changed).toEqual([
      {
        key: "vps",
        label: vps.name,
        position: 0,
        fields: [],
        areas: {
          added: [],
          removed: [],
          moved: [],
          changed: [
            {
              key: areaName,
              label: areaName,
              plane: null,
              position: 1,
              fields: [
                {
                  field: "customerDuties",
                  before: vps.areas[1]!.customerDuties,
                  after: [...vps.areas[1]!.customerDuties, "Rotate SSH keys"],
                  added: ["Rotate SSH keys"],
                  removed: [],
                },
              ],
            },
          ],
        },
        layers: emptyCollection,
        components: emptyCollection,
        deploymentModels: emptyCollection,
      },
    ]);
    expect(diff.summary).toEqual({ added: 0, removed: 0, changed: 1, moved: 0 });
    expect(diff.isEmpty).toBe(false);
  });

  test("duties added and removed on one side keep their order; a pure reordering is flagged", () => {
    const before = seed("danubedata");
    const after = edited(before, (d) => {
      const [iam, encryption] = d.crossCuttingAreas;
      iam!.providerDuties = ["Audit trail", ...iam!.providerDuties.filter((x) => x !== "API token system"), "SCIM"];
      encryption!.customerDuties.reverse();
    });
    const changed = diffProviderDocuments(before, after).crossCuttingAreas.changed;
    expect(
      changed.map((c) => [
        c.key,
        c.fields.map(({ field, added, removed, reordered }) => ({ field, added, removed, reordered })),
      ]),
    ).toEqual([
      [
        "Identity & Access Management",
        [
          {
            field: "providerDuties",
            added: ["Audit trail", "SCIM"],
            removed: ["API token system"],
            reordered: undefined,
          },
        ],
      ],
      ["Encryption", [{ field: "customerDuties", added: [], removed: [], reordered: true }]],
    ]);
  });

  test("assignment changed, with its parties, N/A flag, notes, layer and plane", () => {
    const before = seed("contain");
    const after = edited(before, (d) => {
      const area = service(d, "platform").areas.find((a) => a.name === "Data")!;
      area.assignment = "customer";
      area.providerDuties = [];
      area.providerNotApplicable = true;
      delete area.notes;
      area.layer = "platform";
      area.plane = "data";
    });
    const [change] = diffProviderDocuments(before, after).services.changed[0]!.areas.changed;
    const was = service(before, "platform").areas.find((a) => a.name === "Data")!;
    expect(change?.fields).toEqual([
      { field: "assignment", before: "shared", after: "customer" },
      { field: "parties", before: ["customer", "provider"], after: ["customer"], added: [], removed: ["provider"] },
      { field: "providerDuties", before: was.providerDuties, after: [], added: [], removed: was.providerDuties },
      { field: "providerNotApplicable", before: false, after: true },
      { field: "notes", before: was.notes, after: null },
      { field: "layer", before: "application", after: "platform" },
      { field: "plane", before: null, after: "data" },
    ]);
  });

  test("a renamed area is removed and added", () => {
    const before = seed("managed-kubernetes");
    const after = edited(before, (d) => (d.services[0]!.areas[4]!.name = "Access control"));
    const diff = diffProviderDocuments(before, after);
    expect(diff.services.changed[0]?.areas).toEqual({
      added: [{ key: "Access control", label: "Access control", plane: null, position: 4 }],
      removed: [{ key: "Access controls", label: "Access controls", plane: null, position: 4 }],
      changed: [],
      moved: [],
    });
    expect(diff.summary).toEqual({ added: 1, removed: 1, changed: 0, moved: 0 });
  });

  test("areas of one name are told apart by plane; a changed plane is a change, not a rename", () => {
    const before = seed("alibaba-cloud");
    const name = "Security of non-hosted components and charts in the marketplace";
    const edit = edited(before, (d) => {
      const areas = d.services[0]!.areas;
      areas.find((a) => a.name === name && a.plane === "data")!.customerDuties = ["Vet charts"];
    });
    expect(
      diffProviderDocuments(before, edit).services.changed[0]?.areas.changed.map((c) => [c.key, c.plane, c.position]),
    ).toEqual([[name, "data", 7]]);

    const replaned = edited(before, (d) => (d.services[0]!.areas[0]!.plane = "data"));
    const areas = diffProviderDocuments(before, replaned).services.changed[0]!.areas;
    expect(areas.added).toEqual([]);
    expect(areas.changed.map((c) => c.fields)).toEqual([[{ field: "plane", before: "control", after: "data" }]]);
  });

  test("service added and removed", () => {
    const before = seed("danubedata");
    const after = edited(before, (d) => {
      const [cache] = d.services.splice(2, 1);
      d.services.push({ ...cache!, slug: "queues", name: "Queues" });
    });
    const diff = diffProviderDocuments(before, after);
    expect(diff.services).toEqual({
      added: [{ key: "queues", label: "Queues", position: 7 }],
      removed: [{ key: "cache", label: service(before, "cache").name, position: 2 }],
      changed: [],
      moved: [],
    });
    // A whole service counts once, not per area.
    expect(diff.summary).toEqual({ added: 1, removed: 1, changed: 0, moved: 0 });
  });

  test("reordering is reported as the fewest moves, not as changes", () => {
    const before = seed("danubedata");
    const after = edited(before, (d) => {
      // Move "storage-share" (last) to the front; swap the first two cross-cutting areas.
      d.services.unshift(d.services.pop()!);
      const [first, second] = d.crossCuttingAreas;
      d.crossCuttingAreas[0] = second!;
      d.crossCuttingAreas[1] = first!;
    });
    const diff = diffProviderDocuments(before, after);
    expect(diff.services.moved).toEqual([
      { key: "storage-share", label: service(before, "storage-share").name, position: 0, from: 7 },
    ]);
    expect(diff.services.changed).toEqual([]);
    expect(diff.crossCuttingAreas.moved.map((m) => [m.key, m.from, m.position])).toEqual([
      ["Identity & Access Management", 0, 1],
    ]);
    expect(diff.crossCuttingAreas.changed).toEqual([]);
    expect(diff.summary).toEqual({ added: 0, removed: 0, changed: 0, moved: 2 });
    expect(diff.isEmpty).toBe(false);
  });

  test("a shift caused by an insertion is not a move", () => {
    const before = seed("managed-kubernetes");
    const after = edited(before, (d) =>
      d.services[0]!.areas.unshift({
        name: "Billing",
        assignment: "customer",
        providerDuties: [],
        customerDuties: ["Pay"],
      }),
    );
    const areas = diffProviderDocuments(before, after).services.changed[0]!.areas;
    expect(areas.added.map((a) => [a.key, a.position])).toEqual([["Billing", 0]]);
    expect(areas.moved).toEqual([]);
    expect(areas.changed).toEqual([]);
  });

  test("provider fields and parties, sections, contacts and compliance", () => {
    const before = seed("danubedata");
    const after = edited(before, (d) => {
      d.name = "DanubeData SRL";
      d.brandColor = "#000000";
      d.isPrivate = true;
      d.source.url = "https://danubedata.ro/srm";
      d.parties.push({ key: "auditor", name: "Auditor", role: "third-party" });
      d.parties[1]!.description = "Whoever signs the contract.";
      d.sections[0]!.body += "\n\nMore.";
      d.sections.push({ slug: "faq", title: "FAQ", body: "None yet." });
      d.contacts = d.contacts.filter((c) => c.value !== "dpo@danubedata.ro");
      d.compliance[1]!.clause = "Art. 28";
    });
    const diff = diffProviderDocuments(before, after);
    expect(diff.provider).toEqual([
      { field: "name", before: "DanubeData", after: "DanubeData SRL" },
      { field: "brandColor", before: "#0b5fa5", after: "#000000" },
      { field: "isPrivate", before: false, after: true },
      { field: "source.url", before: null, after: "https://danubedata.ro/srm" },
    ]);
    expect(diff.parties.added).toEqual([{ key: "auditor", label: "Auditor", position: 2 }]);
    expect(diff.parties.changed).toEqual([
      {
        key: "customer",
        label: "Customer",
        position: 1,
        fields: [{ field: "description", before: null, after: "Whoever signs the contract." }],
      },
    ]);
    expect(diff.sections.added.map((s) => s.key)).toEqual(["faq"]);
    expect(diff.sections.changed.map((s) => [s.key, s.fields.map((f) => f.field)])).toEqual([
      ["of-and-in-the-cloud", ["body"]],
    ]);
    expect(diff.contacts.removed).toEqual([
      { key: "dpo@danubedata.ro", label: "Data Protection Officer (dpo@danubedata.ro)", position: 3 },
    ]);
    expect(diff.compliance.changed).toEqual([
      { key: "GDPR", label: "GDPR", position: 1, fields: [{ field: "clause", before: null, after: "Art. 28" }] },
    ]);
    expect(diff.summary).toEqual({ added: 2, removed: 1, changed: 4, moved: 0 });
  });

  test("layers, components and deployment models at a coarser level", () => {
    const before = seed("contain");
    const after = edited(before, (d) => {
      const s = service(d, "platform");
      const platform = s.layers[1]!;
      platform.assignment = "shared";
      platform.parties = ["provider", "hyperscaler"];
      platform.components[0]!.assignment = "third-party";
      platform.components[0]!.parties = ["hyperscaler"];
      s.layers[2]!.components.pop();
      s.deploymentModels[0]!.assignments[0]!.assignment = "provider";
      s.deploymentModels.splice(4, 1); // air-gapped
    });
    const change = diffProviderDocuments(before, after).services.changed[0]!;
    expect(change.layers.changed).toEqual([
      {
        key: "platform",
        label: "Platform",
        position: 1,
        fields: [
          { field: "assignment", before: "provider", after: "shared" },
          {
            field: "parties",
            before: ["provider"],
            after: ["hyperscaler", "provider"],
            added: ["hyperscaler"],
            removed: [],
          },
        ],
      },
    ]);
    expect(
      change.components.changed.map((c) => [c.key, c.label, c.fields.map((f) => [f.field, f.before, f.after])]),
    ).toEqual([
      [
        "platform/control-plane",
        "Platform › Control Plane",
        [
          ["assignment", "provider", "third-party"],
          ["parties", ["provider"], ["hyperscaler"]],
        ],
      ],
    ]);
    expect(change.components.removed).toEqual([
      { key: "application/deployment", label: "Application › Deployment", position: 16 },
    ]);
    expect(change.deploymentModels.removed.map((m) => m.key)).toEqual(["air-gapped"]);
    const [model] = change.deploymentModels.changed;
    expect(model?.key).toBe("customer-datacenters");
    expect(
      model?.fields.map((f) => [
        f.field,
        f.added?.map((l) => l.split(" — ")[0]),
        f.removed?.map((l) => l.split(" — ")[0]),
      ]),
    ).toEqual([
      [
        "assignments",
        ["component infrastructure/servers: provider (provider)"],
        ["component infrastructure/servers: customer (customer)"],
      ],
    ]);
  });
});
