// Word matching for the catalog search. Pure. A query is a set of words (or "quoted phrases"); a
// word matches a text when it occurs in it ignoring case and accents ("securite" finds "Sécurité").
// Matches are reported as ranges of the original text, so a snippet can emphasise them.

/** A piece of displayed text; `match` marks what a query word matched. */
export interface TextSegment {
  text: string;
  match: boolean;
}

/** Half-open [start, end) offsets into the original text. */
export type TextRange = readonly [number, number];

export interface TextMatch {
  /** Indices (into the query's words) of the words found in the text. */
  words: ReadonlySet<number>;
  /** Where they were found, sorted and merged. */
  ranges: TextRange[];
}

const combiningMarks = /\p{M}/gu;

/** Lower case without accents: the form both query words and texts are compared in. */
export function foldText(text: string): string {
  return text.normalize("NFD").replace(combiningMarks, "").toLowerCase();
}

/** The query's words, folded and de-duplicated: whitespace separates them, double quotes keep a phrase together. */
export function searchWords(query: string): string[] {
  const words: string[] = [];
  for (const match of query.matchAll(/"([^"]+)"|([^\s"]+)/g)) {
    const word = foldText(match[1] ?? match[2] ?? "")
      .trim()
      .replace(/\s+/g, " ");
    if (word && !words.includes(word)) words.push(word);
  }
  return words;
}

/**
 * The folded text with, for each of its characters, the original range it came from (one original
 * character may fold to several, and a combining mark folds to nothing and joins the one before).
 */
function foldWithOffsets(text: string): { folded: string; starts: number[]; ends: number[] } {
  let folded = "";
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  for (const character of text) {
    const piece = foldText(character);
    const end = index + character.length;
    if (piece === "" && ends.length > 0) ends[ends.length - 1] = end;
    for (const unit of piece) {
      for (let i = 0; i < unit.length; i++) {
        starts.push(index);
        ends.push(end);
      }
      folded += unit;
    }
    index = end;
  }
  return { folded, starts, ends };
}

function mergeRanges(ranges: TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Which of the (folded) words occur in the text, and where. */
export function matchText(text: string, words: readonly string[]): TextMatch {
  const found = new Set<number>();
  const ranges: TextRange[] = [];
  if (!text) return { words: found, ranges };
  const { folded, starts, ends } = foldWithOffsets(text);
  words.forEach((word, wordIndex) => {
    if (!word) return;
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + word.length)) {
      found.add(wordIndex);
      ranges.push([starts[at]!, ends[at + word.length - 1]!]);
    }
  });
  return { words: found, ranges: mergeRanges(ranges) };
}

/** `text[from, to)` cut into plain and matched segments. */
export function segmentText(text: string, ranges: readonly TextRange[], from = 0, to = text.length): TextSegment[] {
  const segments: TextSegment[] = [];
  let at = from;
  for (const [rangeStart, rangeEnd] of ranges) {
    const start = Math.max(rangeStart, from);
    const end = Math.min(rangeEnd, to);
    if (end <= start) continue;
    if (start > at) segments.push({ text: text.slice(at, start), match: false });
    segments.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < to) segments.push({ text: text.slice(at, to), match: false });
  return segments;
}

/** Characters of context kept before the first match in a snippet. */
const leadingContext = 40;

/**
 * A short excerpt around the first match (whole words, "…" where text was left out), or the whole
 * text when it is short enough, with the matches marked.
 */
export function snippet(text: string, ranges: readonly TextRange[], maxLength = 160): TextSegment[] {
  if (text.length <= maxLength) return segmentText(text, ranges);
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - leadingContext);
  if (start > 0) {
    const space = text.indexOf(" ", start);
    start = space !== -1 && space < first ? space + 1 : start;
  }
  let end = Math.min(text.length, start + maxLength);
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    const firstEnd = ranges[0]?.[1] ?? 0;
    end = space > start && space >= firstEnd ? space : end;
  }
  const segments = segmentText(text, ranges, start, end);
  if (start > 0) segments.unshift({ text: "…", match: false });
  if (end < text.length) segments.push({ text: "…", match: false });
  return segments;
}
