// The editorial checks of one responsibility area (see lint.ts for the list of rules). Pure.
import type { ProviderDocument } from "@/lib/validation/provider-document";
import { assignmentMeta, type PartyRef } from "@/lib/domain/assignment";
import { accountableCount, assignmentFromRaci, hasRaci } from "@/lib/domain/raci";

type Area = ProviderDocument["crossCuttingAreas"][number];
type Path = (string | number)[];

export interface AreaLintContext {
  parties: readonly (PartyRef & { name: string })[];
  /** The parties in effect (the area's, or the assignment's defaults). */
  carriers: readonly string[];
  what: string;
  push: (severity: "error" | "warning", rule: AreaRule, message: string, path: Path) => void;
}

export type AreaRule =
  | "unassigned-area"
  | "area-without-duties"
  | "shared-party-without-duties"
  | "na-with-duties"
  | "assignment-contradicts-cells"
  | "raci-accountable"
  | "raci-assignment-mismatch";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const dutiesOf = (cell: Area["cells"][number]) => cell.duties.filter((d) => d.strength !== "excluded");

export function lintAreaCells(area: Area, path: Path, ctx: AreaLintContext): void {
  const { what, push } = ctx;
  const name = (key: string) => ctx.parties.find((p) => p.key === key)?.name ?? key;
  area.cells.forEach((cell, ci) => {
    if (cell.notApplicable && cell.duties.length)
      push(
        "error",
        "na-with-duties",
        `${what}: ${name(cell.party)} is marked N/A but lists ${plural(cell.duties.length, "duty", "duties")}`,
        [...path, "cells", ci, "duties"],
      );
  });

  const raci = hasRaci(area.cells);
  if (raci) {
    const accountable = accountableCount(area.cells);
    if (accountable !== 1)
      push(
        "warning",
        "raci-accountable",
        `${what} has ${accountable === 0 ? "no Accountable party" : `${accountable} Accountable parties`}: a RACI row names exactly one "A"`,
        [...path, "cells"],
      );
    const derived = assignmentFromRaci(area.cells, ctx.parties);
    const sameParties =
      derived !== null &&
      derived.parties.length === ctx.carriers.length &&
      derived.parties.every((k) => ctx.carriers.includes(k));
    if (derived && (derived.assignment !== area.assignment || !sameParties) && !area.assignmentReason)
      push(
        "error",
        "raci-assignment-mismatch",
        `${what} is "${area.assignment}" but its RACI letters make it ${assignmentMeta[derived.assignment].label} (${derived.parties.map(name).join(", ")}): use that, or say why it differs`,
        [...path, "assignmentReason"],
      );
  }

  const holding = area.cells.filter((c) => dutiesOf(c).length > 0);
  if (area.assignment === "n/a") {
    if (holding.length)
      push(
        "error",
        "assignment-contradicts-cells",
        `${what} is "n/a" but ${holding.map((c) => name(c.party)).join(" and ")} ${holding.length === 1 ? "lists" : "list"} duties`,
        [...path, "assignment"],
      );
    return;
  }
  // A best-effort provider leaves the customer accountable: the customer's duties belong there.
  const mayHold = (party: string) =>
    ctx.carriers.includes(party) ||
    (area.assignment === "best-effort" && ctx.parties.find((p) => p.key === party)?.role === "customer");
  // A stated reason (the party's part applies only under some deployment models) settles it too.
  const strangers = raci || area.assignmentReason ? [] : holding.filter((c) => !mayHold(c.party));
  if (strangers.length)
    push(
      "error",
      "assignment-contradicts-cells",
      `${what} is "${assignmentMeta[area.assignment].label}" (${ctx.carriers.map(name).join(", ") || "nobody"}) but ${strangers.map((c) => name(c.party)).join(" and ")} also ${strangers.length === 1 ? "lists" : "list"} duties: change the assignment or its parties`,
      [...path, "assignment"],
    );

  if (ctx.carriers.length === 0) {
    push("error", "unassigned-area", `${what} is "${area.assignment}" but names no responsible party`, path);
    return;
  }
  if (holding.length === 0 && !raci) {
    if (area.notes || area.interpretation)
      push(
        "warning",
        "area-without-duties",
        `${what} is "${area.assignment}" but lists no duties (its note explains why)`,
        path,
      );
    else
      push(
        "error",
        "unassigned-area",
        `${what} is "${area.assignment}" but lists no duties, so nobody has anything to do: add duties, mark it "n/a", or add a note saying why none are listed`,
        path,
      );
    return;
  }
  if (area.assignment === "shared" && !raci)
    for (const party of ctx.carriers) {
      const cell = area.cells.find((c) => c.party === party);
      if (!cell || (!cell.notApplicable && dutiesOf(cell).length === 0))
        push("warning", "shared-party-without-duties", `${what} is shared, but ${name(party)} lists no duties`, [
          ...path,
          "cells",
        ]);
    }
}
