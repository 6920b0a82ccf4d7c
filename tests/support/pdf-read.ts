// Reads a PDF back with poppler (pdfinfo, pdftotext), as an auditor's tools would: page count,
// metadata, text in layout and content order, the structure tree; and the outline (bookmarks) from
// the file itself. Poppler missing is a failure, never a skip: without it the tests prove nothing.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Why poppler cannot be used, or null. */
export function popplerProblem(): string | null {
  try {
    execFileSync("pdfinfo", ["-v"], { stdio: "pipe" });
    execFileSync("pdftotext", ["-v"], { stdio: "pipe" });
    return null;
  } catch (error) {
    return `The PDF export tests need poppler's pdfinfo and pdftotext on the PATH (Debian: apt-get install poppler-utils): ${String(error)}`;
  }
}

export interface ReadBack {
  pages: number;
  info: Record<string, string>;
  /** pdftotext -layout: pages separated by form feeds. */
  layout: string;
  /** pdftotext -raw (content-stream order, so a table cell's wrapped lines stay together), whitespace collapsed. */
  raw: string;
  structure: string;
  bytes: Buffer;
  /** Where the file was written, for other poppler tools. */
  file: string;
}

export const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

let dir = "";
let files = 0;

export function readBack(bytes: Buffer): ReadBack {
  const problem = popplerProblem();
  if (problem) throw new Error(problem);
  dir ||= mkdtempSync(path.join(tmpdir(), "demarc-pdf-"));
  const file = path.join(dir, `export-${++files}.pdf`);
  writeFileSync(file, bytes);
  const run = (tool: string, ...args: string[]) =>
    execFileSync(tool, [...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const info = Object.fromEntries(
    run("pdfinfo", file)
      .split("\n")
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1] ?? "", m[2] ?? ""]),
  );
  return {
    pages: Number(info.Pages),
    info,
    layout: run("pdftotext", "-layout", "-enc", "UTF-8", file, "-"),
    raw: collapse(run("pdftotext", "-raw", "-enc", "UTF-8", file, "-")),
    structure: run("pdfinfo", "-struct", file),
    bytes,
    file,
  };
}

/** A PDF string as pdfkit writes it: (literal) with backslash escapes, or <FEFF…> UTF-16BE hex. */
function pdfString(literal: string | undefined, hex: string | undefined): string {
  if (literal !== undefined) return literal.replace(/\\(.)/g, "$1");
  return Buffer.from(hex ?? "", "hex")
    .subarray(2)
    .swap16()
    .toString("utf16le");
}

export interface OutlineItem {
  title: string;
  children: OutlineItem[];
}

/** The outline (bookmark) tree, read from the raw PDF (pdfkit writes outline items as plain objects). */
export function outlineTree(bytes: Buffer): OutlineItem[] {
  const text = bytes.toString("latin1");
  const object = (id: string) => new RegExp(`\\n${id} 0 obj\\n([\\s\\S]*?)\\nendobj`).exec(text)?.[1] ?? "";
  const ref = (body: string, key: string) => new RegExp(`/${key} (\\d+) 0 R`).exec(body)?.[1];
  const items = (first: string | undefined): OutlineItem[] => {
    const found: OutlineItem[] = [];
    for (let id = first; id && found.length < 10_000;) {
      const body = object(id);
      const title = /\/Title (?:\(((?:\\.|[^\\)])*)\)|<([0-9a-fA-F]+)>)/.exec(body);
      found.push({ title: pdfString(title?.[1], title?.[2]), children: items(ref(body, "First")) });
      id = ref(body, "Next");
    }
    return found;
  };
  const root = ref(text, "Outlines");
  return root ? items(ref(object(root), "First")) : [];
}

/** Every page's text (pdftotext -layout splits pages with form feeds). */
export const pageTexts = (read: ReadBack) => read.layout.split("\f").slice(0, read.pages);
