// What changed between two versions, as rows (the CSV, and the PDF's tables): one row per field change (and one per added, removed
// or moved item), saying where (provider, service), which kind of item, which item, the field and
// its values before and after. Per-party fields name the party as the newer version does.
import type { CollectionDiff, FieldChange, FieldValue, ProviderDiff } from "@/lib/domain/diff-types";
import { fieldLabel } from "@/lib/versions/change-summary";
import { csvDocument } from "./matrix-csv";

export const diffColumns = ["Where", "Kind", "Item", "Change", "Field", "Before", "After"] as const;

const text = (value: FieldValue | undefined): string =>
  value === null || value === undefined ? "" : Array.isArray(value) ? value.join("\n") : String(value);

export interface DiffRowOptions {
  provider: string;
  parties: readonly { key: string; name: string }[];
}

/** The rows under `diffColumns`, in the order the compare page lists the changes. */
export function diffRows(diff: ProviderDiff, options: DiffRowOptions): string[][] {
  const partyName = (key: string) => options.parties.find((p) => p.key === key)?.name ?? key;
  const rows: string[][] = [];
  const fieldRows = (where: string, kind: string, item: string, fields: readonly FieldChange[]) => {
    for (const field of fields)
      rows.push([
        where,
        kind,
        item,
        "changed",
        fieldLabel(field.field, partyName),
        text(field.before),
        text(field.after),
      ]);
  };
  const collection = (where: string, kind: string, changes: CollectionDiff) => {
    for (const item of changes.added) rows.push([where, kind, item.label, "added", "", "", ""]);
    for (const item of changes.removed) rows.push([where, kind, item.label, "removed", "", "", ""]);
    for (const item of changes.changed) fieldRows(where, kind, item.label, item.fields);
    for (const item of changes.moved)
      rows.push([where, kind, item.label, "moved", "position", String(item.from + 1), String(item.position + 1)]);
  };

  fieldRows(options.provider, "provider", options.provider, diff.provider);
  for (const item of diff.services.added) rows.push([options.provider, "service", item.label, "added", "", "", ""]);
  for (const item of diff.services.removed) rows.push([options.provider, "service", item.label, "removed", "", "", ""]);
  for (const service of diff.services.changed) {
    fieldRows(service.label, "service", service.label, service.fields);
    collection(service.label, "group", service.groups);
    collection(service.label, "area", service.areas);
    collection(service.label, "layer", service.layers);
    collection(service.label, "component", service.components);
    collection(service.label, "deployment model", service.deploymentModels);
  }
  for (const item of diff.services.moved)
    rows.push([
      options.provider,
      "service",
      item.label,
      "moved",
      "position",
      String(item.from + 1),
      String(item.position + 1),
    ]);
  collection("Cross-cutting", "group", diff.crossCuttingGroups);
  collection("Cross-cutting", "area", diff.crossCuttingAreas);
  collection(options.provider, "party", diff.parties);
  collection(options.provider, "section", diff.sections);
  collection(options.provider, "contact", diff.contacts);
  collection(options.provider, "compliance reference", diff.compliance);
  return rows;
}

export function renderDiffCsv(diff: ProviderDiff, options: DiffRowOptions): string {
  return csvDocument([diffColumns, ...diffRows(diff, options)]);
}
