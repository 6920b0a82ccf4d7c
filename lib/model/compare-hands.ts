// Which responsibility areas change hands between columns — a provider's services, or the deployment
// models of one service. "The same area" in two columns means the same name once case, punctuation
// and "&"/"and" are ignored. Pure; shared by the server, the page and the tests.
import type { AssignmentValue } from "@/lib/domain/assignment";
import { applyDeploymentModel, deploymentModelTree } from "./deployment-model";
import type { ServiceDetailDto } from "@/lib/validation/api";

export interface HandsArea {
  key: string;
  name: string;
  assignment: AssignmentValue;
  /** Keys of the parties carrying the area. */
  parties: readonly string[];
}

export interface HandsColumnInput {
  /** The service slug, or the deployment model key. */
  key: string;
  name: string;
  /** The service's category, or the group the model is a variant of. */
  note: string | null;
  service: string;
  model: string | null;
  areas: readonly HandsArea[];
}

export interface HandsColumn extends Omit<HandsColumnInput, "areas"> {
  areaCount: number;
  /** Areas the provider carries alone. */
  providerCount: number;
}

export interface HandsCell {
  /** The area's own key in this column (rows link to it). */
  area: string;
  name: string;
  assignment: AssignmentValue;
  parties: string[];
}

export interface HandsRow {
  key: string;
  name: string;
  /** One per column; null where the column has no such area. */
  cells: (HandsCell | null)[];
  /** How many different hands (assignment and parties) hold the area across the columns that have it. */
  distinctHands: number;
}

export interface HandsComparison {
  columns: HandsColumn[];
  /** Areas in two columns or more whose hands differ: most different hands first, then as first seen. */
  changing: HandsRow[];
  /** Areas in two columns or more held by the same hands everywhere, as first seen. */
  stable: HandsRow[];
  /** Areas found in one column only, which cannot be compared. */
  onlyInOne: { name: string; column: string }[];
}

/** "Backups & Snapshots" and "backups and snapshots" are one area. */
export function areaMatchKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Who holds an area, as one comparable value: the assignment and its parties in any order. */
export function handOf(cell: Pick<HandsCell, "assignment" | "parties">): string {
  return `${cell.assignment}:${[...cell.parties].sort().join("+")}`;
}

export function compareHands(columnsIn: readonly HandsColumnInput[]): HandsComparison {
  const rows = new Map<string, { row: HandsRow; order: number }>();
  columnsIn.forEach((column, index) => {
    // A name repeated within one column (the same item on two planes) pairs with its nth namesake elsewhere.
    const seen = new Map<string, number>();
    for (const area of column.areas) {
      const base = areaMatchKey(area.name);
      const nth = (seen.get(base) ?? 0) + 1;
      seen.set(base, nth);
      const key = nth === 1 ? base : `${base}#${nth}`;
      let entry = rows.get(key);
      if (!entry) {
        entry = { row: { key, name: area.name, cells: columnsIn.map(() => null), distinctHands: 0 }, order: rows.size };
        rows.set(key, entry);
      }
      entry.row.cells[index] = {
        area: area.key,
        name: area.name,
        assignment: area.assignment,
        parties: [...area.parties],
      };
    }
  });

  const all = [...rows.values()];
  for (const { row } of all) row.distinctHands = new Set(row.cells.filter((c) => c !== null).map(handOf)).size;
  const present = (row: HandsRow) => row.cells.filter((c) => c !== null).length;
  const compared = all.filter(({ row }) => present(row) >= 2);

  return {
    columns: columnsIn.map(({ areas, ...column }) => ({
      ...column,
      areaCount: areas.length,
      providerCount: areas.filter((a) => a.assignment === "provider").length,
    })),
    changing: compared
      .filter(({ row }) => row.distinctHands > 1)
      .sort((a, b) => b.row.distinctHands - a.row.distinctHands || a.order - b.order)
      .map(({ row }) => row),
    stable: compared.filter(({ row }) => row.distinctHands === 1).map(({ row }) => row),
    onlyInOne: all
      .filter(({ row }) => present(row) === 1)
      .map(({ row }) => {
        const index = row.cells.findIndex((c) => c !== null);
        return { name: row.name, column: columnsIn[index]!.name };
      }),
  };
}

/** The columns for comparing services: each service's default assignments. */
export function serviceColumns(
  services: readonly Pick<ServiceDetailDto, "slug" | "name" | "category" | "areas">[],
): HandsColumnInput[] {
  return services.map((s) => ({
    key: s.slug,
    name: s.name,
    note: s.category,
    service: s.slug,
    model: null,
    areas: s.areas,
  }));
}

/**
 * The columns for comparing one service's deployment models: groups first, each followed by its
 * variants. Models whose responsibilities the source leaves open are left out: their cells would
 * show defaults that do not apply (see `openModels`).
 */
export function modelColumns(
  service: Pick<ServiceDetailDto, "slug" | "areas" | "layers" | "deploymentModels" | "parties">,
): HandsColumnInput[] {
  return deploymentModelTree(service.deploymentModels).flatMap(({ model, variants }) =>
    [model, ...variants]
      .filter((m) => !m.open)
      .map((m) => ({
        key: m.key,
        name: m.name,
        note: m === model ? null : `Variant of ${model.name}`,
        service: service.slug,
        model: m.key,
        areas: applyDeploymentModel(service, m.key).areas,
      })),
  );
}

/** Names of the deployment models the source leaves open, in the order `modelColumns` uses. */
export function openModels(service: Pick<ServiceDetailDto, "deploymentModels">): string[] {
  return deploymentModelTree(service.deploymentModels)
    .flatMap(({ model, variants }) => [model, ...variants])
    .filter((m) => m.open)
    .map((m) => m.name);
}

export interface HandsSummary {
  /** Areas found in two columns or more. */
  compared: number;
  changing: number;
  /** The columns where the provider alone carries the most of the changing areas, and how many. */
  providerMost: { columns: string[]; count: number } | null;
}

export function summarizeHands(comparison: HandsComparison): HandsSummary {
  const counts = comparison.columns.map(
    (_, i) => comparison.changing.filter((row) => row.cells[i]?.assignment === "provider").length,
  );
  const most = Math.max(0, ...counts);
  const leaders = comparison.columns.filter((_, i) => counts[i] === most).map((c) => c.name);
  return {
    compared: comparison.changing.length + comparison.stable.length,
    changing: comparison.changing.length,
    // A claim only where it singles something out: not when every column ties or none has any.
    providerMost: most > 0 && leaders.length < comparison.columns.length ? { columns: leaders, count: most } : null,
  };
}

function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** The sentence under the page title, every number in it counted from the comparison. */
export function describeHands(
  comparison: HandsComparison,
  options: { providerName: string; noun: { one: string; many: string } },
): string {
  const { compared, changing, providerMost } = summarizeHands(comparison);
  const n = comparison.columns.length;
  const { one, many } = options.noun;
  if (n < 2) return `There ${n === 1 ? `is only one ${one}` : `are no ${many}`}: nothing to compare.`;
  if (compared === 0) return `The ${n} ${many} have no area in common, so nothing can change hands.`;
  const common = `${compared === 1 ? "area" : "areas"} the ${n} ${many} have in common`;
  if (changing === 0)
    return compared === 1
      ? `The one ${common} does not change hands: it is assigned alike wherever it appears.`
      : `None of the ${compared} ${common} changes hands: each is assigned alike wherever it appears.`;
  const head = `${changing} of the ${compared} ${common} ${changing === 1 ? "changes" : "change"} hands.`;
  if (!providerMost) return head;
  const { columns, count } = providerMost;
  const where = columns.length === 1 ? `in ${columns[0]}` : `in ${listNames(columns)} alike`;
  if (changing === 1) return `${head} ${options.providerName} alone carries it in ${listNames(columns)}.`;
  return `${head} Of those, ${options.providerName} alone carries the most ${where} (${count} of ${changing}).`;
}
