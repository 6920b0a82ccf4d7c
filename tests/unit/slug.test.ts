import { describe, expect, test } from "vitest";
import { slugSchema } from "@/lib/validation/provider-document";
import { slugify, uniqueSlugs } from "@/lib/domain/slug";

describe("slugify", () => {
  test.each([
    ["Backups & Snapshots", "backups-snapshots"],
    ["Ärger", "rger"],
    ["!!!", "area"],
    ["", "area"],
    ["  Identity & Access Management  ", "identity-access-management"],
    ["Tier-2 -- Support", "tier-2-support"],
    ["IPv6", "ipv6"],
  ])("%j → %j", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  test("a name without letters or digits gets the fallback", () => {
    expect(slugify("—", "group")).toBe("group");
  });

  test("long names are cut to at most 60 characters, without a trailing hyphen", () => {
    // 80 characters whose 60th is the start of a hyphen run: the cut must not end on it.
    const name = `${"a".repeat(59)} ${"b".repeat(20)}`;
    expect(name).toHaveLength(80);
    const slug = slugify(name);
    expect(slug).toBe("a".repeat(59));
    expect(slug.length).toBeLessThanOrEqual(60);

    const words = "Security of non hosted components and charts in the marketplace too";
    expect(words.length).toBeGreaterThan(60);
    expect(slugify(words)).toBe("security-of-non-hosted-components-and-charts-in-the-marketpl");
    expect(slugify(words)).toHaveLength(60);
  });

  test.each(["Backups & Snapshots", "Ärger", "!!!", "x".repeat(80), `${"ab ".repeat(30)}`, "--a--"])(
    "the result is always a valid key: %j",
    (name) => {
      expect(slugSchema.safeParse(slugify(name)).success).toBe(true);
    },
  );
});

describe("uniqueSlugs", () => {
  test("repeats get -2, -3 in order", () => {
    expect(uniqueSlugs(["Backups", "Network", "backups", "BACKUPS"])).toEqual([
      "backups",
      "network",
      "backups-2",
      "backups-3",
    ]);
  });

  test("taken keys are skipped", () => {
    expect(uniqueSlugs(["Backups", "Backups"], ["backups"])).toEqual(["backups-2", "backups-3"]);
    expect(uniqueSlugs(["Backups", "Backups"], ["backups-2"])).toEqual(["backups", "backups-3"]);
  });

  test("names that differ only in punctuation share a slug and are told apart", () => {
    expect(uniqueSlugs(["Backups & Snapshots", "Backups / Snapshots", "!!!", "???"])).toEqual([
      "backups-snapshots",
      "backups-snapshots-2",
      "area",
      "area-2",
    ]);
  });

  test("a suffixed key of a 60-character slug stays within 60 characters", () => {
    const name = "x".repeat(80);
    const [first, second] = uniqueSlugs([name, name]);
    expect(first).toBe("x".repeat(60));
    expect(second).toBe(`${"x".repeat(58)}-2`);
    expect(slugSchema.safeParse(second).success).toBe(true);
  });

  test("a suffixed key is a valid key even when the cut lands on a hyphen", () => {
    // The slug is 57 x's, a hyphen and "yy": cutting it to 58 characters for "-2" leaves a hyphen at the end.
    const name = `${"x".repeat(57)} ${"y".repeat(10)}`;
    const [first, second] = uniqueSlugs([name, name]);
    expect(first).toBe(`${"x".repeat(57)}-yy`);
    expect(second!.length).toBeLessThanOrEqual(60);
    expect(second).not.toBe(first);
    expect(slugSchema.safeParse(second).success, second).toBe(true);
  });

  test("an empty list gives no keys", () => {
    expect(uniqueSlugs([])).toEqual([]);
  });
});
