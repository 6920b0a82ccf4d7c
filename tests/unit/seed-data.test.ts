import { splitDutyCell } from "@/lib/domain/duty-cells";
import { slugify } from "@/lib/domain/slug";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { readSeedDoc } from "@/tests/support/seed-docs";
import { seedProviders } from "@/prisma/seed";
import { applyDeploymentModel } from "@/lib/model/deployment-model";
import { documentToServiceDetail } from "@/lib/transfer/document-to-dto";
import { providerDocumentSchema, type AreaInput, type ProviderDocumentInput } from "@/lib/validation/provider-document";

function provider(slug: string): ProviderDocumentInput {
  const found = seedProviders.find((p) => p.slug === slug);
  if (!found) throw new Error(`No seed provider "${slug}"`);
  return found;
}

/** A party's duties on a row (texts, all "must" in the seeds) and its N/A flag, from its cell. */
function side(area: AreaInput, party: "provider" | "customer") {
  const cell = area.cells.find((c) => c.party === party);
  return { duties: cell?.duties.map((d) => d.text) ?? [], notApplicable: cell?.notApplicable };
}

function service(slug: string, serviceSlug: string) {
  const found = provider(slug).services.find((s) => s.slug === serviceSlug);
  if (!found) throw new Error(`No service "${serviceSlug}" in "${slug}"`);
  return found;
}

describe("seed providers", () => {
  test("every seed provider passes the provider document schema", () => {
    for (const p of seedProviders) {
      const result = providerDocumentSchema.safeParse(p);
      expect(result.success ? [] : result.error.issues, p.slug).toEqual([]);
    }
  });

  test("area keys are unique in their list and made from the name; the ACS item on both planes has two", () => {
    for (const p of seedProviders)
      for (const [where, areas] of [
        ["cross-cutting", p.crossCuttingAreas] as const,
        ...p.services.map((s) => [s.slug, s.areas] as const),
      ]) {
        const keys = areas.map((a) => a.key);
        expect(new Set(keys).size, `${p.slug} ${where}`).toBe(keys.length);
        const own = areas.filter((a) => a.key !== slugify(a.name)).map((a) => [a.key, a.plane]);
        expect(own, `${p.slug} ${where}`).toEqual(
          where === "acs"
            ? [
                ["marketplace-security-control-plane", "control"],
                ["marketplace-security-data-plane", "data"],
              ]
            : [],
        );
      }
  });

  test("cells: provider first, then customer, then third parties; no groups, RACI or strengths in the seeds", () => {
    for (const p of seedProviders) {
      const order = p.parties.map((party) => party.key);
      expect(order.slice(0, 2), p.slug).toEqual(["provider", "customer"]);
      expect(p.crossCuttingGroups ?? [], p.slug).toEqual([]);
      for (const a of [...p.crossCuttingAreas, ...p.services.flatMap((s) => s.areas)]) {
        const parties = a.cells.map((c) => c.party);
        expect(parties, `${p.slug} ${a.key}`).toEqual(order.filter((k) => parties.includes(k)));
        expect(a.cells.some((c) => c.raci !== undefined || c.duties.some((d) => d.strength !== undefined))).toBe(false);
        // An empty cell is never stored: a party without duties has no cell unless the source says N/A.
        expect(
          a.cells.every((c) => c.duties.length > 0 || c.notApplicable === true),
          `${p.slug} ${a.key}`,
        ).toBe(true);
        expect(a.group, `${p.slug} ${a.key}`).toBeUndefined();
      }
    }
  });

  test("provider and service slugs are the fixed ones", () => {
    expect(seedProviders.map((p) => [p.slug, p.services.map((s) => s.slug)])).toEqual([
      [
        "danubedata",
        [
          "vps",
          "managed-databases",
          "cache",
          "object-storage",
          "serverless-containers",
          "static-sites",
          "managed-applications",
          "storage-share",
        ],
      ],
      ["stackit", ["edge-cloud"]],
      ["contain", ["platform"]],
      ["alibaba-cloud", ["acs"]],
      ["managed-kubernetes", ["managed-kubernetes"]],
    ]);
  });

  test("every provider cites its seed document and has provider and customer parties", () => {
    const documents = seedProviders.map((p) => p.source.document);
    expect(new Set(documents).size).toBe(5);
    for (const p of seedProviders) {
      expect(p.source.document).toMatch(/^shared\/seed-docs\/00[0-4]_[0-9a-f]{16}\.txt$/);
      // The public page the seed document was transcribed from, and when it was read.
      expect(p.source.url, p.slug).toMatch(/^https:\/\/[a-z0-9.-]+\/\S+$/);
      expect(p.source.retrieved, p.slug).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(() => readSeedDoc(path.basename(p.source.document))).not.toThrow();
      expect(p.parties.find((x) => x.key === "provider")?.role).toBe("provider");
      expect(p.parties.find((x) => x.key === "customer")).toMatchObject({ role: "customer", name: "Customer" });
    }
  });

  test("DanubeData has the service row counts, sections and cross-cutting areas of the source", () => {
    const d = provider("danubedata");
    expect(d.services.map((s) => s.areas.length)).toEqual([7, 8, 6, 6, 7, 5, 7, 6]);
    expect(d.services.map((s) => s.sourceSection)).toEqual([
      "§2.1",
      "§2.2",
      "§2.3",
      "§2.4",
      "§2.5",
      "§2.6",
      "§2.7",
      "§2.8",
    ]);
    expect(d.crossCuttingAreas).toHaveLength(6);
    expect(d.crossCuttingAreas.every((a) => a.assignment === "shared")).toBe(true);
    expect(d.compliance).toContainEqual(
      expect.objectContaining({
        kind: "basis",
        name: "CISPE Code of Conduct for Cloud Infrastructure Service Providers",
        clause: "section 5.1",
      }),
    );
    expect(d.contacts.map((c) => c.value)).toEqual([
      "https://docs.danubedata.ro",
      "security@danubedata.ro",
      "support@danubedata.ro",
      "dpo@danubedata.ro",
    ]);
  });

  test("STACKIT has the seven component rows and the four-layer stack", () => {
    const s = service("stackit", "edge-cloud");
    expect(s.areas).toHaveLength(7);
    expect(s.layers.map((l) => l.name)).toEqual([
      "STACKIT Platform",
      "STACKIT Edge Cloud",
      "STEC Instance CRDs",
      "Edge Clusters",
    ]);
    expect(s.areas.find((a) => a.name === "Talos Linux")?.assignment).toBe("best-effort");
    const talos = s.layers.flatMap((l) => l.components).find((c) => c.name === "Talos Linux");
    expect(talos).toMatchObject({ assignment: "best-effort", instances: 3 });
  });

  test("STACKIT: every box linked to a table row holds that row's assignment, or says why not", () => {
    const s = providerDocumentSchema.parse(provider("stackit")).services[0]!;
    const boxes = s.layers.flatMap((l) => [l, ...l.components]).filter((b) => b.area !== undefined);
    expect(boxes.map((b) => [b.key, b.area])).toEqual([
      ["edge-cloud", "stackit-edge-cloud"],
      ["instance-crds", "stec-instance-crds"],
      ["edge-clusters", "edge-clusters"],
      ["talos-linux", "talos-linux"],
      ["edgehostlet", "edgehostlet"],
    ]);
    for (const box of boxes) {
      const row = s.areas.find((a) => a.key === box.area)!;
      if (box.assignment !== row.assignment) expect(box.areaInterpretation, box.key).toBeTruthy();
    }
    // The figure's key has green, blue, yellow and the EdgeHostLet diamond: EdgeHostLet is drawn as
    // that diamond on Talos Linux, so no box is shared (purple).
    const drawn = s.layers.flatMap((l) => [l, ...l.components.filter((c) => c.markerOn === undefined)]);
    expect(new Set(drawn.map((b) => b.assignment))).toEqual(new Set(["provider", "customer", "best-effort"]));
    const edgeHostLet = s.layers.flatMap((l) => l.components).find((c) => c.key === "edgehostlet");
    expect(edgeHostLet).toMatchObject({ markerOn: "talos-linux", assignment: "shared", area: "edgehostlet" });
  });

  test("Contain has three layers, eight deployment models and the hyperscaler party", () => {
    const c = provider("contain");
    expect(c.parties).toContainEqual(expect.objectContaining({ key: "hyperscaler", role: "third-party" }));
    const s = service("contain", "platform");
    expect(s.layers.map((l) => l.key)).toEqual(["infrastructure", "platform", "application"]);
    expect(s.deploymentModels).toHaveLength(8);
    expect(s.areas.map((a) => a.name)).toEqual([
      "Underlying Infrastructure",
      "Kubernetes Control Plane",
      "Worker Nodes",
      "Core Components",
      "Platform Security",
      "Guardrails",
      "Managed Services",
      "Application Code & Images",
      "Application Configuration",
      "Application Security",
      "Data",
      "Resource Management",
      "Application Observability",
    ]);
    for (const layer of s.layers)
      for (const component of layer.components) expect(component.interpretation, component.key).toBeTruthy();
    const areaKeys = s.areas.map((a) => a.key);
    for (const model of s.deploymentModels) {
      expect(model.interpretation, model.key).toBeTruthy();
      for (const a of model.assignments) expect(a.interpretation, model.key).toBeTruthy();
      // Areas are named by key.
      for (const a of model.assignments) if (a.area !== undefined) expect(areaKeys, model.key).toContain(a.area);
    }
    expect(new Set(s.deploymentModels.flatMap((m) => m.assignments.flatMap((a) => a.area ?? [])))).toEqual(
      new Set(["underlying-infrastructure", "kubernetes-control-plane"]),
    );
  });

  test("Contain: the figure's boxes agree with the bullets, and the models say only what the source allows", () => {
    const c = providerDocumentSchema.parse(provider("contain"));
    const s = c.services[0]!;
    const box = (key: string) => s.layers.flatMap((l) => l.components).find((x) => x.key === key)!;
    const row = (key: string) => s.areas.find((a) => a.key === key)!;
    // App Security is the customer's, like the "Application Security" row.
    expect(box("app-security")).toMatchObject({ assignment: "customer", area: "application-security" });
    expect(row("application-security").assignment).toBe("customer");
    // Data Ownership (customer) against the shared "Data" row: the difference is explained.
    expect(box("data-ownership")).toMatchObject({ assignment: "customer", area: "data" });
    expect(row("data").assignment).toBe("shared");
    expect(box("data-ownership").areaInterpretation).toBeTruthy();
    // Infrastructure has no default owner: every top-level model assigns it.
    for (const key of ["servers", "networking", "storage"]) expect(box(key).assignment, key).toBeNull();
    // Only the models the source gives something to read are ours; the others are marked open.
    expect(s.deploymentModels.filter((m) => m.open).map((m) => m.key)).toEqual([
      "customer-iaas",
      "air-gapped",
      "cloud-iaas",
      "contain-iaas",
    ]);
    for (const m of s.deploymentModels.filter((m) => m.open)) expect(m.assignments, m.key).toEqual([]);
    // No hyperscaler in the customer's (or Contain's) datacenters: Security is Customer + Contain there.
    const dto = documentToServiceDetail(c, "platform")!;
    const security = (model: string | null) =>
      applyDeploymentModel(dto, model)
        .layers.flatMap((l) => l.components)
        .find((x) => x.key === "security")!;
    for (const model of ["customer-datacenters", "air-gapped", "customer-iaas", "contain-datacenters", "contain-iaas"])
      expect(security(model).parties, model).toEqual(["customer", "provider"]);
    for (const model of ["public-cloud", "cloud-services", "cloud-iaas"])
      expect(security(model).parties, model).toContain("hyperscaler");
    // The default view does not give the infrastructure to anyone: it varies by model.
    const servers = applyDeploymentModel(dto, null).layers[0]!.components[0]!;
    expect(servers).toMatchObject({ key: "servers", assignment: null, variesByModel: true });
    expect(applyDeploymentModel(dto, "contain-iaas").layers[0]!.components[0]).toMatchObject({
      assignment: "provider",
    });
  });

  test("ACS has control plane and data plane items", () => {
    const planes = new Set(service("alibaba-cloud", "acs").areas.map((a) => a.plane));
    expect(planes).toEqual(new Set(["control", "data"]));
  });

  test("the managed Kubernetes reference names the four compliance frameworks", () => {
    const frameworks = provider("managed-kubernetes")
      .compliance.filter((c) => c.kind === "framework")
      .map((c) => c.name);
    expect(frameworks).toEqual(expect.arrayContaining(["GDPR", "HIPAA", "PCI DSS", "SOC 2"]));
  });
});

describe("transcription against the source text", () => {
  test("every DanubeData table row matches the source cells exactly", () => {
    const text = readSeedDoc("004_827cda325b6e9bfa.txt");
    // Table rows per heading: "2.1 …" … "2.8 …" and "3. …".
    const tables = new Map<string, string[][]>();
    let current: string[][] | null = null;
    for (const line of text.split("\n")) {
      const heading = /^(2\.\d|3\.) /.exec(line);
      if (heading?.[1]) {
        current = [];
        tables.set(heading[1], current);
        continue;
      }
      if (/^\d\. /.test(line)) current = null;
      if (!current || !line.startsWith("| ") || line.startsWith("|---")) continue;
      const cells = line
        .slice(2, line.endsWith(" |") ? -2 : undefined)
        .split(" | ")
        .map((c) => c.trim());
      if (cells[0] === "Responsibility Area" || cells[0] === "Area") continue;
      expect(cells, line).toHaveLength(3);
      current.push(cells);
    }

    const d = provider("danubedata");
    const expected: [string, AreaInput[]][] = [
      ...d.services.map((s, i): [string, AreaInput[]] => [`2.${i + 1}`, s.areas]),
      ["3.", d.crossCuttingAreas],
    ];
    expect([...tables.keys()]).toEqual(expected.map(([k]) => k));

    const checkSide = (cell: string, { duties, notApplicable }: ReturnType<typeof side>, where: string) => {
      if (cell === "N/A") {
        expect(duties, where).toEqual([]);
        expect(notApplicable, where).toBe(true);
      } else {
        expect(duties.join(", "), where).toBe(cell);
        expect(duties, where).toEqual(splitDutyCell(cell));
        expect(notApplicable ?? false, where).toBe(false);
      }
    };
    let rows = 0;
    for (const [key, areas] of expected) {
      const table = tables.get(key) ?? [];
      expect(
        areas.map((a) => a.name),
        key,
      ).toEqual(table.map(([name]) => name));
      table.forEach(([name = "", providerCell = "", customerCell = ""], i) => {
        const a = areas[i];
        if (!a) throw new Error(`${key}: missing row ${name}`);
        checkSide(providerCell, side(a, "provider"), `${key} ${name} (DanubeData)`);
        checkSide(customerCell, side(a, "customer"), `${key} ${name} (Customer)`);
        expect(
          a.cells.map((c) => c.party),
          `${key} ${name}`,
        ).toEqual(["provider", "customer"]);
        const expectedAssignment =
          providerCell !== "N/A" && customerCell !== "N/A"
            ? "shared"
            : providerCell !== "N/A"
              ? "provider"
              : "customer";
        expect(a.assignment, `${key} ${name}`).toBe(expectedAssignment);
        rows++;
      });
    }
    expect(rows).toBe(7 + 8 + 6 + 6 + 7 + 5 + 7 + 6 + 6);
  });

  test("every STACKIT component row matches the flattened source table", () => {
    const text = readSeedDoc("002_f12fdbf47cd227cc.txt");
    const lines = text.split("\n");
    const start = lines.findIndex((l) => l.startsWith("ComponentSTACKIT responsibilities"));
    expect(start).toBeGreaterThan(-1);
    // Row lines are unindented; their bullets ("  • …") follow. A trailing "-" is an empty STACKIT cell.
    const rows: { name: string; providerEmpty: boolean; bullets: string[] }[] = [];
    for (const line of lines.slice(start + 1)) {
      if (!line.trim()) continue;
      const bullet = /^\s+•\s+(.*)$/.exec(line);
      if (bullet?.[1]) {
        const row = rows.at(-1);
        if (!row) throw new Error(`Bullet before any row: ${line}`);
        row.bullets.push(bullet[1].trim());
      } else {
        const providerEmpty = line.endsWith("-");
        rows.push({ name: providerEmpty ? line.slice(0, -1).trim() : line.trim(), providerEmpty, bullets: [] });
      }
    }

    const areas = service("stackit", "edge-cloud").areas;
    expect(areas.map((a) => a.name)).toEqual(rows.map((r) => r.name));
    // Hand-checked split point: how many of each row's bullets are STACKIT's (the flattened text lists them first).
    const providerCounts = [3, 1, 1, 2, 0, 0, 1];
    rows.forEach((row, i) => {
      const a = areas[i];
      if (!a) throw new Error(`Missing row ${row.name}`);
      const provider = side(a, "provider");
      const customer = side(a, "customer");
      expect([...provider.duties, ...customer.duties], row.name).toEqual(row.bullets);
      expect(provider.duties.length, row.name).toBe(providerCounts[i]);
      expect(
        provider.duties.every((d) => /^(Provide|Fix) /.test(d)),
        row.name,
      ).toBe(true);
      expect(
        customer.duties.some((d) => /^(Provide|Fix) /.test(d)),
        row.name,
      ).toBe(false);
      if (row.providerEmpty) expect(provider.duties, row.name).toEqual([]);
      // "-" is an empty list (no cell at all), never N/A.
      if (row.providerEmpty)
        expect(
          a.cells.map((c) => c.party),
          row.name,
        ).not.toContain("provider");
      expect(provider.notApplicable ?? false, row.name).toBe(false);
      expect(customer.notApplicable ?? false, row.name).toBe(false);
    });
  });
});
