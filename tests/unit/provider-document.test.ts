import { describe, expect, test } from "vitest";
import { providerDocumentSchema, type ProviderDocumentInput } from "@/lib/validation/provider-document";
import { makeProviderDocument } from "../factories/provider-document";

function problems(input: unknown) {
  const result = providerDocumentSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

function withService(patch: (s: ProviderDocumentInput["services"][number]) => void): ProviderDocumentInput {
  const doc = makeProviderDocument();
  patch(doc.services[0]!);
  return doc;
}

describe("provider document validation", () => {
  test("a well-formed document passes", () => {
    expect(problems(makeProviderDocument())).toEqual([]);
  });

  test("field-level errors name the field and say what is wrong", () => {
    expect(problems({ ...makeProviderDocument(), slug: "Not A Slug" })).toEqual([
      "slug: Use lowercase letters, digits and single hyphens",
    ]);
    expect(problems({ ...makeProviderDocument(), brandColor: "blue" })).toEqual([
      "brandColor: Use a hex colour such as #1d4ed8",
    ]);
    expect(problems(withService((s) => (s.areas[0]!.assignment = "everyone" as never))).join("\n")).toMatch(
      /^services\.0\.areas\.0\.assignment: Choose one of: provider, customer, shared/,
    );
  });

  test("unknown fields are refused rather than silently dropped", () => {
    expect(problems({ ...makeProviderDocument(), colour: "#000000" }).join()).toMatch(/colour/);
  });

  test("the provider and customer parties are required", () => {
    const doc = makeProviderDocument();
    doc.parties = doc.parties
      .filter((p) => p.key !== "customer")
      .concat({ key: "other", name: "Other", role: "third-party" });
    expect(problems(doc)).toContain('parties: A party with key "customer" and role "customer" is required');
  });

  test("assignments must name parties that fit", () => {
    const doc = withService((s) => {
      s.areas[0]!.assignment = "third-party";
    });
    expect(problems(doc)).toEqual(['services.0.areas.0.parties: "third-party" must name third parties only']);
  });

  test("references to layers, components, areas and groups must resolve", () => {
    const doc = withService((s) => {
      s.layers = [{ key: "base", name: "Base", components: [{ key: "box", name: "Box", assignment: "provider" }] }];
      s.areas[0]!.layer = "roof";
      s.deploymentModels = [
        {
          key: "edge",
          name: "Edge",
          group: "cloud",
          assignments: [
            { component: "base/crate", assignment: "customer" },
            { area: "nothing", assignment: "customer" },
          ],
        },
      ];
    });
    expect(problems(doc)).toEqual([
      'services.0.areas.0.layer: No layer "roof" in this service',
      'services.0.deploymentModels.0.group: No deployment model "cloud" to group under',
      'services.0.deploymentModels.0.assignments.0.component: No component "base/crate" in this service',
      'services.0.deploymentModels.0.assignments.1.area: No area "nothing" in this service',
    ]);
  });

  test("area cells, groups and keys must resolve and be unique", () => {
    type Cells = ProviderDocumentInput["services"][number]["areas"][number]["cells"];
    const withCells = (cells: Cells) =>
      withService((s) => {
        s.groups = [
          { key: "ops", title: "Operations", parent: "day-2" },
          { key: "day-2", title: "Day 2", parent: "ops" },
        ];
        const area = s.areas[0]!;
        area.group = "nowhere";
        area.cells = cells;
        s.areas.push({ ...area, name: "Another", group: "ops", cells: [] });
      });
    // Field errors first: the cross-references are checked once every field is well-formed.
    expect(
      problems(
        withCells([
          { party: "provider", duties: [{ text: "Run" }], raci: "AR" },
          { party: "auditor", duties: [{ text: "Audit", strength: "must" as never }] },
        ]),
      ),
    ).toEqual([
      'services.0.areas.0.cells.0.raci: Use RACI letters in R, A, C, I order, e.g. "RA" or "CI"',
      "services.0.areas.0.cells.1.duties.0.strength: Use should, may or excluded (or leave it out: must)",
    ]);
    expect(
      problems(
        withCells([
          { party: "provider", duties: [{ text: "Run" }], raci: "RA" },
          { party: "provider", duties: [] },
          { party: "auditor", duties: [{ text: "Audit" }] },
        ]),
      ),
    ).toEqual([
      'services.0.groups.0.parent: Group "ops" would sit inside itself',
      'services.0.groups.1.parent: Group "day-2" would sit inside itself',
      'services.0.areas: Duplicate area key "widget-calibration"',
      'services.0.areas.0.group: No group "nowhere" here',
      'services.0.areas.0.cells: Two cells for party "provider"',
      'services.0.areas.0.cells.2.party: No party "auditor"',
    ]);
  });

  test("areas in the old shape are refused: they need a key and cells", () => {
    const doc = withService((s) => {
      s.areas = [{ name: "Old", assignment: "provider", providerDuties: ["Run"], customerDuties: [] } as never];
    });
    expect(problems(doc)).toEqual([
      "services.0.areas.0.key: Invalid input: expected string, received undefined",
      "services.0.areas.0.cells: Invalid input: expected array, received undefined",
      'services.0.areas.0: Unrecognized keys: "providerDuties", "customerDuties"',
    ]);
  });

  test("duplicate keys are refused", () => {
    const doc = makeProviderDocument();
    doc.services.push({ ...doc.services[0]! });
    expect(problems(doc).join()).toMatch(/Duplicate service/);
  });
});
