import { describe, expect, test } from "vitest";
import { retrievedPhrase, sourceSectionHref, sourceSectionNumber } from "@/lib/domain/source-citation";
import { seedProviders } from "@/prisma/seed";

describe("source citations", () => {
  test("a numbered section links into the source as a text fragment", () => {
    expect(sourceSectionNumber("§2.1")).toBe("2.1");
    expect(sourceSectionNumber(" § 2.10 ")).toBe("2.10");
    expect(sourceSectionNumber("Annex A")).toBeNull();
    expect(sourceSectionHref("https://danubedata.ro/shared-responsibility", "§2.1")).toBe(
      "https://danubedata.ro/shared-responsibility#:~:text=2.1",
    );
    // An address with its own fragment keeps the page, not the fragment.
    expect(sourceSectionHref("https://example.com/srm#top", "§3")).toBe("https://example.com/srm#:~:text=3");
  });

  test("no link without a web address or a numbered section", () => {
    expect(sourceSectionHref(null, "§2.1")).toBeNull();
    expect(sourceSectionHref("javascript:alert(1)", "§2.1")).toBeNull();
    expect(sourceSectionHref("https://example.com", null)).toBeNull();
    expect(sourceSectionHref("https://example.com", "Introduction")).toBeNull();
  });

  test("the read date is stated as recorded", () => {
    expect(retrievedPhrase("2026-11-22")).toBe("read 2026-11-22");
    expect(retrievedPhrase("  ")).toBeNull();
    expect(retrievedPhrase(undefined)).toBeNull();
  });

  test("every seeded DanubeData service section links into its source page", () => {
    const danube = seedProviders.find((p) => p.slug === "danubedata")!;
    const links = danube.services.map((s) => sourceSectionHref(danube.source.url, s.sourceSection));
    expect(links).toEqual(
      ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8"].map(
        (n) => `https://danubedata.ro/shared-responsibility#:~:text=${n}`,
      ),
    );
  });
});
