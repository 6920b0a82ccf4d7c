import { describe, expect, test } from "vitest";
import { canonicalJson } from "@/lib/domain/canonical-json";
import {
  applyDocumentChange,
  ChangeConflict,
  ChangeNotApplicable,
  type DocumentChange,
} from "@/lib/domain/document-changes";
import { contentHash } from "@/lib/versions/content-hash";
import { documentChangeSchema } from "@/lib/validation/document-change";

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
  const change = documentChangeSchema.parse(
    JSON.parse('{"op":"set","path":["source","url"],"value":"https://x.example"}'),
  );
  expect(applyDocumentChange({ source: { title: "T" } }, change).document).toEqual({
    source: { title: "T", url: "https://x.example" },
  });
});

describe("paths name only places the document holds", () => {
  test("the reported one-request attack is refused and Object.prototype stays clean", () => {
    const attack: DocumentChange = { op: "set", path: ["__proto__", "x"], value: "y" };
    const parsed = documentChangeSchema.safeParse(attack);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ["path"],
      message: '"__proto__" is not a field of a provider document.',
    });
    expect(() => applyDocumentChange(doc(), attack)).toThrow(ChangeNotApplicable);
    expect(() => applyDocumentChange(doc(), { op: "set", path: ["__proto__", "p"], value: 1 })).toThrow();
    expect(({} as Record<string, unknown>).p).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  test("the schema names the first segment that is not a field, at any depth", () => {
    const problem = (path: (string | number)[]) =>
      documentChangeSchema.safeParse({ op: "set", path, value: 1 }).error?.issues[0]?.message;
    expect(problem(["services", 0, "areas", 3, "constructor"])).toBe(
      '"constructor" is not a field of "services.0.areas.3".',
    );
    expect(problem(["services", 0, "colour"])).toBe('"colour" is not a field of "services.0".');
    expect(problem(["services", "prototype"])).toBe('"prototype" is not a field of "services".');
    expect(problem(["services", "x"])).toBe('"services" is a list: expected a row number, got "x".');
    expect(problem(["name", "length"])).toBe('"name" is a single value: "length" cannot be inside it.');
    expect(problem(["services", 0, "areas", 1, "cells", 0, "duties", 2, "strength"])).toBeUndefined();
    expect(problem(["services", 0, "areas", 1, "cells", 0, "raci"])).toBeUndefined();
    expect(problem(["services", 0, "areas", 1, "references", 0, "control"])).toBeUndefined();
    expect(problem(["services", 0, "groups", 0, "parent"])).toBeUndefined();
    expect(problem(["crossCuttingGroups", 0, "title"])).toBeUndefined();
    expect(problem(["services", 0, "areas", 1, "providerDuties", 0])).toBe(
      '"providerDuties" is not a field of "services.0.areas.1".',
    );
    expect(problem(["services", 0, "deploymentModels", 0, "assignments", 2, "area"])).toBeUndefined();
    expect(
      documentChangeSchema.safeParse({ op: "remove", path: ["services", 0, "name"], expected: "x" }).error?.issues[0]
        ?.message,
    ).toBe('"remove" works on rows of a list only.');
  });

  test("inherited names read as absent, and list indexes must be in range", () => {
    const original = doc();
    expect(() =>
      applyDocumentChange(original, { op: "set", path: ["services", 0, "toString"], value: "x" }),
    ).not.toThrow();
    expect(() =>
      applyDocumentChange(original, { op: "set", path: ["services", 0, "areas", 2], expected: undefined, value: {} }),
    ).toThrow(ChangeNotApplicable);
    expect(() =>
      applyDocumentChange(original, { op: "set", path: ["services", "length"], expected: 1, value: 0 }),
    ).toThrow(ChangeNotApplicable);
    expect(() => applyDocumentChange(original, { op: "remove", path: ["services", 0, "areas", 9] })).toThrow(
      ChangeNotApplicable,
    );
    expect(() => applyDocumentChange(original, { op: "insert", path: ["services", 0, "areas", 3], value: {} })).toThrow(
      ChangeNotApplicable,
    );
    expect(original).toEqual(doc());
  });
});
