// Parses a service matrix from CSV or from a Markdown table shaped like the seed documents'
// ("Responsibility Area | <Provider> | Customer", N/A cells) into area rows, each checked by the
// same schema as edits, with errors per row. Nothing is written here: this is the import preview.
import { assignmentSchema, areaSchema, type AreaInput } from "@/lib/validation/provider-document";
import { assignmentFromDuties, parseDutyCell } from "@/lib/domain/duty-cells";
import { isPrototypeKey, ownValue } from "@/lib/domain/own-keys";
import { uniqueSlugs } from "@/lib/domain/slug";

export const importLimits = { maxBytes: 512 * 1024, maxRows: 500 } as const;

export type MatrixFormat = "csv" | "markdown";

export interface ParsedMatrixRow {
  /** 1-based line of the row in the file. */
  line: number;
  area: AreaInput | null;
  errors: string[];
}

export type ParseMatrixResult =
  | { ok: true; rows: ParsedMatrixRow[]; columns: string[] }
  /** The file as a whole cannot be read (size, format, columns): nothing to preview. */
  | { ok: false; error: string };

const columnNames = {
  name: /^(responsibility\s+)?area$|^component$|^security item$/i,
  customer: /^customer(\s+(responsibility|responsibilities|duties))?$/i,
  assignment: /^assignment$/i,
  notes: /^notes?$/i,
  plane: /^plane$/i,
  layer: /^layer$/i,
};

export function parseMatrixTable(options: { text: string; format: MatrixFormat }): ParseMatrixResult {
  const { text, format } = options;
  if (Buffer.byteLength(text) > importLimits.maxBytes)
    return { ok: false, error: `The file is larger than ${importLimits.maxBytes / 1024} KiB.` };
  const table = format === "csv" ? readCsv(text) : readMarkdownTable(text);
  if ("error" in table) return { ok: false, error: table.error };
  const [header, ...body] = table.rows;
  if (!header) return { ok: false, error: "The file holds no table." };
  const headers = header.cells.map((h) => h.trim());
  const reserved = headers.find((h) => isPrototypeKey(h.toLowerCase()));
  if (reserved !== undefined) return { ok: false, error: `A column may not be called "${reserved}".` };
  const find = (pattern: RegExp) => headers.findIndex((h) => pattern.test(h));
  const nameAt = find(columnNames.name);
  const customerAt = find(columnNames.customer);
  const known = new Set(
    [
      nameAt,
      customerAt,
      ...[columnNames.assignment, columnNames.notes, columnNames.plane, columnNames.layer].map(find),
    ].filter((i) => i >= 0),
  );
  // The provider's column is named after the provider ("DanubeData", "STACKIT responsibilities").
  const providerCandidates = headers.map((_, i) => i).filter((i) => !known.has(i));
  if (nameAt < 0 || customerAt < 0 || providerCandidates.length !== 1)
    return {
      ok: false,
      error:
        `Expected the columns "Responsibility Area", the provider's column and "Customer" ` +
        `(optional: Assignment, Notes, Plane, Layer); found: ${headers.map((h) => `"${h}"`).join(", ") || "none"}.`,
    };
  const providerAt = providerCandidates[0]!;
  if (body.length > importLimits.maxRows)
    return {
      ok: false,
      error: `The table has ${body.length} rows; at most ${importLimits.maxRows} can be imported at once.`,
    };

  const cell = (row: string[], index: number) => (index >= 0 ? (row[index] ?? "").trim() : "");
  const seen = new Map<string, number>();
  const keys = uniqueSlugs(body.map(({ cells }) => cell(cells, nameAt)));
  const rows = body.map(({ line, cells }, index): ParsedMatrixRow => {
    const errors: string[] = [];
    if (cells.length !== headers.length) errors.push(`Has ${cells.length} cells; the header has ${headers.length}.`);
    const provider = parseDutyCell(cell(cells, providerAt));
    const customer = parseDutyCell(cell(cells, customerAt));
    const explicit = cell(cells, find(columnNames.assignment)).toLowerCase();
    const parsedAssignment = explicit ? assignmentSchema.safeParse(explicit) : null;
    if (parsedAssignment && !parsedAssignment.success)
      errors.push(`Assignment: ${parsedAssignment.error.issues[0]?.message}`);
    const assignment = parsedAssignment?.success
      ? parsedAssignment.data
      : assignmentFromDuties(provider.duties, customer.duties);
    if (!assignment && !explicit) errors.push("Neither side lists a duty: add an Assignment column value.");
    const plane = cell(cells, find(columnNames.plane))
      .toLowerCase()
      .replace(/\s*plane$/, "");
    const sideCell = (party: string, side: typeof provider) =>
      side.duties.length || side.notApplicable
        ? [
            {
              party,
              duties: side.duties.map((text) => ({ text })),
              ...(side.notApplicable ? { notApplicable: true } : {}),
            },
          ]
        : [];
    const candidate = {
      key: keys[index]!,
      name: cell(cells, nameAt),
      assignment: assignment ?? "n/a",
      cells: [...sideCell("provider", provider), ...sideCell("customer", customer)],
      ...(cell(cells, find(columnNames.notes)) ? { notes: cell(cells, find(columnNames.notes)) } : {}),
      ...(plane ? { plane } : {}),
      ...(cell(cells, find(columnNames.layer)) ? { layer: cell(cells, find(columnNames.layer)) } : {}),
    };
    const parsed = areaSchema.safeParse(candidate);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        errors.push(`${columnLabel(String(issue.path[0] ?? ""))}: ${issue.message}`);
    const key = candidate.name.toLowerCase();
    if (candidate.name && seen.has(key)) errors.push(`Same area name as line ${seen.get(key)}.`);
    else seen.set(key, line);
    return { line, area: parsed.success && errors.length === 0 ? parsed.data : null, errors };
  });
  return { ok: true, rows, columns: headers };
}

function columnLabel(field: string): string {
  const labels: Record<string, string> = {
    name: "Responsibility Area",
    cells: "Duties",
    plane: "Plane",
    layer: "Layer",
    notes: "Notes",
  };
  return ownValue(labels, field) ?? field;
}

type Table = { rows: { line: number; cells: string[] }[] } | { error: string };

/** RFC 4180 CSV (comma or semicolon separated, quoted fields may hold newlines). */
function readCsv(text: string): Table {
  const source = text.replace(/^\uFEFF/, "");
  const firstLine = source.split(/\r?\n/, 1)[0] ?? "";
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === '"') return { error: `Line ${line}: a quote inside an unquoted field; quote the whole field.` };
    else if (ch === separator) {
      cells.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && source[i + 1] === "\n") i++;
      cells.push(field);
      if (cells.some((c) => c.trim() !== "")) rows.push({ line: rowLine, cells });
      cells = [];
      field = "";
      line++;
      rowLine = line;
    } else field += ch;
  }
  if (quoted) return { error: `Line ${rowLine}: a quoted field is never closed.` };
  cells.push(field);
  if (cells.some((c) => c.trim() !== "")) rows.push({ line: rowLine, cells });
  return { rows };
}

/** The first pipe table in a Markdown text (header row, "---" separator row, body rows). */
function readMarkdownTable(text: string): Table {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const start = lines.findIndex((l, i) => isTableLine(l) && isSeparator(lines[i + 1] ?? ""));
  if (start < 0) return { error: 'No Markdown table found: expected a header row, then a "|---|---|" row.' };
  const rows: { line: number; cells: string[] }[] = [{ line: start + 1, cells: splitRow(lines[start]!) }];
  for (let i = start + 2; i < lines.length && isTableLine(lines[i]!); i++)
    rows.push({ line: i + 1, cells: splitRow(lines[i]!) });
  return { rows };
}

const isTableLine = (line: string) => line.trim().startsWith("|");
const isSeparator = (line: string) => /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line);

function splitRow(line: string): string[] {
  const cells = line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/);
  return cells.map((c) => c.replace(/\\\|/g, "|").trim());
}
