// The tables of an imported file, before anything is interpreted: CSV (one table), Markdown (every
// pipe table, each with the headings above it and the text between its heading and the table), and
// XLSX (read-xlsx.ts: one table per worksheet). Pure.

export interface SourceRow {
  /** 1-based line (row of a worksheet) in the file. */
  line: number;
  cells: string[];
}

export interface SourceHeading {
  /** 1 for "#", 2 for "##", …; worksheets are level 1. */
  level: number;
  text: string;
  /** Prose between this heading and the next heading or table. */
  description: string;
}

export interface SourceTable {
  /** The headings the table sits under, outermost first (empty for CSV). */
  headings: SourceHeading[];
  header: SourceRow;
  rows: SourceRow[];
}

export type ReadTables = { ok: true; tables: SourceTable[] } | { ok: false; error: string };

/** RFC 4180 CSV (comma or semicolon separated, quoted fields may hold newlines): one table. */
export function readCsvTables(text: string): ReadTables {
  const source = text.replace(/^\uFEFF/, "");
  const firstLine = source.split(/\r?\n/, 1)[0] ?? "";
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const rows: SourceRow[] = [];
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
    else if (ch === '"')
      return { ok: false, error: `Line ${line}: a quote inside an unquoted field; quote the whole field.` };
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
  if (quoted) return { ok: false, error: `Line ${rowLine}: a quoted field is never closed.` };
  cells.push(field);
  if (cells.some((c) => c.trim() !== "")) rows.push({ line: rowLine, cells });
  const [header, ...body] = rows;
  if (!header) return { ok: false, error: "The file holds no table." };
  return { ok: true, tables: [{ headings: [], header, rows: body }] };
}

const isTableLine = (line: string) => line.trim().startsWith("|");
// Tested on the trimmed line: spaces matched by two patterns in a row backtrack badly on long runs.
const isSeparator = (line: string) => /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/.test(line.trim());

/**
 * A heading line ("## Title", "## Title ##"): its level and title, or null. The closing hashes are
 * trimmed by hand: one pattern for the whole line backtracks for minutes on a long run of spaces.
 */
function readHeading(line: string): { level: number; text: string } | null {
  const opening = /^(#{1,6})\s/.exec(line);
  if (!opening) return null;
  let text = line.slice(opening[1]!.length).trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === "#") end--;
  text = text.slice(0, end).trim();
  return { level: opening[1]!.length, text };
}

function splitRow(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/)
    .map((c) => c.replace(/\\\|/g, "|").trim());
}

/** Every pipe table of a Markdown text, each under the headings above it. */
export function readMarkdownTables(text: string): ReadTables {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const tables: SourceTable[] = [];
  const stack: SourceHeading[] = [];
  let prose: string[] = [];
  const flushProse = () => {
    const top = stack.at(-1);
    const paragraph = prose.join("\n").trim();
    if (top && paragraph) top.description = [top.description, paragraph].filter(Boolean).join("\n\n");
    prose = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = readHeading(line);
    if (heading) {
      flushProse();
      const { level, text } = heading;
      while (stack.length && stack.at(-1)!.level >= level) stack.pop();
      stack.push({ level, text, description: "" });
      continue;
    }
    if (isTableLine(line) && isSeparator(lines[i + 1] ?? "")) {
      flushProse();
      const header = { line: i + 1, cells: splitRow(line) };
      const rows: SourceRow[] = [];
      let j = i + 2;
      for (; j < lines.length && isTableLine(lines[j]!); j++) rows.push({ line: j + 1, cells: splitRow(lines[j]!) });
      tables.push({ headings: stack.map((h) => ({ ...h })), header, rows });
      i = j - 1;
      continue;
    }
    prose.push(line);
  }
  if (tables.length === 0)
    return { ok: false, error: 'No Markdown table found: expected a header row, then a "|---|---|" row.' };
  return { ok: true, tables };
}
