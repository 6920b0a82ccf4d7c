import { describe, expect, test } from "vitest";
import { hasLintErrors, lintProviderDocument, type LintIssue } from "@/lib/domain/lint";
import { providerDocumentSchema, type ProviderDocument } from "@/lib/validation/provider-document";
import { seedProviders } from "@/prisma/seed";

type Area = ProviderDocument["crossCuttingAreas"][number];
type Service = ProviderDocument["services"][number];

const area = (name: string, extra: Partial<Area> = {}): Area => ({
  name,
  assignment: "shared",
  providerDuties: [`Run ${name}`],
  customerDuties: [`Use ${name}`],
  ...extra,
});

const service = (slug: string, areas: Area[], extra: Partial<Service> = {}): Service => ({
  slug,
  name: `Service ${slug.toUpperCase()}`,
  category: "PaaS",
  summary: "A service.",
  areas,
  layers: [],
  deploymentModels: [],
  ...extra,
});

/** Deliberately not parsed: lint must cope with documents the schema would refuse. */
function doc(services: Service[], extra: Partial<ProviderDocument> = {}): ProviderDocument {
  return {
    slug: "acme",
    name: "Acme",
    summary: "A provider.",
    brandColor: "#123456",
    source: { title: "Acme model", document: "acme.txt" },
    parties: [
      { key: "provider", name: "Acme", role: "provider" },
      { key: "customer", name: "Customer", role: "customer" },
      { key: "hyperscaler", name: "Hyperscaler", role: "third-party" },
    ],
    compliance: [],
    contacts: [],
    sections: [],
    crossCuttingAreas: [],
    services,
    ...extra,
  };
}

const lintAreas = (...areas: Area[]) => lintProviderDocument(doc([service("a", areas)]));
const brief = (issues: LintIssue[]) => issues.map((i) => `${i.severity} ${i.rule} ${i.path.join(".")}`);

describe("lint: clean documents", () => {
  test("a plain document has no issues", () => {
    const issues = lintAreas(area("Network"), area("Data", { assignment: "customer", providerDuties: [] }));
    expect(issues).toEqual([]);
    expect(hasLintErrors(issues)).toBe(false);
  });

  test("hasLintErrors ignores warnings", () => {
    const warning: LintIssue = { severity: "warning", rule: "missing-sibling-area", message: "m", path: [] };
    expect(hasLintErrors([warning])).toBe(false);
    expect(hasLintErrors([warning, { ...warning, severity: "error" }])).toBe(true);
  });
});

describe("lint: unassigned-area", () => {
  test("an area whose assignment names no party is an error", () => {
    const issues = lintAreas(area("Support", { assignment: "provider", parties: [] }));
    expect(issues).toEqual([
      {
        severity: "error",
        rule: "unassigned-area",
        message: 'Area "Support" in service "Service A" is "provider" but names no responsible party',
        path: ["services", 0, "areas", 0],
        service: "a",
        area: "Support",
      },
    ]);
  });

  test("third-party with no third party defined names nobody (no double report as a mismatch)", () => {
    const d = doc([service("a", [area("Racks", { assignment: "third-party" })])]);
    d.parties = d.parties.filter((p) => p.role !== "third-party");
    expect(brief(lintProviderDocument(d))).toEqual(["error unassigned-area services.0.areas.0"]);
  });

  test("an area with no duties on either side is an error, naming service and area", () => {
    const issues = lintAreas(area("Backups", { assignment: "provider", providerDuties: [], customerDuties: [] }));
    expect(brief(issues)).toEqual(["error unassigned-area services.0.areas.0"]);
    expect(issues[0]?.message).toMatch(/^Area "Backups" in service "Service A" is "provider" but lists no duties/);
  });

  test("with a note or interpretation explaining it, an area without duties is only a warning", () => {
    const empty: Partial<Area> = { assignment: "provider", providerDuties: [], customerDuties: [] };
    const issues = lintAreas(
      area("Backups", { ...empty, notes: "The source lost the description." }),
      area("Racks", { ...empty, interpretation: "Read from the figure." }),
    );
    expect(brief(issues)).toEqual([
      "warning area-without-duties services.0.areas.0",
      "warning area-without-duties services.0.areas.1",
    ]);
  });

  test('"n/a" areas need neither parties nor duties', () => {
    expect(lintAreas(area("Hardware", { assignment: "n/a", providerDuties: [], customerDuties: [] }))).toEqual([]);
  });

  test("cross-cutting areas are checked too", () => {
    const issues = lintProviderDocument(
      doc([], {
        crossCuttingAreas: [area("Audit", { assignment: "customer", providerDuties: [], customerDuties: [] })],
      }),
    );
    expect(issues).toEqual([
      expect.objectContaining({ rule: "unassigned-area", path: ["crossCuttingAreas", 0], area: "Audit" }),
    ]);
    expect(issues[0]).not.toHaveProperty("service");
    expect(issues[0]?.message).toMatch(/^Cross-cutting area "Audit"/);
  });
});

describe("lint: shared-one-side-empty", () => {
  test("a shared area with one side empty is a warning on that side", () => {
    const issues = lintAreas(area("Patching", { customerDuties: [] }));
    expect(issues).toEqual([
      {
        severity: "warning",
        rule: "shared-one-side-empty",
        message: 'Area "Patching" in service "Service A" is shared but the customer side lists no duties',
        path: ["services", 0, "areas", 0, "customerDuties"],
        service: "a",
        area: "Patching",
      },
    ]);
  });

  test("not when the empty side is marked N/A", () => {
    expect(lintAreas(area("Patching", { providerDuties: [], providerNotApplicable: true }))).toEqual([]);
  });

  test("not when the empty side's party does not share the area", () => {
    expect(lintAreas(area("Racks", { parties: ["customer", "hyperscaler"], providerDuties: [] }))).toEqual([]);
  });

  test("not for areas that are not shared", () => {
    expect(lintAreas(area("Patching", { assignment: "provider", customerDuties: [] }))).toEqual([]);
  });
});

describe("lint: na-with-duties", () => {
  test("a side marked N/A that lists duties is an error", () => {
    const issues = lintAreas(area("Keys", { customerNotApplicable: true }));
    expect(issues).toEqual([
      {
        severity: "error",
        rule: "na-with-duties",
        message: 'Area "Keys" in service "Service A": the customer side is marked N/A but lists 1 duty',
        path: ["services", 0, "areas", 0, "customerDuties"],
        service: "a",
        area: "Keys",
      },
    ]);
  });

  test("a side marked N/A with no duties is fine", () => {
    expect(
      lintAreas(area("Keys", { assignment: "provider", customerDuties: [], customerNotApplicable: true })),
    ).toEqual([]);
  });
});

describe("lint: duplicate-area-name", () => {
  test("the same name twice in a service (case and spaces ignored) is an error on the repeat", () => {
    const issues = lintAreas(area("Backups"), area("Network"), area("  backups "));
    expect(issues).toEqual([
      {
        severity: "error",
        rule: "duplicate-area-name",
        message: 'Area "  backups " in service "Service A" appears twice: row 3 repeats the name of row 1',
        path: ["services", 0, "areas", 2, "name"],
        service: "a",
        area: "  backups ",
      },
    ]);
  });

  test("names that differ by plane are not duplicates", () => {
    expect(lintAreas(area("Charts", { plane: "control" }), area("Charts", { plane: "data" }))).toEqual([]);
    expect(brief(lintAreas(area("Charts", { plane: "data" }), area("charts", { plane: "data" })))).toEqual([
      "error duplicate-area-name services.0.areas.1.name",
    ]);
  });

  test("the same name in two services is fine; twice in the cross-cutting list is not", () => {
    expect(lintProviderDocument(doc([service("a", [area("Data")]), service("b", [area("Data")])]))).toEqual([]);
    const issues = lintProviderDocument(doc([], { crossCuttingAreas: [area("Encryption"), area("ENCRYPTION")] }));
    expect(brief(issues)).toEqual(["error duplicate-area-name crossCuttingAreas.1.name"]);
  });
});

describe("lint: missing-sibling-area", () => {
  test("a service lacking an area most of its siblings have gets a warning", () => {
    const d = doc([
      service("a", [area("Network"), area("Backups & Snapshots")]),
      service("b", [area("Network"), area("backups and snapshots")]),
      service("c", [area("Network")]),
      service("d", [area("Network"), area("Backups & Snapshots")]),
    ]);
    expect(lintProviderDocument(d)).toEqual([
      {
        severity: "warning",
        rule: "missing-sibling-area",
        message: `Service "Service C" has no area "Backups & Snapshots", which 3 of the provider's 3 other services have`,
        path: ["services", 2, "areas"],
        service: "c",
        area: "Backups & Snapshots",
      },
    ]);
  });

  test("half of the other services is enough, but never fewer than two", () => {
    const half = doc([
      service("a", [area("Network"), area("Backups")]),
      service("b", [area("Network"), area("Backups")]),
      service("c", [area("Network")]),
      service("d", [area("Network")]),
      service("e", [area("Network")]),
    ]);
    // Each of c, d, e: 2 of its 4 siblings have Backups. a and b: 1 of 4 lacks nothing.
    expect(lintProviderDocument(half).map((i) => i.service)).toEqual(["c", "d", "e"]);

    const one = doc([
      service("a", [area("Network"), area("Backups")]),
      service("b", [area("Network")]),
      service("c", [area("Network")]),
    ]);
    // b and c: only one sibling (a) has Backups.
    expect(lintProviderDocument(one)).toEqual([]);
  });

  test("providers with fewer than three services are not compared", () => {
    const d = doc([service("a", [area("Network"), area("Backups")]), service("b", [area("Network")])]);
    expect(lintProviderDocument(d)).toEqual([]);
  });
});

describe("lint: components and parties", () => {
  const layered = (components: Service["layers"][number]["components"], extra: Partial<Service> = {}) =>
    doc([service("a", [area("Network")], { layers: [{ key: "base", name: "Base", components }], ...extra })]);

  test("a component with no assignment is an error", () => {
    const issues = lintProviderDocument(
      layered([
        { key: "vm", name: "VM", assignment: "provider" },
        { key: "os", name: "OS", assignment: null },
      ]),
    );
    expect(issues).toEqual([
      {
        severity: "error",
        rule: "unassigned-component",
        message: 'Component "OS" in layer "Base" of service "Service A" has no assignment',
        path: ["services", 0, "layers", 0, "components", 1, "assignment"],
        service: "a",
      },
    ]);
  });

  test("parties that do not fit the assignment are an error, wherever they are", () => {
    const d = layered([{ key: "vm", name: "VM", assignment: "customer", parties: ["provider"] }], {
      areas: [
        area("Network", { assignment: "provider", parties: ["customer"] }),
        area("Data", { parties: ["customer"] }),
      ],
      deploymentModels: [
        {
          key: "cloud",
          name: "Cloud",
          assignments: [{ component: "base/vm", assignment: "third-party", parties: ["provider"] }],
        },
      ],
    });
    d.services[0]!.layers[0]!.parties = ["customer"];
    expect(lintProviderDocument(d).map((i) => [i.rule, i.path.join("."), i.message])).toEqual([
      [
        "assignment-parties-mismatch",
        "services.0.areas.0.parties",
        'Area "Network" in service "Service A" is "provider" but "provider" must name the provider party only',
      ],
      [
        "assignment-parties-mismatch",
        "services.0.areas.1.parties",
        'Area "Data" in service "Service A" is "shared" but "shared" must name at least two parties',
      ],
      [
        "assignment-parties-mismatch",
        "services.0.layers.0.parties",
        'Layer "Base" in service "Service A" names parties but has no assignment',
      ],
      [
        "assignment-parties-mismatch",
        "services.0.layers.0.components.0.parties",
        'Component "VM" in layer "Base" of service "Service A" is "customer" but "customer" must name the customer party only',
      ],
      [
        "assignment-parties-mismatch",
        "services.0.deploymentModels.0.assignments.0.parties",
        'Deployment model "Cloud" of service "Service A", for component "base/vm", is "third-party" but "third-party" must name third parties only',
      ],
    ]);
  });

  test("omitted parties take the default for the assignment; unknown keys are caught", () => {
    expect(lintProviderDocument(layered([{ key: "vm", name: "VM", assignment: "shared" }]))).toEqual([]);
    expect(brief(lintAreas(area("Network", { parties: ["provider", "nobody"] })))).toEqual([
      "error assignment-parties-mismatch services.0.areas.0.parties",
    ]);
  });
});

describe("lint: seed documents", () => {
  const linted = seedProviders.map((p) => ({
    slug: p.slug,
    issues: lintProviderDocument(providerDocumentSchema.parse(p)),
  }));

  test.each(linted)("$slug has no lint errors", ({ issues }) => {
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  test("the seed warnings are exactly the known ones", () => {
    // DanubeData's VPS, Object Storage, Serverless Containers and Static Sites have no Backups row and
    // Static Sites no Physical Infrastructure row in the source; ACS lost four item descriptions.
    expect(
      linted.flatMap(({ slug, issues }) => issues.map((i) => `${slug} ${i.rule} ${i.service ?? "-"} ${i.area ?? "-"}`)),
    ).toEqual([
      "danubedata missing-sibling-area vps Backups",
      "danubedata missing-sibling-area object-storage Backups",
      "danubedata missing-sibling-area serverless-containers Backups",
      "danubedata missing-sibling-area static-sites Physical Infrastructure",
      "danubedata missing-sibling-area static-sites Backups",
      "alibaba-cloud area-without-duties acs Infrastructure security",
      "alibaba-cloud area-without-duties acs Security of elastic computing resource pools",
      "alibaba-cloud area-without-duties acs Application security",
      "alibaba-cloud area-without-duties acs Security of non-hosted components and charts in the marketplace",
    ]);
  });
});
