import { describe, expect, test } from "vitest";
import { foldText, matchText, searchWords, segmentText, snippet, type TextSegment } from "@/lib/search/search-text";

const marked = (segments: TextSegment[]) => segments.map((s) => (s.match ? `[${s.text}]` : s.text)).join("");

describe("searchWords", () => {
  test("splits on whitespace, folds case and accents, keeps quoted phrases and drops repeats", () => {
    expect(searchWords('  Backup  SÉCURITÉ "access   Management" backup ')).toEqual([
      "backup",
      "securite",
      "access management",
    ]);
  });

  test("a lone quote is not part of any word", () => {
    expect(searchWords('"kubevirt')).toEqual(["kubevirt"]);
    expect(searchWords('" "')).toEqual([]);
  });
});

describe("matchText", () => {
  test("finds each word anywhere, in any order, ignoring case and accents", () => {
    const text = "Sécurité des données: Backups & Snapshots";
    const match = matchText(text, ["snapshots", "securite", "missing"]);
    expect([...match.words].sort()).toEqual([0, 1]);
    expect(marked(segmentText(text, match.ranges))).toBe("[Sécurité] des données: Backups & [Snapshots]");
  });

  test("maps matches back onto decomposed accents and characters that fold to several", () => {
    const decomposed = "Se\u0301curite\u0301 first";
    expect(marked(segmentText(decomposed, matchText(decomposed, ["securite"]).ranges))).toBe(
      "[Se\u0301curite\u0301] first",
    );
    // "İ" folds to "i": the whole original character is marked.
    expect(marked(segmentText("İstanbul", matchText("İstanbul", ["istanbul"]).ranges))).toBe("[İstanbul]");
  });

  test("overlapping and adjacent matches merge into one mark; wildcards are literal", () => {
    const text = "backup backups";
    expect(marked(segmentText(text, matchText(text, ["back", "ckup"]).ranges))).toBe("[backup] [backup]s");
    expect(matchText("100% done", ["%_%"]).words.size).toBe(0);
    expect(matchText("100%_% done", ["%_%"]).words.size).toBe(1);
  });

  test("folding is the same for query and text", () => {
    expect(foldText("Ärger ÉTÉ")).toBe("arger ete");
  });
});

describe("snippet", () => {
  test("keeps short text whole", () => {
    const text = "Patch the guest operating system";
    expect(marked(snippet(text, matchText(text, ["guest"]).ranges))).toBe("Patch the [guest] operating system");
  });

  test("cuts long text around the first match at word boundaries, with ellipses", () => {
    const filler = "lorem ipsum dolor sit amet ".repeat(10);
    const text = `${filler}rotate the encryption keys every year ${filler}`;
    const result = snippet(text, matchText(text, ["encryption"]).ranges, 80);
    const shown = marked(result);
    expect(shown.startsWith("…")).toBe(true);
    expect(shown.endsWith("…")).toBe(true);
    expect(shown).toContain("rotate the [encryption] keys");
    expect(shown.length).toBeLessThanOrEqual(80 + 4);
    // Whole words only: the excerpt starts and ends at spaces of the original.
    expect(
      result[1]!.text.startsWith("lorem") || result[1]!.text.startsWith("ipsum") || /^[a-z]/.test(result[1]!.text),
    ).toBe(true);
    expect(text).toContain(
      result
        .slice(1, -1)
        .map((s) => s.text)
        .join(""),
    );
  });
});
