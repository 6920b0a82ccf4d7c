// The check that a stack diagram agrees with its matrix (see lint.ts for the list of rules). A layer
// or component that names the area (matrix row) it corresponds to should carry the same assignment
// and parties as that area — by default and under every deployment model — unless an
// `areaInterpretation` says why the two differ. Pure.
import type { ProviderDocument } from "@/lib/validation/provider-document";
import { assignmentMeta, defaultParties, type AssignmentValue, type PartyRef } from "@/lib/domain/assignment";
import { componentRef } from "./deployment-model";

type Service = ProviderDocument["services"][number];
type Model = Service["deploymentModels"][number];
type Path = (string | number)[];

export type LinkRule = "component-area-mismatch";

interface Held {
  assignment: AssignmentValue;
  parties: string[];
}

/** The assignments in force under `model`: its group's first, then its own (a variant overrides its group). */
function modelChain(models: readonly Model[], model: Model): Model["assignments"] {
  const chain: Model[] = [];
  const seen = new Set<string>();
  for (
    let m: Model | undefined = model;
    m && !seen.has(m.key);
    m = m.group ? models.find((g) => g.key === m!.group) : undefined
  ) {
    seen.add(m.key);
    chain.unshift(m);
  }
  return chain.flatMap((m) => m.assignments);
}

function sameHolding(a: Held, b: Held): boolean {
  return (
    a.assignment === b.assignment &&
    a.parties.length === b.parties.length &&
    a.parties.every((k) => b.parties.includes(k))
  );
}

/** "Shared (Customer, Contain)". */
function describe(held: Held, name: (key: string) => string): string {
  return `${assignmentMeta[held.assignment].label} (${held.parties.map(name).join(", ") || "nobody"})`;
}

/** True when the component's default is null and every top-level deployment model assigns it. */
export function variesByModel(service: Service, layerKey: string, componentKey: string): boolean {
  const ref = componentRef(layerKey, componentKey);
  const tops = service.deploymentModels.filter((m) => m.group === undefined);
  return tops.length > 0 && tops.every((m) => modelChain(service.deploymentModels, m).some((a) => a.component === ref));
}

export function lintAreaLinks(
  service: Service,
  at: Path,
  parties: readonly (PartyRef & { name: string })[],
  push: (rule: LinkRule, message: string, path: Path) => void,
): void {
  const name = (key: string) => parties.find((p) => p.key === key)?.name ?? key;
  const held = (assignment: AssignmentValue | null | undefined, keys: string[] | undefined): Held | null =>
    assignment ? { assignment, parties: keys ?? defaultParties(assignment, parties) } : null;

  /** One box (a layer, or a component when `ref` is given) against its area, by default and per model. */
  const check = (
    box: {
      name: string;
      assignment?: AssignmentValue | null;
      parties?: string[];
      area?: string;
      areaInterpretation?: string;
    },
    what: string,
    ref: string | null,
    path: Path,
  ) => {
    if (box.area === undefined || box.areaInterpretation) return;
    const area = service.areas.find((a) => a.key === box.area);
    if (!area) return; // the schema reports a link to nothing
    const differences: string[] = [];
    const compare = (label: string, b: Held | null, a: Held | null) => {
      if (b && a && !sameHolding(b, a))
        differences.push(`${label}: ${describe(b, name)} in the diagram, ${describe(a, name)} in the matrix`);
    };
    const boxDefault = held(box.assignment, box.parties);
    const areaDefault = held(area.assignment, area.parties);
    compare("by default", boxDefault, areaDefault);
    for (const model of service.deploymentModels) {
      let b = boxDefault;
      let a = areaDefault;
      for (const o of modelChain(service.deploymentModels, model)) {
        if (ref !== null && o.component === ref) b = held(o.assignment, o.parties);
        if (o.area === area.key) a = held(o.assignment, o.parties);
      }
      // Nothing changed under this model: the default comparison already said it.
      if (b === boxDefault && a === areaDefault) continue;
      compare(`under "${model.name}"`, b, a);
    }
    if (differences.length)
      push(
        "component-area-mismatch",
        `${what} and its matrix row "${area.name}" disagree — ${differences.join("; ")}: make them agree, or say why they differ (areaInterpretation)`,
        [...path, "areaInterpretation"],
      );
  };

  service.layers.forEach((layer, li) => {
    const lAt = [...at, "layers", li];
    check(layer, `Layer "${layer.name}" of service "${service.name}"`, null, lAt);
    layer.components.forEach((component, ci) =>
      check(
        component,
        `Component "${component.name}" in layer "${layer.name}" of service "${service.name}"`,
        componentRef(layer.key, component.key),
        [...lAt, "components", ci],
      ),
    );
  });
}
