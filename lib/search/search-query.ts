// The pure parts of the catalog search: a query's terms, the segments of a highlighted text, and
// which matched fields a hit shows. The database does the matching (search-catalog.ts).
import type { SearchMatchDto } from "@/lib/validation/api";

/** A piece of displayed text; `match` marks what a query word matched. */
export interface TextSegment {
  text: string;
  match: boolean;
}

export interface SearchTerm {
  /** As typed: a word, or the words of a "quoted phrase". */
  text: string;
  /** Folded (lower case, no accents): how the results name it. */
  word: string;
  phrase: boolean;
}

/** Terms beyond this many are ignored (a query is at most 100 characters anyway). */
export const maxSearchTerms = 8;

const combiningMarks = /\p{M}/gu;
const wordCharacter = /[\p{L}\p{N}]/u;

/** Lower case without accents, as the database's search configuration reads text. */
export function foldText(text: string): string {
  return text.normalize("NFD").replace(combiningMarks, "").toLowerCase();
}

/**
 * The query's terms: whitespace separates words, double quotes keep a phrase together. Terms
 * without a letter or digit ("%_%", "-") find nothing and are dropped, as are repeats.
 */
export function searchTerms(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const match of query.matchAll(/"([^"]+)"|([^\s"]+)/g)) {
    const text = (match[1] ?? match[2] ?? "").trim().replace(/\s+/g, " ");
    const word = foldText(text);
    if (!wordCharacter.test(text) || terms.some((t) => t.word === word)) continue;
    terms.push({ text, word, phrase: match[1] !== undefined && text.includes(" ") });
    if (terms.length === maxSearchTerms) break;
  }
  return terms;
}

// Private-use characters mark matches in ts_headline's output; they are removed from the text first,
// so database text can never forge a mark (and no HTML is involved anywhere).
export const markStart = "\uE000";
export const markEnd = "\uE001";
export const markers = markStart + markEnd;

export const stripMarkers = (text: string) => text.replaceAll(markStart, "").replaceAll(markEnd, "");

/** ts_headline's output cut into plain and matched segments (adjacent pieces of a kind merged). */
export function headlineSegments(headline: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let at = 0;
  while (at < headline.length) {
    const start = headline.indexOf(markStart, at);
    if (start === -1) break;
    const end = headline.indexOf(markEnd, start + 1);
    if (end === -1) break;
    segments.push(
      { text: headline.slice(at, start), match: false },
      { text: headline.slice(start + 1, end), match: true },
    );
    at = end + 1;
  }
  segments.push({ text: stripMarkers(headline.slice(at)), match: false });
  return mergeSegments(segments);
}

const hasWord = (text: string) => wordCharacter.test(text);

/**
 * An excerpt of `text` as segments: "…" where ts_headline left words out before or after it, and
 * the punctuation it drops at either end put back.
 */
export function excerptSegments(text: string, headline: string): TextSegment[] {
  const segments = headlineSegments(headline);
  const plain = stripMarkers(headline).trim();
  const whole = stripMarkers(text).trim();
  const at = plain ? whole.indexOf(plain) : -1;
  const before = at === -1 ? "" : whole.slice(0, at);
  const after = at === -1 ? "" : whole.slice(at + plain.length);
  if (at !== -1 && !hasWord(before)) segments.unshift({ text: before, match: false });
  else if (plain) segments.unshift({ text: "… ", match: false });
  if (at !== -1 && !hasWord(after)) segments.push({ text: after, match: false });
  else if (plain) segments.push({ text: " …", match: false });
  return mergeSegments(segments);
}

function mergeSegments(segments: readonly TextSegment[]): TextSegment[] {
  const merged: TextSegment[] = [];
  for (const { text, match } of segments) {
    const last = merged.at(-1);
    if (!text) continue;
    if (last && last.match === match) last.text += text;
    else merged.push({ text, match });
  }
  return merged;
}

export interface MatchedField {
  field: SearchMatchDto["field"];
  label: string;
  text: string;
  headline: string;
  /** Bit i set: the field holds the query's term i. */
  mask: number;
}

/** Excerpts shown per hit besides its name. */
const maxMatchesShown = 2;

const bitCount = (mask: number) => {
  let count = 0;
  for (let m = mask; m; m &= m - 1) count++;
  return count;
};

/**
 * The fewest fields (at most two, in their order) that show the terms the hit's name and context
 * (`covered`) do not: each pick is the field adding the most terms not shown yet.
 */
export function pickMatches(fields: readonly MatchedField[], covered: number): SearchMatchDto[] {
  const shown = new Set<number>();
  let seen = covered;
  while (shown.size < maxMatchesShown) {
    let best = -1;
    let bestGain = 0;
    fields.forEach((f, i) => {
      const gain = shown.has(i) ? 0 : bitCount(f.mask & ~seen);
      if (gain > bestGain) [best, bestGain] = [i, gain];
    });
    if (best === -1) break;
    shown.add(best);
    seen |= fields[best]!.mask;
  }
  return [...shown]
    .sort((a, b) => a - b)
    .map((i) => {
      const f = fields[i]!;
      return { field: f.field, label: f.label, snippet: excerptSegments(f.text, f.headline) };
    });
}

/** Edits (insert, delete, substitute, swap neighbours) between two words: optimal string alignment. */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  const d = Array.from({ length: s.length + 1 }, (_, i) => Array.from({ length: t.length + 1 }, (_, j) => i || j));
  for (let i = 1; i <= s.length; i++)
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[s.length]![t.length]!;
}

/**
 * Whether a word the trigram index found stands in for what was typed: it holds the typed word (a
 * part of a word, "snapsh", "pshot"), or is a typo away (one edit up to 5 letters, two beyond).
 */
export function isNearMiss(typed: string, word: string): boolean {
  if (word.includes(typed)) return true;
  return editDistance(typed, word) <= ([...typed].length <= 5 ? 1 : 2);
}
