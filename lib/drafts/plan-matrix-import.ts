// What importing a read matrix file does to one service of a draft (pure): which rows are new,
// changed or unchanged, which areas go (replace mode), how its groups merge with the service's, and
// the resulting document, checked by the schema. A row keeps what the file cannot say about the
// area it matches (same group path and name): its key, its interpretation, and its notes, plane,
// layer or references when the file has no such column — so re-importing an export changes nothing.
import { responsibleParties } from "@/lib/domain/assignment";
import { sameJson } from "@/lib/domain/canonical-json";
import { uniqueSlugs } from "@/lib/domain/slug";
import type { ImportedRow, InterpretResult } from "@/lib/transfer/matrix-import/interpret";
import type { AreaGroup } from "@/lib/validation/area-schema";
import { providerDocumentSchema, type Area, type ProviderDocument } from "@/lib/validation/provider-document";

export const matrixImportModes = ["replace", "append"] as const;
export type MatrixImportMode = (typeof matrixImportModes)[number];

export interface MatrixImportRow extends Omit<ImportedRow, "area"> {
  /** The area as it would be saved; null when the row cannot be read. */
  area: Area | null;
  effect: "added" | "changed" | "unchanged" | null;
}

type Read = Extract<InterpretResult, { ok: true }>;

const lower = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

/** Each group's path of titles, as one comparable string. */
function titlePaths(groups: readonly AreaGroup[]): Map<string, string> {
  const byKey = new Map(groups.map((g) => [g.key, g]));
  const paths = new Map<string, string>();
  for (const group of groups) {
    const titles: string[] = [];
    const seen = new Set<string>();
    for (let g: AreaGroup | undefined = group; g && !seen.has(g.key); g = g.parent ? byKey.get(g.parent) : undefined) {
      seen.add(g.key);
      titles.unshift(lower(g.title));
    }
    paths.set(group.key, titles.join("\u0000"));
  }
  return paths;
}

export function planMatrixImport(options: {
  document: ProviderDocument;
  service: string;
  read: Read;
  mode: MatrixImportMode;
}) {
  const { document, mode, read } = options;
  const serviceIndex = document.services.findIndex((s) => s.slug === options.service);
  const service = document.services[serviceIndex];
  if (!service) return null;

  // Groups: a file group with the same path of titles as a service group is that group.
  const existingPaths = titlePaths(service.groups);
  const keyByPath = new Map([...existingPaths].map(([key, path]) => [path, key]));
  const fileKeyMap = new Map<string, string>();
  const taken = new Set(service.groups.map((g) => g.key));
  const filePaths = titlePaths(read.groups);
  for (const group of read.groups) {
    const known = keyByPath.get(filePaths.get(group.key)!);
    const key = known ?? uniqueSlugs([group.title], taken)[0]!;
    taken.add(key);
    fileKeyMap.set(group.key, key);
  }
  const fileGroups = read.groups.map((g) => ({
    ...(service.groups.find((e) => e.key === fileKeyMap.get(g.key)) ?? {}),
    ...g,
    key: fileKeyMap.get(g.key)!,
    ...(g.parent ? { parent: fileKeyMap.get(g.parent)! } : {}),
  }));
  const groups =
    mode === "append"
      ? [
          ...service.groups.map((g) => fileGroups.find((f) => f.key === g.key) ?? g),
          ...fileGroups.filter((f) => !existingPaths.has(f.key)),
        ]
      : fileGroups;

  // Areas: matched by group path and name (and plane).
  const matchKey = (groupPath: string, name: string, plane?: string) =>
    `${groupPath}\u0001${lower(name)}\u0001${plane ?? ""}`;
  const existingByMatch = new Map(
    service.areas.map((a) => [matchKey(a.group ? (existingPaths.get(a.group) ?? "") : "", a.name, a.plane), a]),
  );
  const has = new Set(read.columns);
  const usedKeys = new Set(service.areas.map((a) => a.key));

  const rows: MatrixImportRow[] = read.rows.map((row) => {
    const errors = [...row.errors];
    if (!row.area || errors.length) return { ...row, area: null, effect: null, errors };
    const imported = row.area as Area;
    const groupKey = imported.group ? fileKeyMap.get(imported.group) : undefined;
    const current = existingByMatch.get(
      matchKey(groupKey ? (filePaths.get(imported.group!) ?? "") : "", imported.name, imported.plane),
    );
    if (mode === "append" && current)
      return {
        ...row,
        area: null,
        effect: null,
        errors: [`The service already has an area "${current.name}" here; choose Replace to overwrite it.`],
      };
    const key = current?.key ?? uniqueSlugs([imported.key], usedKeys)[0]!;
    usedKeys.add(key);
    const area: Area = { ...imported, key, ...(groupKey ? { group: groupKey } : {}) };
    if (!groupKey) delete area.group;
    if (current?.interpretation !== undefined) area.interpretation = current.interpretation;
    if (!has.has("notes") && current?.notes !== undefined) area.notes = current.notes;
    if (!has.has("plane") && current?.plane !== undefined) area.plane = current.plane;
    if (!has.has("layer") && current?.layer !== undefined) area.layer = current.layer;
    if (!has.has("references") && current?.references !== undefined) area.references = current.references;
    if (current?.assignmentReason !== undefined && current.assignment === area.assignment)
      area.assignmentReason = current.assignmentReason;
    // The same parties written out or left to the assignment's default are the same row.
    if (current && current.assignment === area.assignment && area.parties === undefined && current.parties)
      area.parties = current.parties;
    const normal = (a: Area) => ({ ...a, parties: responsibleParties(a.assignment, a.parties, document.parties) });
    const effect = !current ? "added" : sameJson(normal(current), normal(area)) ? "unchanged" : "changed";
    return { ...row, area, effect, errors };
  });

  const valid = rows.filter((r) => r.errors.length === 0);
  const importedKeys = new Set(valid.map((r) => r.area!.key));
  const removed = mode === "replace" ? service.areas.filter((a) => !importedKeys.has(a.key)).map((a) => a.name) : [];
  const names = (effect: MatrixImportRow["effect"]) =>
    valid.filter((r) => r.effect === effect).map((r) => r.area!.name);
  const problems: string[] = [];
  let result: ProviderDocument | null = null;

  if (valid.length === rows.length) {
    const areas = [...(mode === "append" ? service.areas : []), ...valid.map((r) => r.area!)];
    const rowAt = (index: number) => rows[mode === "append" ? index - service.areas.length : index];
    const candidate = structuredClone(document);
    candidate.services[serviceIndex] = { ...service, groups, areas };
    const checked = providerDocumentSchema.safeParse(candidate);
    if (checked.success) result = checked.data;
    else
      for (const issue of checked.error.issues) {
        const [root, si, list, index, field] = issue.path;
        const inService = root === "services" && si === serviceIndex;
        if (inService && list === "areas" && typeof index === "number") {
          const row = rowAt(index);
          const message = field === undefined ? issue.message : `${String(field)}: ${issue.message}`;
          if (row) row.errors.push(message);
          else problems.push(`Area "${areas[index]?.name}" already in the service: ${message}`);
        } else if (inService && list === "areas" && issue.code === "too_big")
          problems.push(
            `A service holds at most ${String(issue.maximum)} areas; this import would leave ${areas.length}.`,
          );
        else if (inService && list === "deploymentModels" && typeof index === "number")
          problems.push(
            `Deployment model "${service.deploymentModels[index]?.name}": ${issue.message}. Keep that area in the file, or change the model first.`,
          );
        else problems.push(`${issue.path.join(".")}: ${issue.message}`);
      }
  }
  const failing = rows.filter((r) => r.errors.length > 0).length;
  return {
    service: { slug: service.slug, name: service.name },
    rows,
    groups,
    problems,
    added: names("added"),
    changed: names("changed"),
    unchanged: names("unchanged"),
    removed,
    errorCount: failing + problems.length,
    /** Names of the areas before the import, for the audit entry. */
    before: service.areas.map((a) => a.name),
    /** The whole draft after the import, checked by the schema; null when anything failed. */
    document: failing === 0 && problems.length === 0 ? result : null,
  };
}
