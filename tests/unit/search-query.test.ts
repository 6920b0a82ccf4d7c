import { describe, expect, test } from "vitest";
import {
  editDistance,
  excerptSegments,
  headlineSegments,
  isNearMiss,
  markEnd,
  markStart,
  maxSearchTerms,
  pickMatches,
  searchTerms,
  type MatchedField,
  type TextSegment,
} from "@/lib/search/search-query";

const marked = (segments: TextSegment[]) => segments.map((s) => (s.match ? `[${s.text}]` : s.text)).join("");
/** Writes ts_headline's markers as [ and ]. */
const hl = (text: string) => text.replaceAll("[", markStart).replaceAll("]", markEnd);

describe("searchTerms", () => {
  test("splits on whitespace, keeps quoted phrases, folds for comparison and drops repeats", () => {
    expect(searchTerms('  Backup  SÉCURITÉ "access   Management" backup ')).toEqual([
      { text: "Backup", word: "backup", phrase: false },
      { text: "SÉCURITÉ", word: "securite", phrase: false },
      { text: "access Management", word: "access management", phrase: true },
    ]);
  });

  test("terms without a letter or digit are dropped; a one-word quote is a word", () => {
    expect(searchTerms('%_% - "" "kubevirt"').map((t) => [t.text, t.phrase])).toEqual([["kubevirt", false]]);
    expect(searchTerms('"kubevirt')).toEqual([{ text: "kubevirt", word: "kubevirt", phrase: false }]);
  });

  test("at most the first terms count", () => {
    const words = Array.from({ length: maxSearchTerms + 3 }, (_, i) => `w${i}`);
    expect(searchTerms(words.join(" ")).map((t) => t.text)).toEqual(words.slice(0, maxSearchTerms));
  });
});

describe("headlineSegments", () => {
  test("cuts at the markers and merges neighbours of a kind", () => {
    expect(headlineSegments(hl("[Sécurité] des [données]"))).toEqual([
      { text: "Sécurité", match: true },
      { text: " des ", match: false },
      { text: "données", match: true },
    ]);
    expect(marked(headlineSegments(hl("CSA CCM [CEK][-03]")))).toBe("CSA CCM [CEK-03]");
  });

  test("an unpaired marker is dropped, never shown", () => {
    expect(headlineSegments(`a ${markStart}b`)).toEqual([{ text: "a b", match: false }]);
    expect(headlineSegments(`a ${markEnd}b`)).toEqual([{ text: "a b", match: false }]);
  });
});

describe("excerptSegments", () => {
  test("the whole text keeps its punctuation; a cut one says so", () => {
    const text = "Sovereign hosting on Danube riverbanks.";
    expect(marked(excerptSegments(text, hl("Sovereign hosting on Danube [riverbanks]")))).toBe(
      "Sovereign hosting on Danube [riverbanks].",
    );
    expect(marked(excerptSegments(text, hl("hosting on [Danube]")))).toBe("… hosting on [Danube] …");
    expect(marked(excerptSegments(`(${text}`, hl("Sovereign hosting on Danube [riverbanks]")))).toBe(
      "(Sovereign hosting on Danube [riverbanks].",
    );
  });
});

describe("near misses", () => {
  test("edit distance counts a swap of neighbours as one edit", () => {
    expect(editDistance("backpu", "backup")).toBe(1);
    expect(editDistance("backup", "backups")).toBe(1);
    expect(editDistance("backpu", "backend")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });

  test("a typo or a part of the word stands in; a merely similar word does not", () => {
    expect(isNearMiss("backpu", "backup")).toBe(true);
    expect(isNearMiss("snapsh", "snapshots")).toBe(true);
    expect(isNearMiss("pshot", "snapshots")).toBe(true);
    expect(isNearMiss("backpu", "backend")).toBe(false);
    expect(isNearMiss("data", "date")).toBe(true);
    expect(isNearMiss("data", "dare")).toBe(false);
  });
});

describe("pickMatches", () => {
  const field = (label: string, mask: number): MatchedField => ({
    field: "duty",
    label,
    text: label,
    headline: label,
    mask,
  });

  test("shows the fewest fields (at most two) holding the terms the name does not, in their order", () => {
    const fields = [field("a", 0b001), field("b", 0b110), field("c", 0b100), field("d", 0b011)];
    expect(pickMatches(fields, 0).map((m) => m.label)).toEqual(["a", "b"]);
    expect(pickMatches(fields, 0b110).map((m) => m.label)).toEqual(["a"]);
    expect(pickMatches(fields, 0b111)).toEqual([]);
  });
});
