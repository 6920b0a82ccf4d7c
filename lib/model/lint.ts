// Editorial checks on a provider document (draft or published): things a reader would trip over,
// including some the schema also refuses (lint must cope with drafts that do not parse cleanly).
// Pure; issues come in document order (cross-cutting areas, then services). Rules:
//
// Areas (lint-area.ts):
// - unassigned-area (error): an area that is not "n/a" but nobody is responsible for: its parties
//   (defaults applied) name nobody, or no party lists a duty (and the row has no RACI letters).
// - area-without-duties (warning): the latter, when a note or interpretation explains it (Alibaba's
//   ACS items whose descriptions the source lost): the data is known to be incomplete, not wrong.
// - assignment-contradicts-cells (error): the assignment leaves out a party that lists duties
//   ("customer" while the provider lists some; "n/a" with duties). Excluded duties do not count; a
//   best-effort provider's customer may list duties; RACI rows are checked by their letters instead;
//   a stated assignmentReason (a party's part applies only under some deployment models) settles it.
// - shared-party-without-duties (warning): "shared", but one of its parties lists nothing and is not N/A.
// - na-with-duties (error): a party marked N/A that lists duties.
// - raci-accountable (warning): a RACI row without exactly one Accountable party.
// - raci-assignment-mismatch (error): the assignment (or its parties) differs from what the RACI
//   letters imply (lib/domain/raci.ts) and no reason is given.
// Lists:
// - duplicate-area-name (error): a name repeated within one group of a service or of the
//   cross-cutting list, trimmed and case-insensitive; the same name on different planes is two
//   areas. On the repeat.
// - unassigned-component (error): a layer component with assignment null, unless the service's
//   deployment models all assign it (its owner depends on the model; readers are told so).
// Diagram against matrix (lint-links.ts):
// - component-area-mismatch (warning): a layer or component linked to an area (`area`) holds another
//   assignment or other parties than that area, by default or under a deployment model, and no
//   `areaInterpretation` says why.
// - assignment-parties-mismatch (error): parties that do not fit the assignment (partiesProblem,
//   defaultParties when omitted), or parties without an assignment; on areas, layers, components
//   and deployment-model assignments.
// The model as a whole:
// - empty-model (error): no services and no cross-cutting areas: readers would open an empty page
//   (a new provider starts like this).
// - service-without-areas (warning): a service with neither areas nor layers to show.
import type { ProviderDocument } from "@/lib/validation/provider-document";
import { defaultParties, partiesProblem, type AssignmentValue, type PartyRef } from "@/lib/domain/assignment";
import { lintAreaCells, type AreaRule } from "./lint-area";
import { lintAreaLinks, variesByModel, type LinkRule } from "./lint-links";

export type LintSeverity = "error" | "warning";

export type LintRule =
  | AreaRule
  | LinkRule
  | "duplicate-area-name"
  | "unassigned-component"
  | "assignment-parties-mismatch"
  | "empty-model"
  | "service-without-areas";

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
    const carriers = checkParties(area.assignment, area.parties, path, what, where, true);
    lintAreaCells(area, path, {
      parties: doc.parties,
      carriers,
      what,
      push: (severity, rule, message, at) => push(severity, rule, message, at, where),
    });
  };

  const lintAreaList = (areas: readonly Area[], path: Path, service: Service | null) => {
    const firstSeen = new Map<string, number>();
    areas.forEach((area, i) => {
      const at = [...path, i];
      lintArea(area, at, service);
      // Alibaba's ACS lists one item on each plane: same name, different plane, two areas. A RACI
      // matrix repeats an activity in several phases: same name, different group, two areas.
      const key = `${sameNameKey(area.name)}|${area.plane ?? ""}|${area.group ?? ""}`;
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

  if (doc.services.length === 0 && doc.crossCuttingAreas.length === 0)
    push(
      "error",
      "empty-model",
      "The provider has no services or cross-cutting areas yet: add a service, or import a matrix, before publishing.",
      ["services"],
    );
  lintAreaList(doc.crossCuttingAreas, ["crossCuttingAreas"], null);

  doc.services.forEach((service, si) => {
    const at: Path = ["services", si];
    if (service.areas.length === 0 && service.layers.length === 0)
      push(
        "warning",
        "service-without-areas",
        `Service "${service.name}" has no responsibility areas yet: readers would see an empty matrix`,
        [...at, "areas"],
        { service },
      );
    lintAreaList(service.areas, [...at, "areas"], service);

    service.layers.forEach((layer, li) => {
      const lAt = [...at, "layers", li];
      checkParties(layer.assignment, layer.parties, lAt, `Layer "${layer.name}" in service "${service.name}"`, {
        service,
      });
      layer.components.forEach((component, ci) => {
        const cAt = [...lAt, "components", ci];
        const what = `Component "${component.name}" in layer "${layer.name}" of service "${service.name}"`;
        if (component.assignment === null && !variesByModel(service, layer.key, component.key))
          push(
            "error",
            "unassigned-component",
            `${what} has no assignment (leave it empty only when every deployment model assigns it)`,
            [...cAt, "assignment"],
            { service },
          );
        checkParties(component.assignment, component.parties, cAt, what, { service });
      });
    });

    lintAreaLinks(service, at, doc.parties, (rule, message, path) => push("warning", rule, message, path, { service }));

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
