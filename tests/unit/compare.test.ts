import { describe, expect, test } from "vitest";
import { areaMatchKey, buildHeatmap, providerShare } from "@/lib/domain/compare";

describe("compare heatmap", () => {
  test("matches areas across services by normalised name", () => {
    expect(areaMatchKey("Backups & Snapshots")).toBe(areaMatchKey("backups and  snapshots"));
    expect(areaMatchKey("Hosting & CDN")).not.toBe(areaMatchKey("Hosting"));
  });

  test("provider share ignores n/a areas and weighs shared as half", () => {
    expect(providerShare([{ assignment: "provider" }, { assignment: "customer" }, { assignment: "n/a" }])).toBe(0.5);
    expect(providerShare([{ assignment: "shared" }])).toBe(0.5);
    expect(providerShare([])).toBe(0);
  });

  test("orders columns from least to most managed and keeps first-seen row order", () => {
    const heatmap = buildHeatmap([
      { slug: "apps", name: "Apps", category: "SaaS", areas: [{ name: "Data", assignment: "customer" }] },
      {
        slug: "vm",
        name: "VM",
        category: "IaaS",
        areas: [
          { name: "Physical", assignment: "provider" },
          { name: "Data", assignment: "customer" },
        ],
      },
      { slug: "db", name: "DB", category: "DBaaS", areas: [{ name: "physical", assignment: "provider" }] },
    ]);
    expect(heatmap.columns.map((c) => c.slug)).toEqual(["vm", "db", "apps"]);
    expect(heatmap.rows.map((r) => [r.name, r.cells])).toEqual([
      ["Physical", ["provider", "provider", null]],
      ["Data", ["customer", null, "customer"]],
    ]);
  });

  test("within one category the service leaving more to the customer comes first", () => {
    const heatmap = buildHeatmap([
      { slug: "b", name: "B", category: "PaaS", areas: [{ name: "X", assignment: "provider" }] },
      { slug: "a", name: "A", category: "PaaS", areas: [{ name: "X", assignment: "customer" }] },
    ]);
    expect(heatmap.columns.map((c) => c.slug)).toEqual(["a", "b"]);
  });
});
