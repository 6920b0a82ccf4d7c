// Turns the tables of an imported file into matrix rows and groups for one list of areas (a
// service's, or the cross-cutting ones). Headings that tell the file's tables apart become nested
// groups (the text under a heading its description); a Group column nests rows further. Every cell
// is read by cells.ts and keeps its reading for the preview; a correction replaces a cell's text
// before it is read. Errors name the line, the column and the value. Nothing is written here. Pure.
import { assignmentValues, defaultParties, type AssignmentValue } from "@/lib/domain/assignment";
import { assignmentFromRaci } from "@/lib/domain/raci";
import { slugify, uniqueSlugs } from "@/lib/domain/slug";
import { planeValues } from "@/lib/domain/vocabulary";
import type { AreaGroup } from "@/lib/validation/area-schema";
import { areaSchema, type AreaInput } from "@/lib/validation/provider-document";
import { looksLikeLetters, plainText, readCell, type CellReading, type SplitRule } from "./cells";
import { readHeader, type ColumnRole, type ImportParty } from "./columns";
import type { SourceHeading, SourceTable } from "./source-table";

export interface CellCorrection {
  /** Which table (0-based) and line of the file, and which column (0-based). */
  table: number;
  line: number;
  column: number;
  text: string;
}

export interface ImportedCell {
  column: number;
  header: string;
  party: string;
  raw: string;
  reading: CellReading;
  corrected: boolean;
}

export interface ImportedRow {
  table: number;
  line: number;
  name: string;
  /** Titles of the groups the row sits in, outermost first. */
  groups: string[];
  cells: ImportedCell[];
  /** How the assignment was decided, in words. */
  assignmentSource: string;
  area: AreaInput | null;
  errors: string[];
}

export type InterpretResult =
  | {
      ok: true;
      groups: AreaGroup[];
      rows: ImportedRow[];
      headers: string[][];
      /** Kinds of column the file has in any table (an area keeps what the file cannot say). */
      columns: ColumnRole["kind"][];
    }
  | { ok: false; error: string };

const ownership: Record<string, AssignmentValue> = {
  "csp-owned": "provider",
  "csc-owned": "customer",
  "shared csp and csc": "shared",
  "3rd-party outsourced": "third-party",
  "shared csp and 3rd-party": "shared",
  provider: "provider",
  customer: "customer",
  shared: "shared",
  "best effort": "best-effort",
  "best-effort": "best-effort",
  "third party": "third-party",
  "third-party": "third-party",
  "n/a": "n/a",
  "not applicable": "n/a",
};

/** "3.1.2 Backups" → number "3.1.2" and title "Backups". */
export function splitNumber(text: string): { number?: string; title: string } {
  const match = /^(\d+(?:\.\d+)*)\.?\s+(.+)$/.exec(text.trim());
  return match ? { number: match[1]!, title: match[2]!.trim() } : { title: text.trim() };
}

/** "CSA CCM: IAM-02; ISO 27001: A.5.15" → references; a bare control takes the column's framework. */
export function parseReferences(text: string, framework?: string): { framework: string; control: string }[] {
  return plainText(text)
    .split(/[;\n]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.lastIndexOf(":");
      if (at > 0) return { framework: part.slice(0, at).trim(), control: part.slice(at + 1).trim() };
      return { framework: framework ?? "", control: part };
    });
}

export function interpretTables(options: {
  tables: readonly SourceTable[];
  parties: readonly ImportParty[];
  split: SplitRule;
  corrections?: readonly CellCorrection[];
  maxRows?: number;
}): InterpretResult {
  const { tables, parties } = options;
  if (tables.length === 0) return { ok: false, error: "The file holds no table." };
  // Headings every table sits under (a document title) say nothing about one table: they are dropped.
  const common = commonHeadings(tables.map((t) => t.headings));
  const groups = new GroupBuilder();
  const rows: ImportedRow[] = [];
  const headers: string[][] = [];
  const kinds = new Set<ColumnRole["kind"]>();
  for (const [t, table] of tables.entries()) {
    const header = readHeader(table.header.cells, parties);
    const where = tables.length > 1 ? ` (table ${t + 1}, line ${table.header.line})` : "";
    if (!header.ok) return { ok: false, error: `${header.error}${where}` };
    headers.push(table.header.cells.map((c) => plainText(c)));
    for (const column of header.columns) kinds.add(column.kind);
    const headingPath: AreaGroup[] = [];
    for (const heading of table.headings.slice(common)) headingPath.push(groups.add(heading, headingPath.at(-1)));
    // A table whose cells hold RACI letters: a cell of other short capitals is a mistyped letter.
    const raciTable = table.rows.some((row) =>
      header.columns.some((c, i) => c.kind === "party" && readCell(row.cells[i] ?? "", "lines").kind === "raci"),
    );
    for (const row of table.rows)
      rows.push(
        readRow({
          table: t,
          row,
          header: table.header.cells,
          columns: header.columns,
          headingPath,
          groups,
          raciTable,
          ...options,
        }),
      );
  }
  if (options.maxRows !== undefined && rows.length > options.maxRows)
    return {
      ok: false,
      error: `The file has ${rows.length} rows; at most ${options.maxRows} can be imported at once.`,
    };
  markDuplicates(rows);
  return { ok: true, groups: groups.list(), rows, headers, columns: [...kinds] };
}

function commonHeadings(paths: readonly SourceHeading[][]): number {
  let n = 0;
  const first = paths[0] ?? [];
  while (n < first.length && paths.every((p) => p[n]?.text === first[n]!.text && p[n]?.level === first[n]!.level)) n++;
  // A single table keeps no heading groups; several keep what tells them apart.
  return paths.length === 1 ? first.length : n;
}

/** Groups by their path of titles; keys are the titles' slugs, unique within the list. */
class GroupBuilder {
  private readonly byPath = new Map<string, AreaGroup>();
  private readonly keys = new Set<string>();

  add(heading: { text: string; description?: string }, parent?: AreaGroup): AreaGroup {
    const { number, title } = splitNumber(plainText(heading.text));
    const path = `${parent ? this.pathOf(parent) : ""}\u0000${title.toLowerCase()}`;
    const known = this.byPath.get(path);
    if (known) return known;
    const key = uniqueSlugs([title], this.keys)[0]!;
    this.keys.add(key);
    const description = heading.description?.trim();
    const group: AreaGroup = {
      key,
      title: title.slice(0, 200),
      ...(number ? { number } : {}),
      ...(description ? { description: description.slice(0, 4000) } : {}),
      ...(parent ? { parent: parent.key } : {}),
    };
    this.byPath.set(path, group);
    return group;
  }

  /** Nests `child` under the last group of a heading path (for Group column values). */
  addPath(titles: readonly string[], under: readonly AreaGroup[]): AreaGroup[] {
    const path = [...under];
    for (const title of titles) path.push(this.add({ text: title }, path.at(-1)));
    return path;
  }

  private pathOf(group: AreaGroup): string {
    for (const [path, g] of this.byPath) if (g === group) return path;
    return "";
  }

  list(): AreaGroup[] {
    return [...this.byPath.values()];
  }
}

function readRow(options: {
  table: number;
  row: { line: number; cells: string[] };
  header: readonly string[];
  columns: readonly ColumnRole[];
  headingPath: AreaGroup[];
  groups: GroupBuilder;
  raciTable: boolean;
  parties: readonly ImportParty[];
  split: SplitRule;
  corrections?: readonly CellCorrection[];
}): ImportedRow {
  const { row, columns, parties } = options;
  const errors: string[] = [];
  if (row.cells.length !== columns.length)
    errors.push(`Has ${row.cells.length} cells; the header has ${columns.length}.`);
  const correction = (column: number) =>
    options.corrections?.find((c) => c.table === options.table && c.line === row.line && c.column === column);
  const raw = (column: number) => correction(column)?.text ?? row.cells[column] ?? "";
  const valueOf = (kind: ColumnRole["kind"]) => {
    const at = columns.findIndex((c) => c.kind === kind);
    return at < 0 ? "" : plainText(raw(at));
  };
  const label = (column: number) => `"${plainText(options.header[column] ?? "")}"`;

  const name = valueOf("name").replace(/\s+/g, " ");
  const groupColumn = valueOf("group");
  const path = groupColumn
    ? options.groups.addPath(groupColumn.split(/\s*[›>]\s*|\s+\/\s+/).filter(Boolean), options.headingPath)
    : options.headingPath;

  const cells: ImportedCell[] = columns.flatMap((role, column) =>
    role.kind === "party"
      ? [
          {
            column,
            header: plainText(options.header[column] ?? ""),
            party: role.party,
            raw: row.cells[column] ?? "",
            reading: readCell(raw(column), options.split),
            corrected: correction(column) !== undefined,
          },
        ]
      : [],
  );
  if (options.raciTable)
    for (const cell of cells)
      if (cell.reading.kind === "duties" && looksLikeLetters(raw(cell.column)))
        errors.push(
          `${label(cell.column)}: “${plainText(raw(cell.column))}” is not RACI letters: use R, A, C and I, each at most once`,
        );
  const documentCells = cells
    .filter((c) => c.reading.kind !== "empty")
    .sort((a, b) => parties.findIndex((p) => p.key === a.party) - parties.findIndex((p) => p.key === b.party))
    .map((c) => ({
      party: c.party,
      duties: c.reading.duties,
      ...(c.reading.kind === "not-applicable" ? { notApplicable: true } : {}),
      ...(c.reading.raci ? { raci: c.reading.raci } : {}),
    }));

  const assignmentAt = columns.findIndex((c) => c.kind === "assignment");
  const decided = decideAssignment(
    valueOf("assignment"),
    assignmentAt < 0 ? "Assignment" : plainText(options.header[assignmentAt] ?? ""),
    documentCells,
    parties,
  );
  if ("error" in decided) errors.push(decided.error);
  const plane = valueOf("plane")
    .toLowerCase()
    .replace(/\s*plane$/, "");
  const referencesAt = columns.findIndex((c) => c.kind === "references");
  const referencesRole = columns[referencesAt];
  const references =
    referencesAt < 0
      ? []
      : parseReferences(
          raw(referencesAt),
          referencesRole?.kind === "references" ? referencesRole.framework : undefined,
        );
  const id = valueOf("id");
  const candidate: AreaInput = {
    key: slugify(id || name),
    name,
    ...(path.length ? { group: path.at(-1)!.key } : {}),
    assignment: "assignment" in decided ? decided.assignment : "n/a",
    // Parties only when they differ from the assignment's default (as documents usually leave them out).
    ...("parties" in decided &&
    decided.parties &&
    !sameParties(decided.parties, defaultParties(decided.assignment, parties))
      ? { parties: decided.parties }
      : {}),
    cells: documentCells,
    ...(references.length ? { references } : {}),
    ...(valueOf("notes") ? { notes: valueOf("notes") } : {}),
    ...(plane ? { plane: plane as (typeof planeValues)[number] } : {}),
    ...(valueOf("layer") ? { layer: slugify(valueOf("layer")) } : {}),
  };
  const parsed = areaSchema.safeParse(candidate);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const [field, cellIndex] = issue.path;
      const cell = field === "cells" && typeof cellIndex === "number" ? documentCells[cellIndex] : undefined;
      const column = cell ? cells.find((c) => c.party === cell.party)?.column : columnOf(columns, String(field));
      errors.push(`${column === undefined ? String(field) : label(column)}: ${issue.message}`);
    }
  return {
    table: options.table,
    line: row.line,
    name,
    groups: path.map((g) => g.title),
    cells,
    assignmentSource: "source" in decided ? decided.source : "",
    area: parsed.success && errors.length === 0 ? parsed.data : null,
    errors,
  };
}

function columnOf(columns: readonly ColumnRole[], field: string): number | undefined {
  const kind = field === "key" ? "id" : field === "parties" ? "assignment" : field;
  const at = columns.findIndex((c) => c.kind === kind);
  return at < 0 ? undefined : at;
}

type Decision = { assignment: AssignmentValue; parties?: string[]; source: string } | { error: string };

/** An Assignment column wins; else RACI letters (lib/domain/raci.ts); else who lists duties. */
function decideAssignment(
  explicit: string,
  column: string,
  cells: readonly { party: string; duties: { strength?: string }[]; raci?: string }[],
  parties: readonly ImportParty[],
): Decision {
  if (explicit) {
    const value = ownership[explicit.toLowerCase()];
    if (!value)
      return {
        error: `"${column}" "${explicit}": use one of ${assignmentValues.join(", ")} (or a CAIQ SSRM ownership value)`,
      };
    const thirdParties = parties.filter((p) => p.role === "third-party").map((p) => p.key);
    const keys =
      explicit.toLowerCase() === "shared csp and 3rd-party"
        ? ["provider", ...thirdParties]
        : defaultParties(value, parties);
    return { assignment: value, parties: keys, source: `from the Assignment column (“${explicit}”)` };
  }
  const raci = assignmentFromRaci(cells, parties);
  if (raci) return { ...raci, source: "derived from the RACI letters" };
  if (cells.some((c) => c.raci))
    return {
      error: "The RACI letters name no Responsible or Accountable party: add an Assignment column value.",
    };
  const holders = parties.filter((p) =>
    cells.some((c) => c.party === p.key && c.duties.some((d) => d.strength !== "excluded")),
  );
  if (holders.length === 0) return { error: "No party lists a duty: add an Assignment column value or RACI letters." };
  if (holders.length > 1)
    return { assignment: "shared", parties: holders.map((p) => p.key), source: "shared: several parties list duties" };
  const only = holders[0]!;
  const assignment: AssignmentValue = only.role === "third-party" ? "third-party" : only.role;
  return { assignment, parties: [only.key], source: `only ${only.name} lists duties` };
}

/** The same name twice in one group is an error on the repeat (the same name in two groups is fine). */
function markDuplicates(rows: ImportedRow[]) {
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (!row.name) continue;
    const key = `${row.groups.join("\u0000")}\u0000${row.name.toLowerCase()}\u0000${row.area?.plane ?? ""}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, row.line);
    else {
      row.errors.push(`Same area name as line ${first} in this group.`);
      row.area = null;
    }
  }
}

const sameParties = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((k) => b.includes(k));
