import { describe, expect, test } from "vitest";
import { hasLintErrors, lintProviderDocument, type LintIssue, type LintRule } from "@/lib/model/lint";
import { providerDocumentSchema } from "@/lib/validation/provider-document";
import { seedProviders } from "@/prisma/seed";
import {
  area,
  brief,
  cell,
  lintDocument,
  service,
  type Area,
  type Cell,
  type Service,
} from "../factories/lint-document";

const doc = lintDocument;

const lintAreas = (...areas: Area[]) => lintProviderDocument(doc([service("a", areas)]));

describe("lint: clean documents", () => {
  test("a plain document has no issues", () => {
    const issues = lintAreas(
      area("Network"),
      area("Data", { assignment: "customer", cells: [cell("customer", "Own it")] }),
    );
    expect(issues).toEqual([]);
    expect(hasLintErrors(issues)).toBe(false);
  });

  test("hasLintErrors ignores warnings", () => {
    const warning: LintIssue = { severity: "warning", rule: "area-without-duties", message: "m", path: [] };
    expect(hasLintErrors([warning])).toBe(false);
    expect(hasLintErrors([warning, { ...warning, severity: "error" }])).toBe(true);
  });
});

describe("lint: unassigned-area", () => {
  test("an area whose assignment names no party is an error", () => {
    const issues = lintAreas(area("Support", { assignment: "provider", parties: [], cells: [] }));
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

  test("naming nobody while parties list duties is also a contradiction", () => {
    expect(brief(lintAreas(area("Support", { assignment: "provider", parties: [] })))).toEqual([
      "error assignment-contradicts-cells services.0.areas.0.assignment",
      "error unassigned-area services.0.areas.0",
    ]);
  });

  test("third-party with no third party defined names nobody (no double report as a mismatch)", () => {
    const d = doc([service("a", [area("Racks", { assignment: "third-party", cells: [] })])]);
    d.parties = d.parties.filter((p) => p.role !== "third-party");
    expect(brief(lintProviderDocument(d))).toEqual(["error unassigned-area services.0.areas.0"]);
  });

  test("an area where no party lists a duty is an error, naming service and area", () => {
    const issues = lintAreas(
      area("Backups", { assignment: "provider", cells: [cell("provider"), cell("customer")] }),
      area("Racks", { assignment: "provider", cells: [] }),
    );
    expect(brief(issues)).toEqual([
      "error unassigned-area services.0.areas.0",
      "error unassigned-area services.0.areas.1",
    ]);
    expect(issues[0]?.message).toMatch(/^Area "Backups" in service "Service A" is "provider" but lists no duties/);
  });

  test("excluded duties are not duties anyone has to do", () => {
    const excluded: Cell = { party: "provider", duties: [{ text: "Back up data", strength: "excluded" }] };
    expect(brief(lintAreas(area("Backups", { assignment: "provider", cells: [excluded] })))).toEqual([
      "error unassigned-area services.0.areas.0",
    ]);
  });

  test("with a note or interpretation explaining it, an area without duties is only a warning", () => {
    const empty: Partial<Area> = { assignment: "provider", cells: [] };
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
    expect(lintAreas(area("Hardware", { assignment: "n/a", cells: [] }))).toEqual([]);
  });

  test("a RACI row needs no duties", () => {
    const cells: Cell[] = [
      { party: "provider", duties: [], raci: "RA" },
      { party: "customer", duties: [], raci: "I" },
    ];
    expect(lintAreas(area("Patch hosts", { assignment: "provider", cells }))).toEqual([]);
  });

  test("cross-cutting areas are checked too", () => {
    const issues = lintProviderDocument(
      doc([], { crossCuttingAreas: [area("Audit", { assignment: "customer", cells: [] })] }),
    );
    expect(issues).toEqual([
      expect.objectContaining({ rule: "unassigned-area", path: ["crossCuttingAreas", 0], area: "Audit" }),
    ]);
    expect(issues[0]).not.toHaveProperty("service");
    expect(issues[0]?.message).toMatch(/^Cross-cutting area "Audit"/);
  });
});

describe("lint: shared-party-without-duties", () => {
  test("a shared area where one of its parties lists nothing is a warning on the cells", () => {
    const issues = lintAreas(area("Patching", { cells: [cell("provider", "Patch hosts")] }));
    expect(issues).toEqual([
      {
        severity: "warning",
        rule: "shared-party-without-duties",
        message: 'Area "Patching" in service "Service A" is shared, but Customer lists no duties',
        path: ["services", 0, "areas", 0, "cells"],
        service: "a",
        area: "Patching",
      },
    ]);
  });

  test("an empty cell or only excluded duties count as nothing", () => {
    const excluded: Cell = { party: "customer", duties: [{ text: "Patch hosts", strength: "excluded" }] };
    expect(brief(lintAreas(area("Patching", { cells: [cell("provider", "Patch hosts"), cell("customer")] })))).toEqual([
      "warning shared-party-without-duties services.0.areas.0.cells",
    ]);
    expect(brief(lintAreas(area("Patching", { cells: [cell("provider", "Patch hosts"), excluded] })))).toEqual([
      "warning shared-party-without-duties services.0.areas.0.cells",
    ]);
  });

  test("not when the empty party's cell is marked N/A", () => {
    const na: Cell = { party: "provider", duties: [], notApplicable: true };
    expect(lintAreas(area("Patching", { cells: [na, cell("customer", "Patch apps")] }))).toEqual([]);
  });

  test("not when the empty party does not share the area", () => {
    const cells = [cell("customer", "Rent racks"), cell("hyperscaler", "Run racks")];
    expect(lintAreas(area("Racks", { parties: ["customer", "hyperscaler"], cells }))).toEqual([]);
  });

  test("not for areas that are not shared", () => {
    expect(lintAreas(area("Patching", { assignment: "provider", cells: [cell("provider", "Patch hosts")] }))).toEqual(
      [],
    );
  });
});

describe("lint: na-with-duties", () => {
  test("a party marked N/A that lists duties is an error", () => {
    const issues = lintAreas(
      area("Keys", { cells: [cell("provider", "Run KMS"), { ...cell("customer", "Rotate"), notApplicable: true }] }),
    );
    expect(issues).toEqual([
      {
        severity: "error",
        rule: "na-with-duties",
        message: 'Area "Keys" in service "Service A": Customer is marked N/A but lists 1 duty',
        path: ["services", 0, "areas", 0, "cells", 1, "duties"],
        service: "a",
        area: "Keys",
      },
    ]);
  });

  test("a party marked N/A with no duties is fine", () => {
    const cells: Cell[] = [cell("provider", "Run KMS"), { party: "customer", duties: [], notApplicable: true }];
    expect(lintAreas(area("Keys", { assignment: "provider", cells }))).toEqual([]);
  });
});

describe("lint: duplicate-area-name", () => {
  test("the same name twice in a service (case and spaces ignored) is an error on the repeat", () => {
    const issues = lintAreas(area("Backups"), area("Network"), area("  backups ", { key: "backups-2" }));
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
    expect(lintAreas(area("Charts", { plane: "control" }), area("Charts", { key: "charts-2", plane: "data" }))).toEqual(
      [],
    );
    expect(
      brief(lintAreas(area("Charts", { plane: "data" }), area("charts", { key: "charts-2", plane: "data" }))),
    ).toEqual(["error duplicate-area-name services.0.areas.1.name"]);
  });

  test("the same name in two services is fine; twice in the cross-cutting list is not", () => {
    expect(lintProviderDocument(doc([service("a", [area("Data")]), service("b", [area("Data")])]))).toEqual([]);
    const issues = lintProviderDocument(
      doc([], { crossCuttingAreas: [area("Encryption"), area("ENCRYPTION", { key: "encryption-2" })] }),
    );
    expect(brief(issues)).toEqual(["error duplicate-area-name crossCuttingAreas.1.name"]);
  });
});

describe("lint: missing-sibling-area is gone", () => {
  test("a service lacking an area its siblings have is not reported", () => {
    const d = doc([
      service("a", [area("Network"), area("Backups & Snapshots")]),
      service("b", [area("Network"), area("backups and snapshots")]),
      service("c", [area("Network")]),
      service("d", [area("Network"), area("Backups & Snapshots")]),
    ]);
    expect(lintProviderDocument(d)).toEqual([]);
  });

  test("it is not a rule any more, and no seed provider gets it", () => {
    // @ts-expect-error -- "missing-sibling-area" is no longer a LintRule
    const removed: LintRule = "missing-sibling-area";
    const rules = seedProviders.flatMap((p) =>
      lintProviderDocument(providerDocumentSchema.parse(p)).map((i) => i.rule),
    );
    expect(rules).not.toContain(removed);
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
        message:
          'Component "OS" in layer "Base" of service "Service A" has no assignment (leave it empty only when every deployment model assigns it)',
        path: ["services", 0, "layers", 0, "components", 1, "assignment"],
        service: "a",
      },
    ]);
  });

  test("parties that do not fit the assignment are an error, wherever they are", () => {
    const d = layered([{ key: "vm", name: "VM", assignment: "customer", parties: ["provider"] }], {
      areas: [
        area("Network", { assignment: "provider", parties: ["customer"], cells: [cell("customer", "Use Network")] }),
        area("Data", { parties: ["customer"], cells: [cell("customer", "Use Data")] }),
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
    const network = area("Network", {
      assignment: "provider",
      parties: ["provider", "nobody"],
      cells: [cell("provider", "Run")],
    });
    expect(brief(lintAreas(network))).toEqual(["error assignment-parties-mismatch services.0.areas.0.parties"]);
  });
});

describe("lint: component-area-mismatch", () => {
  // A service whose stack links a layer and a component to the matrix rows they draw.
  const linked = (
    boxes: {
      layer?: Partial<Service["layers"][number]>;
      os?: Partial<Service["layers"][number]["components"][number]>;
    },
    extra: Partial<Service> = {},
  ) =>
    doc([
      service(
        "a",
        [area("Hosts"), area("Operating System", { assignment: "customer", cells: [cell("customer", "Patch it")] })],
        {
          layers: [
            {
              key: "base",
              name: "Base",
              assignment: "shared",
              area: "hosts",
              components: [{ key: "os", name: "OS", assignment: "customer", area: "operating-system", ...boxes.os }],
              ...boxes.layer,
            },
          ],
          ...extra,
        },
      ),
    ]);

  test("boxes that agree with their areas are quiet", () => {
    expect(lintProviderDocument(linked({}))).toEqual([]);
  });

  test("a box whose assignment differs from its area's is a warning naming both", () => {
    const issues = lintProviderDocument(linked({ layer: { assignment: "provider" } }));
    expect(issues).toEqual([
      {
        severity: "warning",
        rule: "component-area-mismatch",
        message:
          'Layer "Base" of service "Service A" and its matrix row "Hosts" disagree — by default: Provider (Acme) in the diagram, Shared (Customer, Acme) in the matrix: make them agree, or say why they differ (areaInterpretation)',
        path: ["services", 0, "layers", 0, "areaInterpretation"],
        service: "a",
      },
    ]);
    expect(hasLintErrors(issues)).toBe(false);
  });

  test("other parties under the same assignment differ too", () => {
    const issues = lintProviderDocument(linked({ os: { assignment: "shared", parties: ["customer", "hyperscaler"] } }));
    expect(brief(issues)).toEqual([
      "warning component-area-mismatch services.0.layers.0.components.0.areaInterpretation",
    ]);
  });

  test("a recorded interpretation of the difference keeps it quiet", () => {
    const issues = lintProviderDocument(
      linked({
        layer: {
          assignment: "provider",
          areaInterpretation: "The figure colours it the provider's; the table shares it.",
        },
      }),
    );
    expect(issues).toEqual([]);
  });

  test("a deployment model that changes only one side is reported with the model's name", () => {
    const issues = lintProviderDocument(
      linked(
        {},
        {
          deploymentModels: [
            {
              key: "managed",
              name: "Managed OS",
              assignments: [{ component: "base/os", assignment: "provider" }],
            },
            {
              key: "both",
              name: "Both",
              assignments: [
                { component: "base/os", assignment: "provider" },
                { area: "operating-system", assignment: "provider" },
              ],
            },
          ],
        },
      ),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toContain(
      'under "Managed OS": Provider (Acme) in the diagram, Customer (Customer) in the matrix',
    );
    expect(issues[0]?.message).not.toContain('"Both"');
  });

  test("a component without a default is fine when every deployment model assigns it, and compared per model", () => {
    const models = (osInCloud: "provider" | "customer"): Service["deploymentModels"] => [
      {
        key: "on-premises",
        name: "On premises",
        assignments: [
          { component: "base/os", assignment: "customer" },
          { area: "operating-system", assignment: "customer" },
        ],
      },
      { key: "cloud", name: "Cloud", assignments: [{ component: "base/os", assignment: osInCloud }] },
      { key: "cloud-vm", name: "Cloud VM", group: "cloud", open: true, assignments: [] },
    ];
    expect(
      lintProviderDocument(linked({ os: { assignment: null } }, { deploymentModels: models("customer") })),
    ).toEqual([]);
    // The open variant inherits its group's difference; both are named.
    const issues = lintProviderDocument(linked({ os: { assignment: null } }, { deploymentModels: models("provider") }));
    expect(brief(issues)).toEqual([
      "warning component-area-mismatch services.0.layers.0.components.0.areaInterpretation",
    ]);
    expect(issues[0]?.message).toMatch(/under "Cloud": .*; under "Cloud VM": /);
    // Without a model for every top-level case, the missing default is an error again.
    const partial = lintProviderDocument(
      linked(
        { os: { assignment: null } },
        { deploymentModels: models("customer").slice(0, 1).concat({ key: "x", name: "X", assignments: [] }) },
      ),
    );
    expect(brief(partial)).toEqual(["error unassigned-component services.0.layers.0.components.0.assignment"]);
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
    // ACS lost four item descriptions (its notes say so). DanubeData's services that lack a row most
    // of their siblings have are no longer reported: missing-sibling-area is gone.
    expect(
      linted.flatMap(({ slug, issues }) => issues.map((i) => `${slug} ${i.rule} ${i.service ?? "-"} ${i.area ?? "-"}`)),
    ).toEqual([
      "alibaba-cloud area-without-duties acs Infrastructure security",
      "alibaba-cloud area-without-duties acs Security of elastic computing resource pools",
      "alibaba-cloud area-without-duties acs Application security",
      "alibaba-cloud area-without-duties acs Security of non-hosted components and charts in the marketplace",
    ]);
  });
});

describe("lint: the model as a whole", () => {
  test("a provider with nothing to show yet cannot be published", () => {
    const issues = lintProviderDocument(doc([]));
    expect(issues).toEqual([
      {
        severity: "error",
        rule: "empty-model",
        message: expect.stringMatching(/no services or cross-cutting areas yet/),
        path: ["services"],
      },
    ]);
    expect(lintProviderDocument(doc([], { crossCuttingAreas: [area("Identity")] }))).toEqual([]);
  });

  test("a service with no areas and no layers is a warning naming it", () => {
    const issues = lintProviderDocument(doc([service("a", [area("Data")]), service("b", [])]));
    expect(issues).toEqual([
      {
        severity: "warning",
        rule: "service-without-areas",
        message: 'Service "Service B" has no responsibility areas yet: readers would see an empty matrix',
        path: ["services", 1, "areas"],
        service: "b",
      },
    ]);
  });
});
