// An imported matrix file read into rows and groups: CSV, Markdown or XLSX, within the size limits.
import "server-only";
import type { SplitRule } from "./cells";
import { readHeader, type ImportParty } from "./columns";
import { interpretTables, type CellCorrection, type InterpretResult } from "./interpret";
import { readXlsxTables } from "./read-xlsx";
import { readCsvTables, readMarkdownTables } from "./source-table";

export const matrixFormats = ["csv", "markdown", "xlsx"] as const;
export type MatrixFormat = (typeof matrixFormats)[number];

export const importLimits = { maxBytes: 512 * 1024, maxWorkbookBytes: 4 * 1024 * 1024, maxRows: 500 } as const;

export interface MatrixFile {
  format: MatrixFormat;
  /** CSV and Markdown. */
  text?: string;
  /** XLSX. */
  bytes?: Uint8Array;
}

export async function readMatrixFile(options: {
  file: MatrixFile;
  parties: readonly ImportParty[];
  split: SplitRule;
  corrections?: readonly CellCorrection[];
}): Promise<InterpretResult> {
  const { file, parties } = options;
  const size = file.format === "xlsx" ? (file.bytes?.byteLength ?? 0) : Buffer.byteLength(file.text ?? "");
  const limit = file.format === "xlsx" ? importLimits.maxWorkbookBytes : importLimits.maxBytes;
  if (size > limit) return { ok: false, error: `The file is larger than ${limit / 1024} KiB.` };
  if (size === 0) return { ok: false, error: "The file is empty." };
  const read =
    file.format === "csv"
      ? readCsvTables(file.text ?? "")
      : file.format === "markdown"
        ? readMarkdownTables(file.text ?? "")
        : await readXlsxTables({ bytes: file.bytes!, isHeader: (cells) => readHeader(cells, parties).ok });
  if (!read.ok) return read;
  return interpretTables({ ...options, tables: read.tables, maxRows: importLimits.maxRows });
}

/** The format of a file: by its extension, else by its content (a pipe table is Markdown). */
export function detectMatrixFormat(options: { fileName?: string | null; text?: string }): MatrixFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(options.fileName ?? "")?.[1]?.toLowerCase();
  if (extension === "csv") return "csv";
  if (extension === "md" || extension === "markdown") return "markdown";
  if (extension === "xlsx") return "xlsx";
  const lines = (options.text ?? "").split(/\r?\n/);
  const pipeTable = lines.some(
    (line, i) => line.trim().startsWith("|") && /^\s*\|?\s*:?-{3,}:?\s*\|/.test(lines[i + 1] ?? ""),
  );
  return pipeTable ? "markdown" : "csv";
}
