// Deployment models: how a service's default assignments change under one way of running it
// (Contain: "Customer Datacenters", with the variant "Air-Gapped"). Pure; shared by server, UI and tests.
import { toCaiqOwnership } from "@/lib/domain/assignment";
import type { AreaDto, ComponentDto, DeploymentModelDto, LayerDto, ServiceDetailDto } from "@/lib/validation/api";

export type DeploymentAssignment = DeploymentModelDto["assignments"][number];

/** An area as it applies under a deployment model. `overridden`: it differs from the service default. */
export type EffectiveArea = AreaDto & { overridden: boolean };

/**
 * A component as it applies under a deployment model. `overridden`: it differs from the service default.
 * `variesByModel`: it has no default of its own and deployment models assign it, and none that does
 * is chosen — its owner depends on the model (Contain's infrastructure).
 */
export type EffectiveComponent = ComponentDto & { overridden: boolean; variesByModel?: boolean };

export type EffectiveLayer = Omit<LayerDto, "components"> & { components: EffectiveComponent[] };

export interface EffectiveService {
  /** The chosen model, or null when none was asked for or the key is unknown (the caller decides 404 vs ignore). */
  model: DeploymentModelDto | null;
  /** The group the chosen model is a variant of, if any. */
  group: DeploymentModelDto | null;
  areas: EffectiveArea[];
  /** Bottom layer first, as in the service. */
  layers: EffectiveLayer[];
}

/** Reference used by deployment assignments for a component: "layerKey/componentKey". */
export function componentRef(layerKey: string, componentKey: string): string {
  return `${layerKey}/${componentKey}`;
}

export function findDeploymentModel(
  models: readonly DeploymentModelDto[],
  key: string | null | undefined,
): DeploymentModelDto | null {
  if (!key) return null;
  return models.find((m) => m.key === key) ?? null;
}

/**
 * The assignments in force for a model, in application order: the group's first, then the model's own,
 * so a variant overrides its group (and, within one model, a later entry overrides an earlier one).
 * Groups are one level deep in valid data; deeper chains are followed anyway, and cycles are cut.
 */
export function modelAssignmentChain(
  models: readonly DeploymentModelDto[],
  model: DeploymentModelDto,
): DeploymentAssignment[] {
  const chain: DeploymentModelDto[] = [];
  const seen = new Set<string>();
  let current: DeploymentModelDto | null = model;
  while (current && !seen.has(current.key)) {
    seen.add(current.key);
    chain.unshift(current);
    current = current.group ? findDeploymentModel(models, current.group) : null;
  }
  return chain.flatMap((m) => m.assignments);
}

function sameParties(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((k) => set.has(k));
}

/**
 * Applies a deployment model's assignments (and those of its group) to a service's areas and components.
 * An override replaces assignment, parties and the CAIQ mapping that follows from them, and the
 * interpretation when it brings its own (which explains the model's reading). `overridden` is true only
 * where the effective assignment or parties differ from the default, so a model that restates a
 * default does not mark it as changed.
 */
export function applyDeploymentModel(
  service: Pick<ServiceDetailDto, "areas" | "layers" | "deploymentModels" | "parties">,
  modelKey: string | null,
): EffectiveService {
  const model = findDeploymentModel(service.deploymentModels, modelKey);
  const group = model?.group ? findDeploymentModel(service.deploymentModels, model.group) : null;

  const byComponent = new Map<string, DeploymentAssignment>();
  const byArea = new Map<string, DeploymentAssignment>();
  if (model) {
    for (const a of modelAssignmentChain(service.deploymentModels, model)) {
      if (a.component !== null) byComponent.set(a.component, a);
      else if (a.area !== null) byArea.set(a.area, a);
    }
  }

  const areas: EffectiveArea[] = service.areas.map((area) => {
    const o = byArea.get(area.key);
    if (!o) return { ...area, overridden: false };
    return {
      ...area,
      assignment: o.assignment,
      parties: [...o.parties],
      caiq: toCaiqOwnership(o.assignment, o.parties, service.parties),
      interpretation: o.interpretation ?? area.interpretation,
      overridden: o.assignment !== area.assignment || !sameParties(o.parties, area.parties),
    };
  });

  const assignedByAModel = new Set(
    service.deploymentModels.flatMap((m) => m.assignments.flatMap((a) => (a.component === null ? [] : [a.component]))),
  );
  const layers: EffectiveLayer[] = service.layers.map((layer) => ({
    ...layer,
    components: layer.components.map((component): EffectiveComponent => {
      const ref = componentRef(layer.key, component.key);
      const o = byComponent.get(ref);
      if (!o)
        return component.assignment === null && assignedByAModel.has(ref)
          ? { ...component, overridden: false, variesByModel: true }
          : { ...component, overridden: false };
      return {
        ...component,
        assignment: o.assignment,
        parties: [...o.parties],
        interpretation: o.interpretation,
        overridden: o.assignment !== component.assignment || !sameParties(o.parties, component.parties),
      };
    }),
  }));

  return { model, group, areas, layers };
}

export interface DeploymentModelGroup {
  /** A top-level model (no group, or a group that does not exist). */
  model: DeploymentModelDto;
  /** Models that name `model` as their group, in their original order. */
  variants: DeploymentModelDto[];
}

/**
 * Deployment models as a one-level tree for a switcher: top-level models in their original order,
 * each with its variants. A model whose group is unknown (or itself) is shown as top-level; variants of
 * variants (invalid data) are attached to the top of their chain.
 */
export function deploymentModelTree(models: readonly DeploymentModelDto[]): DeploymentModelGroup[] {
  const byKey = new Map(models.map((m) => [m.key, m]));
  const rootOf = (m: DeploymentModelDto): DeploymentModelDto => {
    const seen = new Set<string>([m.key]);
    let current = m;
    for (;;) {
      const parent = current.group ? byKey.get(current.group) : undefined;
      if (!parent) return current;
      if (seen.has(parent.key)) return m; // a cycle (invalid data): show the model at the top level
      seen.add(parent.key);
      current = parent;
    }
  };
  const groups = new Map<string, DeploymentModelGroup>();
  for (const m of models) {
    if (rootOf(m).key === m.key && !groups.has(m.key)) groups.set(m.key, { model: m, variants: [] });
  }
  for (const m of models) {
    const root = rootOf(m);
    if (root.key !== m.key) groups.get(root.key)?.variants.push(m);
  }
  return [...groups.values()];
}
