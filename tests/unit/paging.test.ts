import { describe, expect, test } from "vitest";
import { pageNumber } from "@/components/ui/page-links";
import { clip } from "@/lib/format";

describe("page numbers from the address", () => {
  test.each([
    [undefined, 1],
    ["1", 1],
    ["3", 3],
    ["0", 1],
    ["-2", 1],
    ["2.5", 1],
    ["abc", 1],
    ["99999999", 1],
    [["2", "3"], 1],
  ] as const)("%j is page %i", (raw, page) => {
    expect(pageNumber(raw as string | string[] | undefined)).toBe(page);
  });
});

describe("clip", () => {
  test("keeps short text whole and cuts long text at a word, with an ellipsis", () => {
    expect(clip("Short enough.", 20)).toBe("Short enough.");
    expect(clip("The provider operates the hypervisor, the network and the storage.", 40)).toBe(
      "The provider operates the hypervisor,…".replace(",…", "…"),
    );
    expect(clip("x".repeat(50), 10)).toBe(`${"x".repeat(10)}…`);
  });
});
