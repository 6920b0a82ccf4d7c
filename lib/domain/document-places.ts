// A place in a provider document (a change's path such as ["services", 0, "areas", 5, "assignment"])
// named in words: "VPS › Backups & Snapshots › assignment". Pure; the audit log records these names
// with each draft change and reads them back (lib/audit/describe-audit-entry.ts).
import type { DocumentPath } from "./document-changes";

/**
 * One step of a named place: an item of a list (with its name as the document had it, and for
 * services the slug that links to it) or a field.
 */
export type PlaceStep =
  | { list: string; name: string; key?: string }
  /** An item named only by its position (1-based): entries recorded before places were named. */
  | { list: string; position: number }
  | { field: string };

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => value !== null && typeof value === "object" && !Array.isArray(value);
const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);

/** What an item of `list` is called by: its name, title or label (a deployment override: what it overrides). */
function itemName(list: string, item: unknown, parent: Node | undefined, root: Node | undefined): string | undefined {
  if (!isNode(item)) return undefined;
  if (list === "assignments") {
    // A deployment model's override names an area of the service, or "layer/component".
    const service = parent;
    if (typeof item.area === "string") {
      const areas = Array.isArray(service?.areas) ? (service.areas as unknown[]) : [];
      const area = areas.find((a) => isNode(a) && a.key === item.area);
      return (isNode(area) && text(area.name)) || item.area;
    }
    if (typeof item.component === "string") {
      const [layerKey, componentKey] = item.component.split("/");
      const layers = Array.isArray(service?.layers) ? (service.layers as unknown[]) : [];
      const layer = layers.find((l) => isNode(l) && l.key === layerKey);
      const components = isNode(layer) && Array.isArray(layer.components) ? (layer.components as unknown[]) : [];
      const component = components.find((c) => isNode(c) && c.key === componentKey);
      return (isNode(component) && text(component.name)) || item.component;
    }
    return undefined;
  }
  if (list === "cells") {
    // A party's cell on a row: the party's name.
    const parties = Array.isArray(root?.parties) ? (root.parties as unknown[]) : [];
    const party = parties.find((p) => isNode(p) && p.key === item.party);
    return (isNode(party) && text(party.name)) || text(item.party);
  }
  return text(item.name) ?? text(item.title) ?? text(item.label) ?? text(item.text) ?? text(item.key);
}

/**
 * Names the place `path` points to in `document` (as it was before the change). `item`, when given,
 * stands for the element the last index names (an inserted row, which the document does not hold yet).
 */
export function namePlace(document: unknown, path: DocumentPath, item?: unknown): PlaceStep[] {
  const steps: PlaceStep[] = [];
  let node: unknown = document;
  // The service a nested list belongs to: deployment overrides are named after its areas.
  let service: Node | undefined;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    if (typeof key === "string") {
      const list = key;
      const next = path[i + 1];
      const child = isNode(node) ? node[key] : undefined;
      if (typeof next === "number") {
        const held = Array.isArray(child) ? (child[next] as unknown) : undefined;
        const element = item !== undefined && i + 1 === path.length - 1 ? item : held;
        const name = itemName(list, element, service, isNode(document) ? document : undefined);
        const slug = list === "services" && isNode(element) ? text(element.slug) : undefined;
        steps.push(name ? { list, name, ...(slug ? { key: slug } : {}) } : { list, position: next + 1 });
        if (list === "services" && isNode(element)) service = element;
        node = element;
        i++;
        continue;
      }
      steps.push({ field: key });
      node = child;
    } else {
      // An index with no list name before it cannot occur in a schema path; keep its position.
      steps.push({ list: "items", position: key + 1 });
      node = Array.isArray(node) ? node[key] : undefined;
    }
  }
  return steps;
}

/** Checks that a stored value is a list of place steps (entries are JSON written by older code too). */
export function isPlace(value: unknown): value is PlaceStep[] {
  return (
    Array.isArray(value) &&
    value.every(
      (step) =>
        isNode(step) &&
        (typeof step.field === "string" ||
          (typeof step.list === "string" && (typeof step.name === "string" || typeof step.position === "number"))),
    )
  );
}

/** What one item of each list is called, for sentences ("the row", "the deployment model"). */
export const itemNouns: Record<string, string> = {
  services: "service",
  areas: "row",
  crossCuttingAreas: "cross-cutting row",
  groups: "group",
  crossCuttingGroups: "cross-cutting group",
  layers: "layer",
  components: "component",
  deploymentModels: "deployment model",
  assignments: "deployment override",
  parties: "party",
  contacts: "contact",
  compliance: "compliance reference",
  sections: "section",
  cells: "cell",
  duties: "duty",
  references: "framework reference",
};

/** Field names in words. */
const fieldNames: Record<string, string> = {
  name: "name",
  summary: "summary",
  brandColor: "brand colour",
  isPrivate: "visibility",
  source: "source",
  slug: "slug",
  category: "category",
  sourceSection: "source section",
  assignment: "assignment",
  assignmentReason: "reason for the assignment",
  parties: "responsible parties",
  cells: "duties",
  references: "framework references",
  notes: "notes",
  interpretation: "interpretation",
  layer: "layer",
  plane: "plane",
  group: "group",
  key: "key",
  title: "title",
  number: "number",
  description: "description",
  parent: "parent group",
  body: "text",
  kind: "kind",
  label: "label",
  value: "value",
  purpose: "purpose",
  clause: "clause",
  role: "role",
  instances: "instances",
  components: "components",
  areas: "rows",
  layers: "layers",
  groups: "groups",
  deploymentModels: "deployment models",
  assignments: "deployment overrides",
  component: "component",
  area: "area",
};

export const fieldName = (field: string) =>
  fieldNames[field] ?? field.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
