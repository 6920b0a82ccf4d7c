// The area rules added with party cells: assignment-contradicts-cells, raci-accountable,
// raci-assignment-mismatch, and duplicate names counted within a group.
import { describe, expect, test } from "vitest";
import { lintProviderDocument } from "@/lib/model/lint";
import type { ProviderDocument } from "@/lib/validation/provider-document";
import { area, brief, cell, lintDocument, service, type Area, type Cell } from "../factories/lint-document";

const raci = (party: string, letters: string, ...duties: string[]): Cell => ({
  ...cell(party, ...duties),
  raci: letters,
});

/** One service "a" (groups "build" and "run") holding `areas`. */
const doc = (areas: Area[], extra: Partial<ProviderDocument> = {}) =>
  lintDocument(
    [
      service("a", areas, {
        name: "Service A",
        groups: [
          { key: "build", title: "Build" },
          { key: "run", title: "Run" },
        ],
      }),
    ],
    extra,
  );

const lintAreas = (...areas: Area[]) => lintProviderDocument(doc(areas));

describe("lint: assignment-contradicts-cells", () => {
  test('"customer" while the provider lists a duty is an error on the assignment', () => {
    const issues = lintAreas(area("Patching", { assignment: "customer" }));
    expect(issues).toEqual([
      {
        severity: "error",
        rule: "assignment-contradicts-cells",
        message:
          'Area "Patching" in service "Service A" is "Customer" (Customer) but Acme also lists duties: change the assignment or its parties',
        path: ["services", 0, "areas", 0, "assignment"],
        service: "a",
        area: "Patching",
      },
    ]);
  });

  test('"customer" with only the customer listing duties is fine', () => {
    const cells = [cell("customer", "Patch apps"), { party: "provider", duties: [], notApplicable: true }];
    expect(lintAreas(area("Patching", { assignment: "customer", cells }))).toEqual([]);
  });

  test('"n/a" with duties is an error; "n/a" with empty or N/A cells is fine', () => {
    const issues = lintAreas(area("Hardware", { assignment: "n/a" }));
    expect(brief(issues)).toEqual(["error assignment-contradicts-cells services.0.areas.0.assignment"]);
    expect(issues[0]?.message).toBe(
      'Area "Hardware" in service "Service A" is "n/a" but Acme and Customer list duties',
    );
    const na: Cell[] = [
      { party: "provider", duties: [], notApplicable: true },
      { party: "customer", duties: [], notApplicable: true },
    ];
    expect(lintAreas(area("Hardware", { assignment: "n/a", cells: na }))).toEqual([]);
    expect(lintAreas(area("Hardware", { assignment: "n/a", cells: [] }))).toEqual([]);
  });

  test("an excluded duty does not count", () => {
    const excluded: Cell = { party: "provider", duties: [{ text: "Back up your data", strength: "excluded" }] };
    expect(
      lintAreas(area("Backups", { assignment: "customer", cells: [excluded, cell("customer", "Back up")] })),
    ).toEqual([]);
    expect(
      brief(lintAreas(area("Hardware", { assignment: "n/a", cells: [{ ...excluded, party: "customer" }] }))),
    ).toEqual([]);
  });

  test("should and may duties do count", () => {
    const should: Cell = { party: "provider", duties: [{ text: "Offer snapshots", strength: "should" }] };
    expect(
      brief(lintAreas(area("Backups", { assignment: "customer", cells: [should, cell("customer", "Back up")] }))),
    ).toEqual(["error assignment-contradicts-cells services.0.areas.0.assignment"]);
  });

  test("a best-effort provider's customer may list duties; a third party may not", () => {
    expect(lintAreas(area("Talos Linux", { assignment: "best-effort" }))).toEqual([]);
    const cells = [cell("provider", "Fix bugs"), cell("hyperscaler", "Host the nodes")];
    expect(brief(lintAreas(area("Talos Linux", { assignment: "best-effort", cells })))).toEqual([
      "error assignment-contradicts-cells services.0.areas.0.assignment",
    ]);
  });

  test("a party left out of a shared area's parties contradicts its duties", () => {
    const cells = [cell("provider", "Rack servers"), cell("customer", "Rent racks"), cell("hyperscaler", "Run racks")];
    const issues = lintAreas(area("Racks", { parties: ["customer", "hyperscaler"], cells }));
    expect(brief(issues)).toEqual(["error assignment-contradicts-cells services.0.areas.0.assignment"]);
    expect(issues[0]?.message).toMatch(/is "Shared" \(Customer, Hyperscaler\) but Acme also lists duties/);
    expect(lintAreas(area("Racks", { parties: ["provider", "customer", "hyperscaler"], cells }))).toEqual([]);
  });

  test("RACI rows are checked by their letters instead", () => {
    const cells = [raci("provider", "RA", "Patch hosts"), raci("customer", "C", "Review the patch plan")];
    expect(lintAreas(area("Patching", { assignment: "provider", cells }))).toEqual([]);
  });
});

describe("lint: raci-accountable", () => {
  test("two Accountable parties is a warning on the cells", () => {
    const issues = lintAreas(
      area("Patching", { assignment: "provider", cells: [raci("provider", "RA"), raci("customer", "A")] }),
    );
    expect(issues).toEqual([
      {
        severity: "warning",
        rule: "raci-accountable",
        message: 'Area "Patching" in service "Service A" has 2 Accountable parties: a RACI row names exactly one "A"',
        path: ["services", 0, "areas", 0, "cells"],
        service: "a",
        area: "Patching",
      },
    ]);
  });

  test("no Accountable party is a warning too", () => {
    const issues = lintAreas(
      area("Patching", { assignment: "provider", cells: [raci("provider", "R"), raci("customer", "C")] }),
    );
    expect(brief(issues)).toEqual(["warning raci-accountable services.0.areas.0.cells"]);
    expect(issues[0]?.message).toMatch(/has no Accountable party/);
  });

  test("exactly one Accountable party is fine", () => {
    const cells = [raci("provider", "RA"), raci("customer", "CI"), raci("hyperscaler", "I")];
    expect(lintAreas(area("Patching", { assignment: "provider", cells }))).toEqual([]);
  });

  test("rows without letters are not RACI rows", () => {
    expect(lintAreas(area("Patching"))).toEqual([]);
  });
});

describe("lint: raci-assignment-mismatch", () => {
  const customerRuns = [raci("provider", "A"), raci("customer", "R")];

  test("an assignment other than the letters imply is an error on the reason", () => {
    const issues = lintAreas(area("Keys", { assignment: "provider", cells: customerRuns }));
    expect(issues).toEqual([
      {
        severity: "error",
        rule: "raci-assignment-mismatch",
        message:
          'Area "Keys" in service "Service A" is "provider" but its RACI letters make it Customer (Customer): use that, or say why it differs',
        path: ["services", 0, "areas", 0, "assignmentReason"],
        service: "a",
        area: "Keys",
      },
    ]);
  });

  test("with an assignment reason there is no error", () => {
    const assignmentReason = "The contract makes the provider answerable for key custody.";
    expect(lintAreas(area("Keys", { assignment: "provider", assignmentReason, cells: customerRuns }))).toEqual([]);
  });

  test("the assignment the letters imply is fine", () => {
    expect(lintAreas(area("Keys", { assignment: "customer", cells: customerRuns }))).toEqual([]);
  });

  test("the parties count too: shared, but not between the parties marked R", () => {
    const cells = [raci("provider", "RA"), raci("customer", "I"), raci("hyperscaler", "R")];
    const issues = lintAreas(area("Racks", { assignment: "shared", cells }));
    expect(brief(issues)).toEqual(["error raci-assignment-mismatch services.0.areas.0.assignmentReason"]);
    expect(issues[0]?.message).toMatch(/is "shared" but its RACI letters make it Shared \(Acme, Hyperscaler\)/);
    expect(lintAreas(area("Racks", { assignment: "shared", parties: ["provider", "hyperscaler"], cells }))).toEqual([]);
  });

  test("letters with nobody R or A imply nothing, so nothing can mismatch", () => {
    const cells = [raci("provider", "C"), raci("customer", "I")];
    expect(brief(lintAreas(area("Audit", { assignment: "customer", cells })))).toEqual([
      "warning raci-accountable services.0.areas.0.cells",
    ]);
  });
});

describe("lint: duplicate-area-name within a group", () => {
  test("the same name in two groups is fine", () => {
    expect(lintAreas(area("Patch", { group: "build" }), area("Patch", { key: "patch-2", group: "run" }))).toEqual([]);
  });

  test("the same name in one group is an error on the repeat", () => {
    const issues = lintAreas(
      area("Patch", { group: "build" }),
      area("Patch", { key: "patch-2", group: "run" }),
      area("patch", { key: "patch-3", group: "build" }),
    );
    expect(brief(issues)).toEqual(["error duplicate-area-name services.0.areas.2.name"]);
    expect(issues[0]?.message).toBe(
      'Area "patch" in service "Service A" appears twice: row 3 repeats the name of row 1',
    );
  });

  test("an area in a group and one outside any group are two areas", () => {
    expect(lintAreas(area("Patch", { group: "build" }), area("Patch", { key: "patch-2" }))).toEqual([]);
  });

  test("cross-cutting areas follow the same rule", () => {
    const crossCuttingGroups = [
      { key: "plan", title: "Plan" },
      { key: "operate", title: "Operate" },
    ];
    const fine = doc([], {
      crossCuttingGroups,
      crossCuttingAreas: [area("Review", { group: "plan" }), area("Review", { key: "review-2", group: "operate" })],
    });
    // The service holds no areas of its own here: only the cross-cutting rule is under test.
    const crossCuttingIssues = (document: typeof fine) =>
      lintProviderDocument(document).filter((issue) => issue.rule !== "service-without-areas");
    expect(crossCuttingIssues(fine)).toEqual([]);
    const twice = doc([], {
      crossCuttingGroups,
      crossCuttingAreas: [area("Review", { group: "plan" }), area("Review", { key: "review-2", group: "plan" })],
    });
    expect(brief(crossCuttingIssues(twice))).toEqual(["error duplicate-area-name crossCuttingAreas.1.name"]);
  });
});
