import { describe, expect, test } from "vitest";
import { areaChanges, changedRowsSummary } from "@/lib/domain/area-changes";
import { diffProviderDocuments } from "@/lib/model/diff";
import { areaSchema, providerDocumentSchema } from "@/lib/validation/provider-document";
import { makeArea, makeProviderDocument } from "../factories/provider-document";

describe("areaChanges", () => {
  const published = providerDocumentSchema.parse(makeProviderDocument());
  published.services[0]!.areas = [
    makeArea("A", { provider: ["a"] }),
    makeArea("B", { provider: ["b"] }),
    makeArea("C", { customer: ["c"] }),
  ].map((a) => areaSchema.parse(a));

  test("marks new and changed rows where the draft has them, and names the deleted ones", () => {
    const draft = structuredClone(published);
    const [a, b, c] = draft.services[0]!.areas;
    draft.services[0]!.areas = [
      c!,
      { ...b!, assignment: "shared", cells: [...b!.cells, { party: "customer", duties: [{ text: "b2" }] }] },
    ];
    draft.services[0]!.areas.push(areaSchema.parse(makeArea("D", { provider: ["d"] })));
    void a;
    const diff = diffProviderDocuments(published, draft);
    const changes = areaChanges(diff.services.changed[0]!.areas, 3);
    expect(changes).toEqual({ rows: { 1: "changed", 2: "added" }, removed: ["A"] });
    expect(changedRowsSummary(changes, 4)).toBe(
      "Since version 4: 1 row changed, 1 new, 1 deleted (“A”). Marked rows differ from what readers see.",
    );
  });

  test("a list new in the draft is all new; an unchanged one has no marks", () => {
    expect(areaChanges(null, 2)).toEqual({ rows: { 0: "added", 1: "added" }, removed: [] });
    expect(changedRowsSummary(areaChanges("unchanged", 3), 2)).toBe(
      "No row differs from version 2, the one readers see.",
    );
  });
});
