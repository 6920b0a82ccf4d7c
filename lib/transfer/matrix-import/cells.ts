// How one table cell of an imported matrix is read: RACI letters, "N/A", nothing ("-"), or duties.
// Duties are split at line breaks and list markers always, and at commas only when the file's rule
// says so (a comma list and a sentence with commas look alike). Each duty's strength comes from an
// explicit prefix ("Should:") or from the wording ("we recommend", "may", "is not responsible for").
// Every decision is written down in `notes`, so the preview can show how the cell was read. Pure.
import { splitDutyCell } from "@/lib/domain/duty-cells";
import { lineToDuty, type DutyLine } from "@/lib/domain/duty-lines";
import { parseRaci } from "@/lib/domain/raci";

export type SplitRule = "lines" | "commas";

export interface CellReading {
  kind: "duties" | "not-applicable" | "empty" | "raci";
  duties: DutyLine[];
  raci?: string;
  /** How the text was read, in words ("RACI letters A/R → RA", "split at commas into 3 duties"). */
  notes: string[];
}

/** Short capital letters ("RX", "R/R"): in a table of RACI letters, a mistyped one rather than a duty. */
export function looksLikeLetters(raw: string): boolean {
  return /^[A-Z](?:\s*[/,+&]?\s*[A-Z]){0,3}$/.test(plainText(raw));
}

/**
 * Markdown emphasis, code and links reduced to their text. No pattern looks past the next opening
 * delimiter, so a long cell of unclosed ones ("_a _a _a …", "[[[…") is read in linear time.
 */
export function plainText(text: string): string {
  return text
    .replace(/\[([^[\]]*)\]\([^()]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/\*(\S(?:[^*]*?\S)?)\*/g, "$1")
    .replace(/_(\S(?:[^_]*?\S)?)_/g, "$1")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/<br\s*\/?>/gi, "\n")
    .trim();
}

const listMarker = /^\s*(?:[-*•·]|\d+[.)])\s+/;

const wordings: [RegExp, DutyLine["strength"], string][] = [
  [
    /\b(is|are|am) not responsible for\b|\bnot (covered|included|provided|offered)\b|\b(does|do) not (provide|offer|include|cover|manage|perform|handle|guarantee)\b/i,
    "excluded",
    "an exclusion",
  ],
  [/\bwe recommend\b|\bit is recommended\b|\b(is|are) recommended\b|\bshould\b/i, "should", "a recommendation"],
  [/\b(may|can optionally|optionally)\b|\boptional\b/i, "may", "optional"],
];

/** A duty's strength from its wording, when it has no explicit prefix; "must" otherwise. */
function withStrength(line: string, notes: string[]): DutyLine {
  const explicit = lineToDuty(line);
  if (explicit.strength) {
    notes.push(`“${truncate(explicit.text)}” is marked ${explicit.strength}`);
    return explicit;
  }
  for (const [pattern, strength, what] of wordings)
    if (pattern.test(line)) {
      const word = line.match(pattern)?.[0] ?? "";
      notes.push(`“${truncate(line)}” reads as ${what} (“${word}”): ${strength}`);
      return { text: line, strength };
    }
  return { text: line };
}

const truncate = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

export function readCell(raw: string, rule: SplitRule): CellReading {
  const text = plainText(raw);
  if (text === "" || /^[-–—]$/.test(text)) return { kind: "empty", duties: [], notes: [] };
  if (/^(n\/?a|not applicable)$/i.test(text)) return { kind: "not-applicable", duties: [], notes: ["N/A"] };
  const raci = parseRaci(text);
  if (raci) {
    const notes = [raci === text.trim() ? `RACI letters ${raci}` : `RACI letters “${text.trim()}” → ${raci}`];
    return { kind: "raci", duties: [], raci, notes };
  }
  const notes: string[] = [];
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const listed = lines.length > 1 || lines.some((l) => listMarker.test(l));
  let items = lines.map((l) => l.replace(listMarker, "").trim()).filter(Boolean);
  if (listed) notes.push(`${items.length} ${items.length === 1 ? "duty" : "duties"}, one per line`);
  if (rule === "commas") {
    const split = items.flatMap((item) => splitDutyCell(item));
    if (split.length > items.length) notes.push(`split at commas into ${split.length} duties`);
    items = split;
  } else if (!listed && /, /.test(text))
    notes.push("one duty (commas kept: the file's rule splits at line breaks only)");
  return { kind: "duties", duties: items.map((item) => withStrength(item, notes)), notes };
}
