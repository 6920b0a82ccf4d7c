import { describe, expect, test } from "vitest";
import { diffProviderDocuments, type ProviderDiff } from "@/lib/model/diff";
import { dutyToLine } from "@/lib/domain/duty-lines";
import { providerDocumentSchema, type ProviderDocument } from "@/lib/validation/provider-document";
import { seedProviders } from "@/prisma/seed";
import { makeArea } from "../factories/provider-document";

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

type Area = ProviderDocument["crossCuttingAreas"][number];

/** The party's cell on the row (it must have one). */
const cellOf = (area: Area, party: string) => {
  const found = area.cells.find((c) => c.party === party);
  if (!found) throw new Error(`No ${party} cell in ${area.name}`);
  return found;
};

/** The party's duties as the diff shows them, one line each. */
const lines = (area: Area, party: string) => (area.cells.find((c) => c.party === party)?.duties ?? []).map(dutyToLine);

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
      crossCuttingGroups: emptyCollection,
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
        a.references ??= [];
        for (const c of a.cells) c.notApplicable ??= false;
      }
      for (const c of s.layers.flatMap((l) => l.components)) c.instances ??= 1;
      d.isPrivate = false;
    });
    expect(diffProviderDocuments(before, after).isEmpty).toBe(true);
  });

  test("one duty added", () => {
    const before = seed("danubedata");
    const after = edited(before, (d) =>
      cellOf(service(d, "vps").areas[2]!, "customer").duties.push({ text: "Rotate SSH keys" }),
    );
    const diff = diffProviderDocuments(before, after);
    const vps = service(before, "vps");
    const area = vps.areas[2]!;
    expect(diff.services.changed).toEqual([
      {
        key: "vps",
        label: vps.name,
        position: 0,
        fields: [],
        groups: emptyCollection,
        areas: {
          added: [],
          removed: [],
          moved: [],
          changed: [
            {
              key: "network-infrastructure",
              label: "Network Infrastructure",
              plane: null,
              position: 2,
              fields: [
                {
                  field: "duties:customer",
                  before: lines(area, "customer"),
                  after: [...lines(area, "customer"), "Rotate SSH keys"],
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
      const provider = cellOf(iam!, "provider");
      provider.duties = [
        { text: "Audit trail" },
        ...provider.duties.filter((x) => x.text !== "API token system"),
        { text: "SCIM" },
      ];
      cellOf(encryption!, "customer").duties.reverse();
    });
    const changed = diffProviderDocuments(before, after).crossCuttingAreas.changed;
    expect(
      changed.map((c) => [
        c.key,
        c.fields.map(({ field, added, removed, reordered }) => ({ field, added, removed, reordered })),
      ]),
    ).toEqual([
      [
        "identity-access-management",
        [
          {
            field: "duties:provider",
            added: ["Audit trail", "SCIM"],
            removed: ["API token system"],
            reordered: undefined,
          },
        ],
      ],
      ["encryption", [{ field: "duties:customer", added: [], removed: [], reordered: true }]],
    ]);
  });

  test("assignment changed, with its parties, N/A flag, notes, layer and plane", () => {
    const before = seed("contain");
    const after = edited(before, (d) => {
      const area = service(d, "platform").areas.find((a) => a.name === "Data")!;
      area.assignment = "customer";
      const provider = cellOf(area, "provider");
      provider.duties = [];
      provider.notApplicable = true;
      delete area.notes;
      area.layer = "platform";
      area.plane = "data";
    });
    const [change] = diffProviderDocuments(before, after).services.changed[0]!.areas.changed;
    const was = service(before, "platform").areas.find((a) => a.name === "Data")!;
    expect(change?.fields).toEqual([
      { field: "assignment", before: "shared", after: "customer" },
      { field: "parties", before: ["customer", "provider"], after: ["customer"], added: [], removed: ["provider"] },
      {
        field: "duties:provider",
        before: lines(was, "provider"),
        after: [],
        added: [],
        removed: lines(was, "provider"),
      },
      { field: "notApplicable:provider", before: false, after: true },
      { field: "notes", before: was.notes, after: null },
      { field: "layer", before: "application", after: "platform" },
      { field: "plane", before: null, after: "data" },
    ]);
  });

  test("a renamed area keeps its key: the name is a changed field", () => {
    const before = seed("managed-kubernetes");
    const after = edited(before, (d) => (d.services[0]!.areas[4]!.name = "Access control"));
    const diff = diffProviderDocuments(before, after);
    expect(diff.services.changed[0]?.areas).toEqual({
      added: [],
      removed: [],
      changed: [
        {
          key: "access-controls",
          label: "Access control",
          plane: null,
          position: 4,
          fields: [{ field: "name", before: "Access controls", after: "Access control" }],
        },
      ],
      moved: [],
    });
    expect(diff.summary).toEqual({ added: 0, removed: 0, changed: 1, moved: 0 });
  });

  test("an area with a new key and a new name is removed and added", () => {
    const before = seed("managed-kubernetes");
    const after = edited(before, (d) => {
      const area = d.services[0]!.areas[4]!;
      area.key = "access-control";
      area.name = "Access control";
    });
    const diff = diffProviderDocuments(before, after);
    expect(diff.services.changed[0]?.areas).toEqual({
      added: [{ key: "access-control", label: "Access control", plane: null, position: 4 }],
      removed: [{ key: "access-controls", label: "Access controls", plane: null, position: 4 }],
      changed: [],
      moved: [],
    });
    expect(diff.summary).toEqual({ added: 1, removed: 1, changed: 0, moved: 0 });
  });

  test("areas are paired by key first: two areas that swap names are two renames, not a move", () => {
    const before = seed("danubedata");
    const after = edited(before, (d) => {
      const [iam, encryption] = d.crossCuttingAreas;
      [iam!.name, encryption!.name] = [encryption!.name, iam!.name];
    });
    const diff = diffProviderDocuments(before, after).crossCuttingAreas;
    expect(diff.moved).toEqual([]);
    expect(diff.changed.map((c) => [c.key, c.label, c.fields.map((f) => [f.field, f.before, f.after])])).toEqual([
      ["identity-access-management", "Encryption", [["name", "Identity & Access Management", "Encryption"]]],
      ["encryption", "Identity & Access Management", [["name", "Encryption", "Identity & Access Management"]]],
    ]);
  });

  test("an area whose key changed is still paired by its name and plane", () => {
    const before = seed("danubedata");
    const after = edited(before, (d) => {
      const backups = d.crossCuttingAreas[4]!;
      backups.key = "backups";
      cellOf(backups, "customer").duties.push({ text: "Offsite copies" });
    });
    const diff = diffProviderDocuments(before, after).crossCuttingAreas;
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed.map((c) => [c.key, c.label, c.fields.map((f) => [f.field, f.added])])).toEqual([
      [
        "backups",
        "Backup & Recovery",
        [
          ["key", undefined],
          ["duties:customer", ["Offsite copies"]],
        ],
      ],
    ]);
  });

  test("a duty's strength, RACI letters, a group, references, a reason and a third party's cell are fields", () => {
    const before = seed("contain");
    const after = edited(before, (d) => {
      const area = service(d, "platform").areas.find((a) => a.key === "data")!;
      cellOf(area, "provider").duties[0]!.strength = "should";
      cellOf(area, "customer").raci = "RA";
      area.cells.push({ party: "hyperscaler", duties: [{ text: "Replicate volumes", strength: "may" }] });
      area.group = "application";
      area.assignmentReason = "The figure puts data with the customer.";
      area.references = [{ framework: "CSA CCM", control: "DSP-01" }];
    });
    const [change] = diffProviderDocuments(before, after).services.changed[0]!.areas.changed;
    const was = service(before, "platform").areas.find((a) => a.key === "data")!;
    const [firstDuty, ...otherDuties] = lines(was, "provider");
    expect(change?.key).toBe("data");
    expect(change?.fields).toEqual([
      { field: "group", before: null, after: "application" },
      { field: "assignmentReason", before: null, after: "The figure puts data with the customer." },
      {
        field: "duties:provider",
        before: lines(was, "provider"),
        after: [`Should: ${firstDuty}`, ...otherDuties],
        added: [`Should: ${firstDuty}`],
        removed: [firstDuty],
      },
      { field: "raci:customer", before: null, after: "RA" },
      {
        field: "duties:hyperscaler",
        before: [],
        after: ["May: Replicate volumes"],
        added: ["May: Replicate volumes"],
        removed: [],
      },
      { field: "references", before: [], after: ["CSA CCM DSP-01"], added: ["CSA CCM DSP-01"], removed: [] },
    ]);
  });

  test("areas of one name are told apart by plane; a changed plane is a change, not a rename", () => {
    const before = seed("alibaba-cloud");
    const name = "Security of non-hosted components and charts in the marketplace";
    const edit = edited(before, (d) => {
      const areas = d.services[0]!.areas;
      const area = areas.find((a) => a.name === name && a.plane === "data")!;
      area.cells = [{ party: "customer", duties: [{ text: "Vet charts" }] }];
    });
    expect(
      diffProviderDocuments(before, edit).services.changed[0]?.areas.changed.map((c) => [
        c.key,
        c.label,
        c.plane,
        c.position,
      ]),
    ).toEqual([["marketplace-security-data-plane", name, "data", 7]]);

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
      ["identity-access-management", 0, 1],
    ]);
    expect(diff.crossCuttingAreas.changed).toEqual([]);
    expect(diff.summary).toEqual({ added: 0, removed: 0, changed: 0, moved: 2 });
    expect(diff.isEmpty).toBe(false);
  });

  test("a shift caused by an insertion is not a move", () => {
    const before = seed("managed-kubernetes");
    const after = edited(before, (d) => d.services[0]!.areas.unshift(makeArea("Billing", { customer: ["Pay"] })));
    const areas = diffProviderDocuments(before, after).services.changed[0]!.areas;
    expect(areas.added.map((a) => [a.key, a.label, a.position])).toEqual([["billing", "Billing", 0]]);
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
      {
        field: "source.url",
        before: "https://danubedata.ro/shared-responsibility",
        after: "https://danubedata.ro/srm",
      },
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

describe("groups and keys are part of the diff", () => {
  test("a group's title, number, description and parent changes are reported; added and removed groups too", () => {
    const before = seed("danubedata");
    const after = structuredClone(before);
    before.services[0]!.groups = [
      { key: "operate", title: "Operate" },
      { key: "backups", title: "Backups", parent: "operate" },
    ];
    after.services[0]!.groups = [
      { key: "operate", title: "Operate the service", number: "2" },
      { key: "restore", title: "Restore", parent: "operate" },
    ];
    const change = diffProviderDocuments(before, after).services.changed[0]!;
    expect(change.groups.changed).toEqual([
      expect.objectContaining({
        key: "operate",
        fields: [
          { field: "title", before: "Operate", after: "Operate the service" },
          { field: "number", before: null, after: "2" },
        ],
      }),
    ]);
    expect(change.groups.added.map((g) => g.key)).toEqual(["restore"]);
    expect(change.groups.removed.map((g) => g.key)).toEqual(["backups"]);
  });

  test("cross-cutting groups are compared too, and a new key for the same row is a change", () => {
    const before = seed("danubedata");
    const after = structuredClone(before);
    after.crossCuttingGroups = [{ key: "security", title: "Security" }];
    after.crossCuttingAreas[0]!.key = "renamed-key";
    const diff = diffProviderDocuments(before, after);
    expect(diff.crossCuttingGroups.added.map((g) => g.key)).toEqual(["security"]);
    expect(diff.crossCuttingAreas.changed[0]!.fields).toContainEqual(
      expect.objectContaining({ field: "key", after: "renamed-key" }),
    );
    expect(diff.isEmpty).toBe(false);
  });
});
