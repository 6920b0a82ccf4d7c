import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { changelogFeedAlternates, metaDescription } from "@/lib/page-metadata";

describe("metaDescription", () => {
  test("keeps short text, on one line", () => {
    expect(metaDescription("  Managed   databases\nfor you. ")).toBe("Managed databases for you.");
  });

  test("cuts long text at a word, within the limit, with an ellipsis", () => {
    const text = `${"word ".repeat(40)}end`;
    const description = metaDescription(text);
    expect(description.length).toBeLessThanOrEqual(160);
    expect(description).toMatch(/^(word )+word…$/);
    expect(metaDescription("Alpha, beta, gamma, delta", 14)).toBe("Alpha, beta…");
  });

  test("a single long word is cut inside it rather than left whole", () => {
    expect(metaDescription("x".repeat(300))).toBe(`${"x".repeat(159)}…`);
  });
});

test("the changelog feed alternate names the provider's feed", () => {
  expect(changelogFeedAlternates({ slug: "a b", name: "A" })).toEqual({
    types: { "application/atom+xml": [{ url: "/providers/a%20b/changelog.atom", title: "A changelog" }] },
  });
});

/** Every page.tsx under app/, as [route, source]. */
function pages(): [string, string][] {
  const root = path.resolve(import.meta.dirname, "../../app");
  const found: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "page.tsx") found.push([path.relative(root, dir) || "/", readFileSync(full, "utf8")]);
    }
  };
  walk(root);
  return found;
}

test.each(pages())("page %s has its own meta description", (_route, source) => {
  // The metadata export, up to the end of its object or function.
  const block = /export const metadata[\s\S]*?\n};|export (?:async )?function generateMetadata[\s\S]*?\n}/.exec(
    source,
  )?.[0];
  expect(block, "exports metadata or generateMetadata").toBeDefined();
  expect(block).toMatch(/\bdescription\b/);
});
