// Text fitting for the stack diagram. Text is measured roughly (no font metrics on the server).
import { diagramMetrics as m } from "./stack-diagram-metrics";

/** Rough width of text: ~7 units per character at 13px (0.54em); bold ~8 (0.62em, errs wide so fallback fonts fit). */
export function estimateTextWidth(text: string, fontSize: number = m.fontSize, bold = false): number {
  return text.length * fontSize * (bold ? 0.62 : 0.54);
}

/** How many characters fit in `width` at `fontSize` (at least 1). */
export function charsThatFit(width: number, fontSize: number = m.fontSize, bold = false): number {
  return Math.max(1, Math.floor(width / (fontSize * (bold ? 0.62 : 0.54))));
}

/** Shortens text to `maxChars`, ending with "…" when cut. */
export function ellipsize(text: string, maxChars: number): string {
  const limit = Math.max(1, Math.floor(maxChars));
  if (text.length <= limit) return text;
  if (limit === 1) return "…";
  return `${text.slice(0, limit - 1).trimEnd()}…`;
}

/**
 * Greedy word wrap into at most `maxLines` lines of at most `maxChars` characters. Breaks at spaces,
 * then after "-" or "/", and hard-breaks words that are still too long; the last line ends with "…"
 * when text is left over.
 */
export function wrapText(text: string, maxChars: number, maxLines: number): { lines: string[]; truncated: boolean } {
  const limit = Math.max(1, Math.floor(maxChars));
  const parts: { text: string; space: boolean }[] = [];
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const pieces = word.match(/[^-/]+[-/]*|[-/]+/g) ?? [word];
    pieces.forEach((piece, i) => {
      for (let start = 0; start < piece.length; start += limit) {
        parts.push({ text: piece.slice(start, start + limit), space: i === 0 && start === 0 });
      }
    });
  }
  const lines: string[] = [];
  let current = "";
  for (const part of parts) {
    const joined = current === "" ? part.text : `${current}${part.space ? " " : ""}${part.text}`;
    if (joined.length <= limit) current = joined;
    else {
      lines.push(current);
      current = part.text;
    }
  }
  if (current !== "") lines.push(current);
  if (lines.length === 0) return { lines: [""], truncated: false };
  const max = Math.max(1, maxLines);
  if (lines.length <= max) return { lines, truncated: false };
  const kept = lines.slice(0, max);
  const last = kept[max - 1] ?? "";
  kept[max - 1] = last.length + 1 <= limit ? `${last}…` : ellipsize(`${last}…`, limit);
  return { lines: kept, truncated: true };
}
