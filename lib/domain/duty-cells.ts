// How a matrix cell maps to duties, as the seed documents write them. Pure.
import type { AssignmentValue } from "./assignment";

export interface DutySide {
  duties: string[];
  /** The cell says "N/A": not applicable, as opposed to nothing listed ("-" or blank). */
  notApplicable: boolean;
}

/** Splits a cell at ", " outside parentheses: "MFA infrastructure (TOTP and Passkeys), API tokens" is two duties. */
export function splitDutyCell(cell: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = "";
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i]!;
    if (ch === "(") depth++;
    if (ch === ")") depth = Math.max(0, depth - 1);
    if (depth === 0 && ch === "," && cell[i + 1] === " ") {
      items.push(current);
      current = "";
      i++;
      continue;
    }
    current += ch;
  }
  items.push(current);
  return items.map((item) => item.trim()).filter(Boolean);
}

export function parseDutyCell(cell: string): DutySide {
  const text = cell.trim();
  if (/^n\/?a$/i.test(text)) return { duties: [], notApplicable: true };
  if (text === "" || /^[-–—]$/.test(text)) return { duties: [], notApplicable: false };
  return { duties: splitDutyCell(text), notApplicable: false };
}

/** Duties on both sides are shared; one side only is that side's; none says nothing (null). */
export function assignmentFromDuties(provider: readonly string[], customer: readonly string[]): AssignmentValue | null {
  if (provider.length && customer.length) return "shared";
  if (provider.length) return "provider";
  if (customer.length) return "customer";
  return null;
}
