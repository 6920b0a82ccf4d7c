// The rules of a provider document that span its parts: keys are unique where they are looked up,
// and every reference (party, group, layer, component, area, deployment model) names something that
// exists. Schema-level: a document that breaks one is refused (lint reports softer problems).
import { defaultParties, partiesProblem, type AssignmentValue, type PartyRef } from "@/lib/domain/assignment";
import type { ProviderDocument } from "./provider-document";

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;
type Area = ProviderDocument["crossCuttingAreas"][number];
type Group = ProviderDocument["crossCuttingGroups"][number];

const duplicates = (values: readonly string[]) => [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];

export function checkDocumentReferences(doc: ProviderDocument, issue: Report): void {
  const parties: PartyRef[] = doc.parties;
  for (const dup of duplicates(parties.map((p) => p.key))) issue(["parties"], `Duplicate party key "${dup}"`);
  if (!parties.some((p) => p.key === "provider" && p.role === "provider"))
    issue(["parties"], 'A party with key "provider" and role "provider" is required');
  if (!parties.some((p) => p.key === "customer" && p.role === "customer"))
    issue(["parties"], 'A party with key "customer" and role "customer" is required');
  const checkParties = (path: Path, assignment: AssignmentValue | null | undefined, keys: string[] | undefined) => {
    if (!assignment) {
      if (keys?.length) issue([...path, "parties"], "Parties need an assignment");
      return;
    }
    const problem = partiesProblem(assignment, keys ?? defaultParties(assignment, parties), parties);
    if (problem) issue([...path, "parties"], problem);
  };
  const partyKeys = new Set(parties.map((p) => p.key));

  const checkMatrix = (
    at: Path,
    groups: readonly Group[],
    areas: readonly Area[],
    layerKeys: ReadonlySet<string> | null,
  ) => {
    const groupsAt = [...at, at.length ? "groups" : "crossCuttingGroups"];
    const areasAt = [...at, at.length ? "areas" : "crossCuttingAreas"];
    checkGroups(groupsAt, groups, issue);
    const groupKeys = new Set(groups.map((g) => g.key));
    for (const dup of duplicates(areas.map((a) => a.key))) issue(areasAt, `Duplicate area key "${dup}"`);
    areas.forEach((area, ai) => {
      const path = [...areasAt, ai];
      checkParties(path, area.assignment, area.parties);
      if (area.group !== undefined && !groupKeys.has(area.group))
        issue([...path, "group"], `No group "${area.group}" here`);
      if (area.layer !== undefined && layerKeys === null)
        issue([...path, "layer"], "Cross-cutting areas have no layer");
      else if (area.layer !== undefined && !layerKeys?.has(area.layer))
        issue([...path, "layer"], `No layer "${area.layer}" in this service`);
      const cellParties = area.cells.map((c) => c.party);
      for (const dup of duplicates(cellParties)) issue([...path, "cells"], `Two cells for party "${dup}"`);
      area.cells.forEach((cell, ci) => {
        if (!partyKeys.has(cell.party)) issue([...path, "cells", ci, "party"], `No party "${cell.party}"`);
      });
    });
  };

  checkMatrix([], doc.crossCuttingGroups, doc.crossCuttingAreas, null);
  for (const dup of duplicates(doc.sections.map((s) => s.slug))) issue(["sections"], `Duplicate section "${dup}"`);
  for (const dup of duplicates(doc.services.map((s) => s.slug))) issue(["services"], `Duplicate service "${dup}"`);

  doc.services.forEach((service, si) => {
    const at = ["services", si];
    const layerKeys = service.layers.map((l) => l.key);
    for (const dup of duplicates(layerKeys)) issue([...at, "layers"], `Duplicate layer "${dup}"`);
    const componentRefs = new Set<string>();
    service.layers.forEach((layer, li) => {
      checkParties([...at, "layers", li], layer.assignment, layer.parties);
      for (const dup of duplicates(layer.components.map((c) => c.key)))
        issue([...at, "layers", li, "components"], `Duplicate component "${dup}"`);
      layer.components.forEach((c, ci) => {
        componentRefs.add(`${layer.key}/${c.key}`);
        checkParties([...at, "layers", li, "components", ci], c.assignment, c.parties);
      });
    });
    checkMatrix(at, service.groups, service.areas, new Set(layerKeys));
    const areaKeys = new Set(service.areas.map((a) => a.key));
    service.layers.forEach((layer, li) => {
      const lAt = [...at, "layers", li];
      if (layer.area !== undefined && !areaKeys.has(layer.area))
        issue([...lAt, "area"], `No area "${layer.area}" in this service`);
      layer.components.forEach((c, ci) => {
        const cAt = [...lAt, "components", ci];
        if (c.area !== undefined && !areaKeys.has(c.area))
          issue([...cAt, "area"], `No area "${c.area}" in this service`);
        if (c.markerOn !== undefined) {
          const host = layer.components.find((h) => h.key === c.markerOn);
          if (!host || host.key === c.key)
            issue([...cAt, "markerOn"], `No other component "${c.markerOn}" in this layer to mark`);
          else if (host.markerOn !== undefined)
            issue([...cAt, "markerOn"], `"${host.key}" is itself a marker; mark a component drawn as a box`);
        }
      });
    });
    for (const dup of duplicates(service.deploymentModels.map((m) => m.key)))
      issue([...at, "deploymentModels"], `Duplicate deployment model "${dup}"`);
    service.deploymentModels.forEach((model, mi) => {
      const mAt = [...at, "deploymentModels", mi];
      if (model.group !== undefined) {
        const parent = service.deploymentModels.find((m) => m.key === model.group);
        if (!parent || parent.key === model.key)
          issue([...mAt, "group"], `No deployment model "${model.group}" to group under`);
        else if (parent.group !== undefined) issue([...mAt, "group"], "Groups are one level deep");
      }
      model.assignments.forEach((a, ai) => {
        if (a.component !== undefined && !componentRefs.has(a.component))
          issue([...mAt, "assignments", ai, "component"], `No component "${a.component}" in this service`);
        if (a.area !== undefined && !areaKeys.has(a.area))
          issue([...mAt, "assignments", ai, "area"], `No area "${a.area}" in this service`);
        checkParties([...mAt, "assignments", ai], a.assignment, a.parties);
      });
    });
  });
}

/** Group keys are unique, a parent exists, and parents never loop back. */
function checkGroups(at: Path, groups: readonly Group[], issue: Report) {
  for (const dup of duplicates(groups.map((g) => g.key))) issue(at, `Duplicate group "${dup}"`);
  const byKey = new Map(groups.map((g) => [g.key, g]));
  groups.forEach((group, gi) => {
    if (group.parent === undefined) return;
    if (!byKey.has(group.parent)) return issue([...at, gi, "parent"], `No group "${group.parent}" to nest under`);
    const seen = new Set([group.key]);
    for (let up = byKey.get(group.parent); up; up = up.parent === undefined ? undefined : byKey.get(up.parent)) {
      if (seen.has(up.key)) return issue([...at, gi, "parent"], `Group "${group.key}" would sit inside itself`);
      seen.add(up.key);
    }
  });
}
