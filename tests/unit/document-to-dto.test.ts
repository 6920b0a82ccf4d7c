import { describe, expect, test } from "vitest";
import { documentToProviderDetail, documentToServiceDetail } from "@/lib/transfer/document-to-dto";
import { providerDetailDto, serviceDetailDto } from "@/lib/validation/api";
import { providerDocumentSchema, type ProviderDocument } from "@/lib/validation/provider-document";
import { seedProviders } from "@/prisma/seed";

const seed = (slug: string): ProviderDocument =>
  providerDocumentSchema.parse(seedProviders.find((p) => p.slug === slug));

const split = (
  counts: Partial<Record<"provider" | "customer" | "shared" | "best-effort" | "third-party" | "n/a", number>>,
) => ({
  provider: 0,
  customer: 0,
  shared: 0,
  "best-effort": 0,
  "third-party": 0,
  "n/a": 0,
  ...counts,
});

describe("documentToProviderDetail", () => {
  test.each(seedProviders.map((p) => p.slug))("%s gives a valid provider DTO, services in document order", (slug) => {
    const doc = seed(slug);
    const dto = documentToProviderDetail(doc);
    expect(providerDetailDto.parse(dto)).toEqual(dto);
    expect(dto.services.map((s) => s.slug)).toEqual(doc.services.map((s) => s.slug));
    expect(dto.serviceCount).toBe(doc.services.length);
    for (const s of dto.services) expect(Object.values(s.split).reduce((a, b) => a + b, 0)).toBe(s.areaCount);
  });

  test("DanubeData: counts, source, parties, contacts, compliance and cross-cutting areas", () => {
    const dto = documentToProviderDetail(seed("danubedata"));
    expect(dto).toMatchObject({
      slug: "danubedata",
      name: "DanubeData",
      brandColor: "#0b5fa5",
      serviceCount: 8,
      // 6 cross-cutting + 7 + 8 + 6 + 6 + 7 + 5 + 7 + 6 service areas.
      areaCount: 58,
      source: {
        title: "DanubeData — Shared Responsibility Model",
        document: "shared/seed-docs/004_827cda325b6e9bfa.txt",
        url: "https://danubedata.ro/shared-responsibility",
        retrieved: "2026-11-22",
      },
      parties: [
        { key: "provider", name: "DanubeData", role: "provider", description: null },
        { key: "customer", name: "Customer", role: "customer", description: null },
      ],
    });
    expect(dto.compliance).toEqual([
      {
        kind: "basis",
        name: "CISPE Code of Conduct for Cloud Infrastructure Service Providers",
        clause: "section 5.1",
        notes: "The document states the model is established in accordance with this section.",
      },
      {
        kind: "framework",
        name: "GDPR",
        clause: null,
        notes: "Cross-cutting Compliance area: DanubeData acts as data processor, the customer as data controller.",
      },
    ]);
    expect(dto.contacts.map((c) => [c.kind, c.value])).toEqual([
      ["url", "https://docs.danubedata.ro"],
      ["email", "security@danubedata.ro"],
      ["email", "support@danubedata.ro"],
      ["email", "dpo@danubedata.ro"],
    ]);
    expect(dto.sections.map((s) => s.slug)).toEqual(["of-and-in-the-cloud"]);
    expect(dto.crossCuttingAreas.map((a) => [a.position, a.name, a.assignment, a.parties, a.caiq.ownership])).toEqual([
      [0, "Identity & Access Management", "shared", ["customer", "provider"], "Shared CSP and CSC"],
      [1, "Encryption", "shared", ["customer", "provider"], "Shared CSP and CSC"],
      [2, "Logging & Monitoring", "shared", ["customer", "provider"], "Shared CSP and CSC"],
      [3, "Compliance", "shared", ["customer", "provider"], "Shared CSP and CSC"],
      [4, "Backup & Recovery", "shared", ["customer", "provider"], "Shared CSP and CSC"],
      [5, "Network Security", "shared", ["customer", "provider"], "Shared CSP and CSC"],
    ]);
    expect(dto.crossCuttingAreas.every((a) => a.layer === null && a.plane === null && a.notes === null)).toBe(true);
    expect(dto.crossCuttingAreas.map((a) => a.key)).toEqual([
      "identity-access-management",
      "encryption",
      "logging-monitoring",
      "compliance",
      "backup-recovery",
      "network-security",
    ]);
    expect(dto.crossCuttingGroups).toEqual([]);
    expect(dto.services[0]).toEqual({
      slug: "vps",
      name: "Virtual Private Servers (VPS)",
      category: "IaaS",
      summary: expect.stringMatching(/^KubeVirt-based virtual machines\./),
      sourceSection: "§2.1",
      areaCount: 7,
      split: split({ provider: 2, shared: 3, customer: 2 }),
      deploymentModelCount: 0,
    });
    expect(dto.deploymentModels).toEqual([]);
  });

  test("Contain: the provider lists every deployment model with its group", () => {
    const dto = documentToProviderDetail(seed("contain"));
    expect(dto.deploymentModels).toEqual([
      { service: "platform", key: "customer-datacenters", name: "Customer Datacenters", group: null },
      { service: "platform", key: "public-cloud", name: "Public Cloud", group: null },
      { service: "platform", key: "contain-datacenters", name: "Contain Datacenters", group: null },
      { service: "platform", key: "customer-iaas", name: "Customer IaaS", group: "customer-datacenters" },
      { service: "platform", key: "air-gapped", name: "Air-Gapped", group: "customer-datacenters" },
      { service: "platform", key: "cloud-services", name: "Cloud Services", group: "public-cloud" },
      { service: "platform", key: "cloud-iaas", name: "Cloud IaaS", group: "public-cloud" },
      { service: "platform", key: "contain-iaas", name: "Contain IaaS", group: "contain-datacenters" },
    ]);
    expect(dto.services).toEqual([
      expect.objectContaining({
        slug: "platform",
        areaCount: 13,
        split: split({ provider: 7, customer: 5, shared: 1 }),
        deploymentModelCount: 8,
      }),
    ]);
    expect(dto.parties[2]).toEqual({
      key: "hyperscaler",
      name: "Hyperscaler",
      role: "third-party",
      description: "Public cloud provider whose infrastructure (and possibly managed services) the platform runs on.",
    });
  });

  test("private documents are shown like any other: the DTO carries no isPrivate", () => {
    const dto = documentToProviderDetail({ ...seed("stackit"), isPrivate: true });
    expect(dto).not.toHaveProperty("isPrivate");
  });
});

describe("documentToServiceDetail", () => {
  test("an unknown service is null", () => {
    expect(documentToServiceDetail(seed("stackit"), "vps")).toBeNull();
  });

  test.each(seedProviders.flatMap((p) => p.services.map((s) => [p.slug, s.slug] as const)))(
    "%s/%s gives a valid service DTO agreeing with the provider DTO",
    (slug, serviceSlug) => {
      const doc = seed(slug);
      const dto = documentToServiceDetail(doc, serviceSlug);
      expect(dto).not.toBeNull();
      expect(serviceDetailDto.parse(dto)).toEqual(dto);
      const provider = documentToProviderDetail(doc);
      const summary = provider.services.find((s) => s.slug === serviceSlug);
      expect(dto?.areas).toHaveLength(summary?.areaCount ?? -1);
      expect(dto?.deploymentModels).toHaveLength(summary?.deploymentModelCount ?? -1);
      expect(dto?.parties).toEqual(provider.parties);
      expect(dto?.areas.map((a) => a.position)).toEqual(dto?.areas.map((_, i) => i));
    },
  );

  test("DanubeData VPS: seven areas in order, N/A sides, default parties and CAIQ", () => {
    const dto = documentToServiceDetail(seed("danubedata"), "vps")!;
    expect(dto.provider).toEqual({
      slug: "danubedata",
      name: "DanubeData",
      brandColor: "#0b5fa5",
      source: {
        title: "DanubeData — Shared Responsibility Model",
        document: "shared/seed-docs/004_827cda325b6e9bfa.txt",
        url: "https://danubedata.ro/shared-responsibility",
        retrieved: "2026-11-22",
      },
    });
    expect(dto).toMatchObject({
      slug: "vps",
      category: "IaaS",
      sourceSection: "§2.1",
      layers: [],
      deploymentModels: [],
    });
    const notApplicable = (a: (typeof dto.areas)[number], party: string) =>
      a.cells.find((c) => c.party === party)?.notApplicable ?? false;
    expect(
      dto.areas.map((a) => [
        a.key,
        a.name,
        a.assignment,
        a.parties,
        notApplicable(a, "provider"),
        notApplicable(a, "customer"),
        a.caiq.ownership,
      ]),
    ).toEqual([
      ["physical-infrastructure", "Physical Infrastructure", "provider", ["provider"], false, true, "CSP-owned"],
      ["hypervisor-host-os", "Hypervisor & Host OS", "provider", ["provider"], false, true, "CSP-owned"],
      [
        "network-infrastructure",
        "Network Infrastructure",
        "shared",
        ["customer", "provider"],
        false,
        false,
        "Shared CSP and CSC",
      ],
      ["guest-operating-system", "Guest Operating System", "customer", ["customer"], true, false, "CSC-owned"],
      ["applications-data", "Applications & Data", "customer", ["customer"], true, false, "CSC-owned"],
      [
        "backups-snapshots",
        "Backups & Snapshots",
        "shared",
        ["customer", "provider"],
        false,
        false,
        "Shared CSP and CSC",
      ],
      [
        "access-management",
        "Access Management",
        "shared",
        ["customer", "provider"],
        false,
        false,
        "Shared CSP and CSC",
      ],
    ]);
    expect(dto.areas[0]).toEqual({
      key: "physical-infrastructure",
      name: "Physical Infrastructure",
      position: 0,
      group: null,
      assignment: "provider",
      parties: ["provider"],
      raciAssignment: null,
      assignmentReason: null,
      caiq: { ownership: "CSP-owned", exact: true },
      cells: [
        {
          party: "provider",
          duties: [
            { text: "Data center security", strength: "must" },
            { text: "power", strength: "must" },
            { text: "cooling", strength: "must" },
            { text: "hardware procurement and maintenance", strength: "must" },
          ],
          notApplicable: false,
          raci: null,
        },
        { party: "customer", duties: [], notApplicable: true, raci: null },
      ],
      references: [],
      notes: null,
      interpretation: null,
      layer: null,
      plane: null,
    });
    expect(dto.groups).toEqual([]);
  });

  test("cells come in party order with strengths, RACI letters and the assignment they imply; groups and references are kept", () => {
    const doc = seed("contain");
    const platform = doc.services.find((s) => s.slug === "platform")!;
    platform.groups = [
      { key: "operations", title: "Operations", number: "2" },
      { key: "day-2", title: "Day 2", parent: "operations", description: "After go-live." },
    ];
    const data = platform.areas.find((a) => a.key === "data")!;
    data.group = "day-2";
    data.references = [{ framework: "CSA CCM", control: "DSP-01" }];
    data.assignmentReason = "The customer owns the data; the provider keeps the services running.";
    data.cells = [
      { party: "hyperscaler", duties: [{ text: "Replicate volumes", strength: "may" }], raci: "I" },
      { party: "customer", duties: [{ text: "Own the application data" }], raci: "RA" },
      { party: "provider", duties: [{ text: "Keep the services running", strength: "should" }], raci: "R" },
    ];
    const dto = documentToServiceDetail(doc, "platform")!;
    expect(serviceDetailDto.parse(dto)).toEqual(dto);
    expect(dto.groups).toEqual([
      { key: "operations", title: "Operations", number: "2", description: null, parent: null },
      { key: "day-2", title: "Day 2", number: null, description: "After go-live.", parent: "operations" },
    ]);
    const area = dto.areas.find((a) => a.key === "data")!;
    expect(area).toMatchObject({
      group: "day-2",
      assignment: "shared",
      parties: ["customer", "provider"],
      raciAssignment: { assignment: "shared", parties: ["provider", "customer"] },
      assignmentReason: "The customer owns the data; the provider keeps the services running.",
      references: [{ framework: "CSA CCM", control: "DSP-01" }],
    });
    expect(area.cells).toEqual([
      {
        party: "provider",
        duties: [{ text: "Keep the services running", strength: "should" }],
        notApplicable: false,
        raci: "R",
      },
      {
        party: "customer",
        duties: [{ text: "Own the application data", strength: "must" }],
        notApplicable: false,
        raci: "RA",
      },
      {
        party: "hyperscaler",
        duties: [{ text: "Replicate volumes", strength: "may" }],
        notApplicable: false,
        raci: "I",
      },
    ]);
    // Rows without letters imply nothing.
    expect(dto.areas.filter((a) => a.key !== "data").every((a) => a.raciAssignment === null)).toBe(true);
  });

  test("STACKIT: layers bottom first, with components, instances and area layers", () => {
    const dto = documentToServiceDetail(seed("stackit"), "edge-cloud")!;
    expect(dto.layers.map((l) => [l.position, l.key, l.assignment, l.parties, l.components.map((c) => c.key)])).toEqual(
      [
        [0, "stackit-platform", "provider", ["provider"], []],
        [1, "edge-cloud", "provider", ["provider"], ["instance-api", "instance-components", "supporting-services"]],
        [2, "instance-crds", "customer", ["customer"], ["edge-host", "edge-image", "edge-cluster"]],
        [3, "edge-clusters", "customer", ["customer"], ["talos-linux", "edgehostlet"]],
      ],
    );
    expect(dto.layers[0]).toMatchObject({ description: "Base layer of the figure.", interpretation: null });
    expect(dto.layers[1]?.description).toBeNull();
    expect(dto.layers[1]?.components[0]).toEqual({
      key: "instance-api",
      name: "Instance API",
      description: null,
      assignment: "provider",
      parties: ["provider"],
      instances: 1,
      interpretation: null,
      area: null,
      areaInterpretation: null,
      markerOn: null,
    });
    // Talos Linux is drawn once per Edge Cluster; EdgeHostLet is the diamond on it, not a box of its own.
    expect(
      dto.layers[3]?.components.map((c) => [c.key, c.assignment, c.parties, c.instances, c.area, c.markerOn]),
    ).toEqual([
      ["talos-linux", "best-effort", ["provider"], 3, "talos-linux", null],
      ["edgehostlet", "shared", ["customer", "provider"], 1, "edgehostlet", "talos-linux"],
    ]);
    expect(dto.layers.map((l) => [l.key, l.area, l.areaInterpretation !== null])).toEqual([
      ["stackit-platform", null, false],
      ["edge-cloud", "stackit-edge-cloud", true],
      ["instance-crds", "stec-instance-crds", true],
      ["edge-clusters", "edge-clusters", true],
    ]);
    expect(dto.areas.map((a) => [a.name, a.layer])).toEqual([
      ["STACKIT Edge Cloud", "edge-cloud"],
      ["STEC instance CRDs", "instance-crds"],
      ["Edge clusters", "edge-clusters"],
      ["Talos Linux", "edge-clusters"],
      ["Hardware", null],
      ["Workloads", null],
      ["EdgeHostLet", "edge-clusters"],
    ]);
    expect(dto.areas[3]?.caiq).toEqual({
      ownership: "Shared CSP and CSC",
      exact: false,
      note: "The provider's part is best effort only; the customer remains accountable.",
    });
  });

  test("Contain: a layer without assignment, explicit parties and per-model assignments", () => {
    const dto = documentToServiceDetail(seed("contain"), "platform")!;
    expect(dto.layers[0]).toMatchObject({ key: "infrastructure", assignment: null, parties: [] });
    const security = dto.layers[1]?.components.find((c) => c.key === "security");
    // The hyperscaler joins only on a public cloud (its model adds it).
    expect(security?.parties).toEqual(["customer", "provider"]);
    // Infrastructure, plus Security with the hyperscaler on a public cloud; the variants the source
    // leaves open repeat nothing and say so.
    expect(dto.deploymentModels.map((m) => [m.key, m.group, m.assignments.length, m.open])).toEqual([
      ["customer-datacenters", null, 4, false],
      ["public-cloud", null, 5, false],
      ["contain-datacenters", null, 4, false],
      ["customer-iaas", "customer-datacenters", 0, true],
      ["air-gapped", "customer-datacenters", 0, true],
      ["cloud-services", "public-cloud", 2, false],
      ["cloud-iaas", "public-cloud", 0, true],
      ["contain-iaas", "contain-datacenters", 0, true],
    ]);
    const cloudServices = dto.deploymentModels[5]!;
    expect(cloudServices.description).toBe(
      "On a hyperscaler's managed services, including its managed Kubernetes control plane.",
    );
    expect(cloudServices.assignments.map((a) => [a.component, a.area, a.assignment, a.parties])).toEqual([
      ["platform/control-plane", null, "third-party", ["hyperscaler"]],
      [null, "kubernetes-control-plane", "third-party", ["hyperscaler"]],
    ]);
    // Every area an assignment names is one of the service's areas, by key.
    const keys = new Set(dto.areas.map((a) => a.key));
    for (const m of dto.deploymentModels)
      for (const a of m.assignments) if (a.area !== null) expect(keys.has(a.area), `${m.key} ${a.area}`).toBe(true);
    // Default parties for models without explicit ones: Contain Datacenters is the provider's.
    expect(dto.deploymentModels[2]?.assignments[0]).toMatchObject({ assignment: "provider", parties: ["provider"] });
    expect(dto.areas.find((a) => a.name === "Kubernetes Control Plane")).toMatchObject({
      layer: "platform",
      plane: "control",
    });
  });

  test("ACS: two areas of one name on different planes, interpretations and notes kept", () => {
    const dto = documentToServiceDetail(seed("alibaba-cloud"), "acs")!;
    expect(dto.areas.map((a) => [a.position, a.plane, a.assignment])).toEqual([
      [0, "control", "provider"],
      [1, "control", "provider"],
      [2, "control", "provider"],
      [3, "control", "provider"],
      [4, "data", "customer"],
      [5, "data", "customer"],
      [6, "data", "customer"],
      [7, "data", "customer"],
    ]);
    // The item on both planes has one name and two keys.
    expect(dto.areas.filter((a) => a.name === dto.areas[3]?.name).map((a) => [a.key, a.plane])).toEqual([
      ["marketplace-security-control-plane", "control"],
      ["marketplace-security-data-plane", "data"],
    ]);
    expect(dto.areas[2]?.interpretation).toMatch(/^The source's one-sentence description/);
    expect(dto.areas[0]?.notes).toMatch(/^The source text carries no description/);
    expect(dto.parties[1]?.description).toBe('A customer of ACS (the source calls the ACS console "the platform").');
  });
});
