import { describe, expect, test } from "vitest";
import {
  applyDocumentChange,
  canonicalJson,
  ChangeConflict,
  ChangeNotApplicable,
  contentHash,
  documentChangeSchema,
} from "@/lib/domain/document-changes";

const doc = () => ({
  name: "P",
  services: [
    {
      slug: "s",
      areas: [
        { name: "A", assignment: "provider" },
        { name: "B", assignment: "customer" },
      ],
    },
  ],
});

describe("document changes", () => {
  test("set replaces a value when the editor saw the current one", () => {
    const result = applyDocumentChange(doc(), {
      op: "set",
      path: ["services", 0, "areas", 1, "assignment"],
      expected: "customer",
      value: "shared",
    });
    expect(result).toMatchObject({ before: "customer", after: "shared" });
    expect((result.document as ReturnType<typeof doc>).services[0]!.areas[1]!.assignment).toBe("shared");
  });

  test("a stale expected value is a conflict that reports the current value, and nothing changes", () => {
    const original = doc();
    const attempt = () =>
      applyDocumentChange(original, {
        op: "set",
        path: ["services", 0, "areas", 0],
        expected: { name: "A", assignment: "customer" },
        value: { name: "A", assignment: "shared" },
      });
    expect(attempt).toThrow(ChangeConflict);
    try {
      attempt();
    } catch (e) {
      expect((e as ChangeConflict).current).toEqual({ name: "A", assignment: "provider" });
    }
    expect(original).toEqual(doc());
  });

  test("insert, remove and move work on lists and check what they touch", () => {
    const inserted = applyDocumentChange(doc(), {
      op: "insert",
      path: ["services", 0, "areas", 2],
      value: { name: "C", assignment: "shared" },
    }).document as ReturnType<typeof doc>;
    expect(inserted.services[0]!.areas.map((a) => a.name)).toEqual(["A", "B", "C"]);
    const moved = applyDocumentChange(inserted, {
      op: "move",
      path: ["services", 0, "areas", 2],
      to: 0,
      expected: { name: "C", assignment: "shared" },
    }).document as ReturnType<typeof doc>;
    expect(moved.services[0]!.areas.map((a) => a.name)).toEqual(["C", "A", "B"]);
    const removed = applyDocumentChange(moved, {
      op: "remove",
      path: ["services", 0, "areas", 1],
      expected: { assignment: "provider", name: "A" },
    }).document as ReturnType<typeof doc>;
    expect(removed.services[0]!.areas.map((a) => a.name)).toEqual(["C", "B"]);
    // Someone removed or reordered rows: index 1 is now another row.
    expect(() =>
      applyDocumentChange(removed, {
        op: "remove",
        path: ["services", 0, "areas", 1],
        expected: { name: "A", assignment: "provider" },
      }),
    ).toThrow(ChangeConflict);
  });

  test("changes to places that no longer exist, or that are not lists, are refused", () => {
    expect(() =>
      applyDocumentChange(doc(), { op: "set", path: ["services", 4, "name"], expected: undefined, value: "x" }),
    ).toThrow(ChangeNotApplicable);
    expect(() => applyDocumentChange(doc(), { op: "insert", path: ["name", 0], value: "x" })).toThrow(
      ChangeNotApplicable,
    );
    expect(() =>
      applyDocumentChange(doc(), {
        op: "move",
        path: ["services", 0, "areas", 0],
        to: 5,
        expected: doc().services[0]!.areas[0],
      }),
    ).toThrow(ChangeNotApplicable);
  });

  test("canonical JSON and hashes ignore key order", () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
    expect(contentHash({ b: 1, a: 2 })).toBe(contentHash({ a: 2, b: 1 }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
  });

  test("the change schema refuses malformed changes", () => {
    expect(documentChangeSchema.safeParse({ op: "set", path: [], expected: 1, value: 2 }).success).toBe(false);
    expect(documentChangeSchema.safeParse({ op: "drop", path: ["name"] }).success).toBe(false);
    expect(documentChangeSchema.safeParse({ op: "move", path: ["a", 0], to: -1, expected: 1 }).success).toBe(false);
  });
});

test("a change about an empty optional field may omit expected and value (JSON has no undefined)", () => {
  const change = documentChangeSchema.parse(JSON.parse('{"op":"set","path":["notes"],"value":"New"}'));
  expect(applyDocumentChange({ name: "P" }, change).document).toEqual({ name: "P", notes: "New" });
});
