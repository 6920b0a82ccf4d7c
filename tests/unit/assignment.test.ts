import { describe, expect, test } from "vitest";
import {
  assignmentValues,
  defaultParties,
  fromDbAssignment,
  partiesProblem,
  toCaiqOwnership,
  toDbAssignment,
  type PartyRef,
} from "@/lib/domain/assignment";

const contain: PartyRef[] = [
  { key: "provider", role: "provider" },
  { key: "customer", role: "customer" },
  { key: "hyperscaler", role: "third-party" },
];

describe("assignment vocabulary", () => {
  test("database values round-trip for every assignment", () => {
    for (const value of assignmentValues) expect(fromDbAssignment(toDbAssignment(value))).toBe(value);
    expect(new Set(assignmentValues.map(toDbAssignment)).size).toBe(assignmentValues.length);
  });

  test("default parties follow the assignment", () => {
    expect(defaultParties("provider", contain)).toEqual(["provider"]);
    expect(defaultParties("best-effort", contain)).toEqual(["provider"]);
    expect(defaultParties("customer", contain)).toEqual(["customer"]);
    expect(defaultParties("shared", contain)).toEqual(["customer", "provider"]);
    expect(defaultParties("third-party", contain)).toEqual(["hyperscaler"]);
    expect(defaultParties("n/a", contain)).toEqual([]);
  });
});

describe("partiesProblem", () => {
  test("accepts Contain's 'Customer + Contain' and 'All'", () => {
    expect(partiesProblem("shared", ["customer", "provider"], contain)).toBeNull();
    expect(partiesProblem("shared", ["customer", "provider", "hyperscaler"], contain)).toBeNull();
  });

  test.each([
    ["provider", ["customer"], /provider party only/],
    ["customer", ["provider", "customer"], /customer party only/],
    ["third-party", ["provider"], /third parties only/],
    ["shared", ["customer"], /at least two/],
    ["n/a", ["customer"], /names no party/],
    ["shared", ["customer", "customer"], /named twice/],
    ["shared", ["customer", "aliens"], /unknown party: aliens/],
    ["best-effort", ["hyperscaler"], /provider party only/],
  ] as const)("%s with %j is refused", (assignment, keys, message) => {
    expect(partiesProblem(assignment, keys, contain)).toMatch(message);
  });
});

describe("CAIQ v4 SSRM control ownership", () => {
  test.each([
    ["provider", ["provider"], "CSP-owned", true],
    ["customer", ["customer"], "CSC-owned", true],
    ["shared", ["customer", "provider"], "Shared CSP and CSC", true],
    ["third-party", ["hyperscaler"], "3rd-party outsourced", true],
    ["shared", ["provider", "hyperscaler"], "Shared CSP and 3rd-party", true],
    ["n/a", [], "N/A", true],
    ["best-effort", ["provider"], "Shared CSP and CSC", false],
    ["shared", ["customer", "provider", "hyperscaler"], "Shared CSP and CSC", false],
  ] as const)("%s %j → %s (exact: %s)", (assignment, keys, ownership, exact) => {
    const mapping = toCaiqOwnership(assignment, keys, contain);
    expect(mapping).toMatchObject({ ownership, exact });
    if (!exact) expect(mapping.note).toBeTruthy();
  });
});
