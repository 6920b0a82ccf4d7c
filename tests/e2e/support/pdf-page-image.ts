// A visual check of a downloaded PDF: poppler draws one page as a PNG, the browser shows it (so the
// report keeps a screenshot to look at) and counts its pixels by colour, so a test can assert that
// the page is not blank and that colours meant to carry meaning (assignment chips, header rows) are
// really drawn.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Page } from "@playwright/test";

const run = promisify(execFile);

/** The 1-based number of the first page whose text contains every one of `texts`. */
export async function pageWith(pdfPath: string, texts: readonly string[]): Promise<number> {
  const pages = (await run("pdftotext", ["-layout", pdfPath, "-"], { maxBuffer: 64 * 1024 * 1024 })).stdout.split("\f");
  const index = pages.findIndex((page) => texts.every((text) => page.includes(text)));
  if (index < 0) throw new Error(`No page of ${pdfPath} contains all of “${texts.join("”, “")}”.`);
  return index + 1;
}

/**
 * Shows page `number` in the browser and returns, for each colour asked for (#rrggbb), how many
 * pixels are within a small distance of it, plus the share of the page that is not white.
 */
export async function showPdfPage(
  page: Page,
  pdfPath: string,
  number: number,
  colors: readonly string[],
): Promise<{ inked: number; counts: Record<string, number> }> {
  const prefix = path.join(tmpdir(), `demarc-pdf-page-${process.pid}-${number}`);
  await run("pdftoppm", [
    "-png",
    "-r",
    "72",
    "-f",
    String(number),
    "-l",
    String(number),
    "-singlefile",
    pdfPath,
    prefix,
  ]);
  const png = (await readFile(`${prefix}.png`)).toString("base64");
  await page.setContent(
    `<main><img alt="Page ${number} of the exported PDF" src="data:image/png;base64,${png}"></main>`,
  );
  return page.evaluate(async (wanted) => {
    const img = document.querySelector("img")!;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext("2d")!;
    context.drawImage(img, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const targets = wanted.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
    const counts = Object.fromEntries(wanted.map((hex) => [hex, 0]));
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      if (r < 245 || g < 245 || b < 245) inked += 1;
      targets.forEach((t, k) => {
        if (Math.abs(r - t[0]!) + Math.abs(g - t[1]!) + Math.abs(b - t[2]!) <= 12) counts[wanted[k]!]! += 1;
      });
    }
    return { inked: inked / (data.length / 4), counts };
  }, colors);
}
