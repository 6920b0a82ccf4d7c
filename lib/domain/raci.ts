// RACI letters (Responsible, Accountable, Consulted, Informed) per party, and the documented rule
// that turns them into the assignment readers filter by. Pure.
import type { AssignmentValue, PartyRef, PartyRoleValue } from "./assignment";

const order = "RACI";

/**
 * A cell's RACI letters in R, A, C, I order, or null when the text is anything else. Accepts the
 * ways sources write them: "R", "RA", "A/R", "R, A", "r+a", "C, I".
 */
export function parseRaci(text: string): string | null {
  const compact = text
    .trim()
    .toUpperCase()
    .replace(/[\s/,+&;]+/g, "");
  if (!/^[RACI]{1,4}$/.test(compact)) return null;
  const letters = new Set(compact);
  if (letters.size !== compact.length) return null;
  return [...order].filter((l) => letters.has(l)).join("");
}

export interface RaciCell {
  party: string;
  raci?: string;
}

const roleAssignment: Record<PartyRoleValue, AssignmentValue> = {
  provider: "provider",
  customer: "customer",
  "third-party": "third-party",
};

/**
 * The assignment RACI letters imply. The parties that carry the work are those marked R; if no
 * party is R, those marked A. One such party: its role ("provider", "customer", "third-party").
 * Several: "shared" between them. Nobody R or A (only C and I, or no letters): null — the
 * assignment is not derived and must be given.
 */
export function assignmentFromRaci(
  cells: readonly RaciCell[],
  parties: readonly PartyRef[],
): { assignment: AssignmentValue; parties: string[] } | null {
  const marked = (letter: string) =>
    parties.filter((p) => cells.some((c) => c.party === p.key && c.raci?.includes(letter))).map((p) => p.key);
  const responsible = marked("R").length ? marked("R") : marked("A");
  if (responsible.length === 0) return null;
  if (responsible.length > 1) return { assignment: "shared", parties: responsible };
  const role = parties.find((p) => p.key === responsible[0])!.role;
  return { assignment: roleAssignment[role], parties: responsible };
}

/** Does the row use RACI at all (any party has letters)? */
export function hasRaci(cells: readonly RaciCell[]): boolean {
  return cells.some((c) => c.raci !== undefined && c.raci !== "");
}

/** How many parties are Accountable: a RACI row should have exactly one. */
export function accountableCount(cells: readonly RaciCell[]): number {
  return cells.filter((c) => c.raci?.includes("A")).length;
}
