// Editorial checks on a provider document (draft or published): things a reader would trip over,
// including some the schema also refuses (lint must cope with drafts that do not parse cleanly).
// Pure; issues come in document order (cross-cutting areas, then services). Rules:
//
// - unassigned-area (error): an area that is not "n/a" but nobody is responsible for: its parties
//   (defaults applied) name nobody, or it lists no duties on either side. "n/a" is a legitimate
//   assignment and never an issue here.
// - area-without-duties (warning): the latter, when a note or interpretation explains it (Alibaba's
//   ACS items whose descriptions the source lost): the data is known to be incomplete, not wrong.
// - shared-one-side-empty (warning): "shared" with no duties on a side that is not marked N/A and
//   whose party is among the area's parties (customer + hyperscaler may leave the provider empty).
// - na-with-duties (error): a side marked N/A that lists duties.
// - duplicate-area-name (error): a name repeated in one service or in the cross-cutting list,
//   trimmed and case-insensitive; the same name on different planes is two areas. On the repeat.
// - missing-sibling-area (warning): providers with 3+ services; an area (by areaMatchKey) that at
//   least half, and at least two, of the other services have.
// - unassigned-component (error): a layer component with assignment null.
// - assignment-parties-mismatch (error): parties that do not fit the assignment (partiesProblem,
//   defaultParties when omitted), or parties without an assignment; on areas, layers, components
//   and deployment-model assignments.
import type { ProviderDocument } from "@/lib/validation/provider-document";
import { defaultParties, partiesProblem, type AssignmentValue, type PartyRef } from "./assignment";
import { areaMatchKey } from "./compare";

export type LintSeverity = "error" | "warning";

export type LintRule =
  | "unassigned-area"
  | "area-without-duties"
  | "shared-one-side-empty"
  | "na-with-duties"
  | "duplicate-area-name"
  | "missing-sibling-area"
  | "unassigned-component"
  | "assignment-parties-mismatch";

export interface LintIssue {
  severity: LintSeverity;
  rule: LintRule;
  /** Names the service and area (or layer, component, deployment model) so a person can find it. */
  message: string;
  /** Where in the document, as in schema issues: ["services", 0, "areas", 3, "parties"]. */
  path: (string | number)[];
  /** Service slug; absent for cross-cutting areas. */
  service?: string;
  /** Area name, for issues about one area. */
  area?: string;
}

type Area = ProviderDocument["crossCuttingAreas"][number];
type Service = ProviderDocument["services"][number];
type Path = (string | number)[];

/** Fewest services a provider needs before missing-sibling-area compares them. */
export const SIBLING_MIN_SERVICES = 3;

export function hasLintErrors(issues: readonly LintIssue[]): boolean {
  return issues.some((i) => i.severity === "error");
}

/** Trimmed, case-folded, inner whitespace collapsed: "Data " and "data" are one name. */
function sameNameKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

function describeArea(area: Area, service: Service | null): string {
  const plane = area.plane ? ` (${area.plane} plane)` : "";
  return service
    ? `Area "${area.name}"${plane} in service "${service.name}"`
    : `Cross-cutting area "${area.name}"${plane}`;
}

export function lintProviderDocument(doc: ProviderDocument): LintIssue[] {
  const issues: LintIssue[] = [];
  const parties: PartyRef[] = doc.parties;
  const roleOf = new Map(parties.map((p) => [p.key, p.role]));

  const push = (
    severity: LintSeverity,
    rule: LintRule,
    message: string,
    path: Path,
    where: { service?: Service | null; area?: string } = {},
  ) =>
    issues.push({
      severity,
      rule,
      message,
      path,
      ...(where.service ? { service: where.service.slug } : {}),
      ...(where.area !== undefined ? { area: where.area } : {}),
    });

  /** Parties check for anything carrying an assignment; returns the keys actually in effect. */
  const checkParties = (
    assignment: AssignmentValue | null | undefined,
    keys: string[] | undefined,
    path: Path,
    what: string,
    where: { service?: Service | null; area?: string },
    /** Areas naming nobody are reported as unassigned-area instead. */
    emptyReportedElsewhere = false,
  ): string[] => {
    if (!assignment) {
      if (keys?.length)
        push(
          "error",
          "assignment-parties-mismatch",
          `${what} names parties but has no assignment`,
          [...path, "parties"],
          where,
        );
      return [];
    }
    const effective = keys ?? defaultParties(assignment, parties);
    if (emptyReportedElsewhere && effective.length === 0) return effective;
    const problem = partiesProblem(assignment, effective, parties);
    if (problem)
      push(
        "error",
        "assignment-parties-mismatch",
        `${what} is "${assignment}" but ${problem}`,
        [...path, "parties"],
        where,
      );
    return effective;
  };

  const lintArea = (area: Area, path: Path, service: Service | null) => {
    const what = describeArea(area, service);
    const where = { service, area: area.name };
    const keys = checkParties(area.assignment, area.parties, path, what, where, true);

    const sides = [
      { side: "provider", duties: area.providerDuties, na: area.providerNotApplicable ?? false },
      { side: "customer", duties: area.customerDuties, na: area.customerNotApplicable ?? false },
    ] as const;
    for (const s of sides)
      if (s.na && s.duties.length)
        push(
          "error",
          "na-with-duties",
          `${what}: the ${s.side} side is marked N/A but lists ${s.duties.length} dut${s.duties.length === 1 ? "y" : "ies"}`,
          [...path, `${s.side}Duties`],
          where,
        );

    if (area.assignment === "n/a") return;
    const noDuties = sides.every((s) => s.duties.length === 0);
    if (keys.length === 0) {
      push("error", "unassigned-area", `${what} is "${area.assignment}" but names no responsible party`, path, where);
    } else if (noDuties) {
      if (area.notes || area.interpretation)
        push(
          "warning",
          "area-without-duties",
          `${what} is "${area.assignment}" but lists no duties on either side (its note explains why)`,
          path,
          where,
        );
      else
        push(
          "error",
          "unassigned-area",
          `${what} is "${area.assignment}" but lists no duties on either side, so nobody has anything to do: add duties, mark it "n/a", or add a note saying why none are listed`,
          path,
          where,
        );
    }

    if (area.assignment === "shared" && !noDuties) {
      const roles = new Set(keys.map((k) => roleOf.get(k)));
      for (const s of sides)
        if (roles.has(s.side) && s.duties.length === 0 && !s.na)
          push(
            "warning",
            "shared-one-side-empty",
            `${what} is shared but the ${s.side} side lists no duties`,
            [...path, `${s.side}Duties`],
            where,
          );
    }
  };

  const lintAreaList = (areas: readonly Area[], path: Path, service: Service | null) => {
    const firstSeen = new Map<string, number>();
    areas.forEach((area, i) => {
      const at = [...path, i];
      lintArea(area, at, service);
      // Alibaba's ACS lists one item on each plane: same name, different plane, two areas.
      const key = `${sameNameKey(area.name)}|${area.plane ?? ""}`;
      const first = firstSeen.get(key);
      if (first === undefined) firstSeen.set(key, i);
      else
        push(
          "error",
          "duplicate-area-name",
          `${describeArea(area, service)} appears twice: row ${i + 1} repeats the name of row ${first + 1}`,
          [...at, "name"],
          { service, area: area.name },
        );
    });
  };

  lintAreaList(doc.crossCuttingAreas, ["crossCuttingAreas"], null);

  const areaKeys = doc.services.map((s) => new Set(s.areas.map((a) => areaMatchKey(a.name))));
  const displayName = new Map<string, string>();
  for (const s of doc.services)
    for (const a of s.areas) if (!displayName.has(areaMatchKey(a.name))) displayName.set(areaMatchKey(a.name), a.name);

  doc.services.forEach((service, si) => {
    const at: Path = ["services", si];
    lintAreaList(service.areas, [...at, "areas"], service);

    if (doc.services.length >= SIBLING_MIN_SERVICES) {
      const own = areaKeys[si]!;
      const others = areaKeys.filter((_, i) => i !== si);
      const needed = Math.max(2, Math.ceil(others.length / 2));
      for (const [key, name] of displayName) {
        if (own.has(key)) continue;
        const count = others.filter((keys) => keys.has(key)).length;
        if (count >= needed)
          push(
            "warning",
            "missing-sibling-area",
            `Service "${service.name}" has no area "${name}", which ${count} of the provider's ${others.length} other services have`,
            [...at, "areas"],
            { service, area: name },
          );
      }
    }

    service.layers.forEach((layer, li) => {
      const lAt = [...at, "layers", li];
      checkParties(layer.assignment, layer.parties, lAt, `Layer "${layer.name}" in service "${service.name}"`, {
        service,
      });
      layer.components.forEach((component, ci) => {
        const cAt = [...lAt, "components", ci];
        const what = `Component "${component.name}" in layer "${layer.name}" of service "${service.name}"`;
        if (component.assignment === null)
          push("error", "unassigned-component", `${what} has no assignment`, [...cAt, "assignment"], { service });
        checkParties(component.assignment, component.parties, cAt, what, { service });
      });
    });

    service.deploymentModels.forEach((model, mi) => {
      model.assignments.forEach((a, ai) => {
        const target = a.component !== undefined ? `component "${a.component}"` : `area "${a.area ?? ""}"`;
        checkParties(
          a.assignment,
          a.parties,
          [...at, "deploymentModels", mi, "assignments", ai],
          `Deployment model "${model.name}" of service "${service.name}", for ${target},`,
          { service, ...(a.area !== undefined ? { area: a.area } : {}) },
        );
      });
    });
  });

  return issues;
}
