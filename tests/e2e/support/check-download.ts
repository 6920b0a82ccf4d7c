// Reads a downloaded export back with a real reader for its kind, and says what it found: poppler
// for PDF (pages, tagged), a CSV parser, ExcelJS for workbooks, JSON (and NIST's schema for OSCAL).
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import type { Download } from "@playwright/test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { oscalSchemaErrors } from "../../support/oscal-schema";

const run = promisify(execFile);

export interface DownloadCheck {
  filename: string;
  /** Pages, rows, sheets or top-level keys: something a reader found in the file. */
  found: string;
  problems: string[];
}

export async function checkDownload(download: Download): Promise<DownloadCheck> {
  const filename = download.suggestedFilename();
  const file = (await download.path())!;
  const problems: string[] = [];
  let found = "";
  if (filename.endsWith(".pdf")) {
    const info = (await run("pdfinfo", [file])).stdout;
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    if (!(pages > 0)) problems.push("no pages");
    if (!/^Tagged:\s+yes/m.test(info)) problems.push("not tagged");
    found = `${pages} pages`;
  } else if (filename.endsWith(".csv")) {
    const rows = parse(await readFile(file), { bom: true, columns: true }) as Record<string, string>[];
    if (rows.length === 0) problems.push("no rows");
    found = `${rows.length} rows`;
  } else if (filename.endsWith(".xlsx")) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    if (book.worksheets.length === 0) problems.push("no sheets");
    if (!book.worksheets.some((sheet) => sheet.rowCount > 1)) problems.push("no sheet holds rows");
    found = `${book.worksheets.length} sheets`;
  } else if (filename.endsWith(".json")) {
    const json = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
    const [root] = Object.keys(json);
    if (root === "catalog" || root === "system-security-plan") problems.push(...oscalSchemaErrors(json));
    found =
      root === "catalog" || root === "system-security-plan" ? `OSCAL ${root}` : `keys ${Object.keys(json).length}`;
  } else problems.push("unexpected file type");
  return { filename, found, problems };
}
