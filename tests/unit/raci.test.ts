import { describe, expect, test } from "vitest";
import type { PartyRef } from "@/lib/domain/assignment";
import { accountableCount, assignmentFromRaci, hasRaci, parseRaci, type RaciCell } from "@/lib/domain/raci";

describe("parseRaci", () => {
  test.each([
    ["R", "R"],
    ["ra", "RA"],
    ["A/R", "RA"],
    ["R, A", "RA"],
    ["c, i", "CI"],
    ["r+a", "RA"],
    ["I C A R", "RACI"],
    ["  a  ", "A"],
  ])("%j is %j", (text, letters) => {
    expect(parseRaci(text)).toBe(letters);
  });

  test.each(["RR", "X", "", "   ", "R, R", "RAX", "responsible", "R-A"])("%j is not RACI", (text) => {
    expect(parseRaci(text)).toBeNull();
  });
});

describe("assignmentFromRaci", () => {
  const parties: PartyRef[] = [
    { key: "provider", role: "provider" },
    { key: "customer", role: "customer" },
    { key: "hyperscaler", role: "third-party" },
  ];
  const from = (...cells: RaciCell[]) => assignmentFromRaci(cells, parties);

  test("a single R on the provider is the provider's", () => {
    expect(from({ party: "provider", raci: "RA" }, { party: "customer", raci: "C" })).toEqual({
      assignment: "provider",
      parties: ["provider"],
    });
  });

  test("a single R on the customer is the customer's, even when the provider is Accountable", () => {
    expect(from({ party: "provider", raci: "A" }, { party: "customer", raci: "R" })).toEqual({
      assignment: "customer",
      parties: ["customer"],
    });
  });

  test("a single R on a third party is third-party", () => {
    expect(from({ party: "provider", raci: "AI" }, { party: "hyperscaler", raci: "R" })).toEqual({
      assignment: "third-party",
      parties: ["hyperscaler"],
    });
  });

  test("R on two parties is shared between them, in the provider's party order", () => {
    expect(from({ party: "customer", raci: "R" }, { party: "provider", raci: "RA" })).toEqual({
      assignment: "shared",
      parties: ["provider", "customer"],
    });
    expect(
      from({ party: "provider", raci: "R" }, { party: "customer", raci: "I" }, { party: "hyperscaler", raci: "RA" }),
    ).toEqual({ assignment: "shared", parties: ["provider", "hyperscaler"] });
  });

  test("without an R, the one party marked A carries it", () => {
    expect(from({ party: "provider", raci: "C" }, { party: "customer", raci: "A" })).toEqual({
      assignment: "customer",
      parties: ["customer"],
    });
  });

  test("only C and I (or no letters) imply nothing", () => {
    expect(from({ party: "provider", raci: "CI" }, { party: "customer", raci: "I" })).toBeNull();
    expect(from({ party: "provider" }, { party: "customer" })).toBeNull();
    expect(from()).toBeNull();
  });

  test("cells of parties the provider does not have are ignored", () => {
    expect(from({ party: "auditor", raci: "R" }, { party: "customer", raci: "C" })).toBeNull();
  });
});

describe("hasRaci and accountableCount", () => {
  test("a row uses RACI when any party has letters", () => {
    expect(hasRaci([{ party: "provider" }, { party: "customer", raci: "I" }])).toBe(true);
    expect(hasRaci([{ party: "provider" }, { party: "customer", raci: "" }])).toBe(false);
    expect(hasRaci([])).toBe(false);
  });

  test("counts the parties marked A", () => {
    expect(
      accountableCount([
        { party: "provider", raci: "RA" },
        { party: "customer", raci: "A" },
      ]),
    ).toBe(2);
    expect(accountableCount([{ party: "provider", raci: "R" }, { party: "customer" }])).toBe(0);
  });
});
