// A duty as one line of text and back: plain text is a "must"; a leading "Should:", "May:" or
// "Not done:" (also "Excluded:") sets the strength. Editors and diffs use the same wording. Pure.
import { dutyStrengthLabels, type DutyStrength } from "./vocabulary";

export interface DutyLine {
  text: string;
  strength?: Exclude<DutyStrength, "must">;
}

export function dutyToLine(duty: { text: string; strength?: DutyStrength }): string {
  return duty.strength && duty.strength !== "must" ? `${dutyStrengthLabels[duty.strength]}: ${duty.text}` : duty.text;
}

const prefixes: [RegExp, Exclude<DutyStrength, "must">][] = [
  [/^should\s*:\s*/i, "should"],
  [/^may\s*:\s*/i, "may"],
  [/^(not done|excluded)\s*:\s*/i, "excluded"],
];

export function lineToDuty(line: string): DutyLine {
  const text = line.trim();
  for (const [prefix, strength] of prefixes) if (prefix.test(text)) return { text: text.replace(prefix, ""), strength };
  return { text };
}

/** One duty per non-empty line. */
export function linesToDuties(text: string): DutyLine[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map(lineToDuty);
}
