// The browser's own printout of the read pages (print CSS, not the PDF export): every printed page
// names the provider, the version and the address; a matrix repeats its column headers on each page
// it runs over and never leaves them (or a heading) alone at the foot of a page; the chosen
// deployment model prints legibly. Chromium prints the page to PDF and poppler reads it back.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const run = promisify(execFile);

/** Prints the page as Chromium does for paper and returns each page's text (`pdftotext -layout`). */
async function printedPages(page: Page, format: "A4" | "A5" = "A4"): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), "demarc-print-"));
  try {
    const file = path.join(dir, "printout.pdf");
    await page.emulateMedia({ media: "print" });
    await page.pdf({ path: file, format });
    const count = Number(/^Pages:\s+(\d+)$/m.exec((await run("pdfinfo", [file])).stdout)?.[1]);
    const pages: string[] = [];
    for (let n = 1; n <= count; n++)
      pages.push((await run("pdftotext", ["-layout", "-f", String(n), "-l", String(n), file, "-"])).stdout);
    return pages;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const flat = (text: string) => text.replace(/\s+/g, " ");
const lines = (text: string) => text.split("\n").filter((line) => line.trim() !== "");
/** A matrix row starts with its number in the first (#) column. */
const rowNumber = (line: string) => /^\s{0,12}(\d{1,3})\s{2,}\S/.exec(line)?.[1];

/**
 * The matrix across the printed pages: each page that holds rows shows the column header line
 * above them, a header line is always followed by a row on its page, and every row is printed
 * exactly once. Returns the numbers of the pages the matrix runs over.
 */
function expectMatrixPrinted(pages: string[], header: RegExp, rows: number) {
  const numbers: number[] = [];
  const over: number[] = [];
  pages.forEach((text, index) => {
    const page = lines(text);
    const first = page.findIndex((line) => rowNumber(line) !== undefined);
    const head = page.findIndex((line) => header.test(line));
    if (head >= 0)
      expect(
        page.slice(head + 1).some((line) => rowNumber(line) !== undefined),
        `page ${index + 1} ends with the column headers and no row under them`,
      ).toBe(true);
    if (first < 0) return;
    over.push(index + 1);
    expect(head, `page ${index + 1} shows rows without the column headers above them`).toBeGreaterThanOrEqual(0);
    expect(head).toBeLessThan(first);
    numbers.push(
      ...page
        .map(rowNumber)
        .filter((n) => n !== undefined)
        .map(Number),
    );
  });
  expect(numbers).toEqual(Array.from({ length: rows }, (_, i) => i + 1));
  return over;
}

/** The newest version as the history page lists it: its number and publication time. */
async function currentVersion(page: Page, provider: string) {
  await page.goto(`/providers/${provider}/versions`);
  const row = page
    .getByRole("table", { name: /^Published versions of/ })
    .locator("tbody tr")
    .first();
  const number = Number(/^Version (\d+)/.exec(await row.getByRole("rowheader").innerText())?.[1]);
  return { number, publishedAt: await row.locator("time").innerText() };
}

/** Waits until the stamp shows the full address (the origin is only known once the page is hydrated). */
async function openForPrint(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator(".print-stamp").first()).toContainText(new URL(url, page.url()).href);
}

test("a long matrix under a deployment model: stamped pages, repeated headers, a legible chosen model", async ({
  page,
  baseURL,
}) => {
  const { number, publishedAt } = await currentVersion(page, "contain");
  const url = `${baseURL}/providers/contain/services/platform?model=cloud-services`;
  await openForPrint(page, url);
  const rows = await page
    .getByRole("table", { name: /responsibility matrix/i })
    .locator("tbody tr")
    .count();
  const pages = await printedPages(page);

  expect(pages.length).toBeGreaterThan(2);
  pages.forEach((text, index) => {
    expect(flat(text), `page ${index + 1}`).toContain(
      `Contain · Version ${number} (current), published ${publishedAt}`,
    );
    expect(flat(text), `page ${index + 1}`).toContain(url);
  });
  const over = expectMatrixPrinted(pages, /#\s+Area\s+Assignment\s+Contain\s+Customer\s+Hyperscaler\s+Layer/, rows);
  // The matrix starts after the stack diagram and runs over several pages.
  expect(over.length).toBeGreaterThan(1);
  expect(over[0]).toBeGreaterThan(1);
  // The heading goes with the table: never the last line of the page before it.
  for (const text of pages) expect(lines(text).at(-1)).not.toMatch(/Responsibility matrix|responsibility areas\./);

  // The chosen model says so on paper, in dark text on white, and the assignments keep their labels.
  expect(flat(pages[0]!)).toContain("Selected: Cloud Services");
  const chosen = page.getByRole("navigation", { name: "Deployment models" }).locator('[aria-current="true"]');
  await expect(chosen).toHaveCSS("background-color", "rgb(255, 255, 255)");
  const text = await page.locator("body").evaluate((body) => getComputedStyle(body).color);
  await expect(chosen).toHaveCSS("color", text);
  const matrixText = flat(over.map((n) => pages[n - 1]).join("\n"));
  for (const label of ["Provider", "Customer", "Third party", "Overridden"]) expect(matrixText).toContain(label);
});

test("a service page on small paper: every page stamped with the current version and repeats the headers", async ({
  page,
  baseURL,
}) => {
  const url = `${baseURL}/providers/danubedata/services/vps`;
  await openForPrint(page, url);
  // Area rows (the folded cross-cutting group's header row heads none, and its rows stay folded).
  const rows = await page
    .getByRole("table", { name: /responsibility matrix/i })
    .locator("tbody tr:has(th[scope=row])")
    .count();
  const pages = await printedPages(page, "A5");

  expect(pages.length).toBeGreaterThan(2);
  // Other specs may publish DanubeData meanwhile: the stamp's version must be one the history lists
  // with exactly the stamped publication time.
  const stamps = pages.map((text) => /DanubeData · Version (\d+) \(current\), published (.+? UTC)/.exec(flat(text)));
  for (const [index, text] of pages.entries()) {
    expect(stamps[index], `page ${index + 1}`).not.toBeNull();
    expect(stamps[index]![0]).toBe(stamps[0]![0]);
    expect(flat(text), `page ${index + 1}`).toContain(url);
  }
  await page.emulateMedia({ media: "screen" });
  await page.goto("/providers/danubedata/versions");
  const stamped = page
    .getByRole("table", { name: /^Published versions of/ })
    .locator("tbody tr")
    .filter({ has: page.getByRole("rowheader", { name: new RegExp(`^Version ${stamps[0]![1]}(\\s|$)`) }) });
  await expect(stamped.locator("time")).toHaveText(stamps[0]![2]!);

  const over = expectMatrixPrinted(pages, /#\s+Area\s+Assignment\s+DanubeData\s+Customer/, rows);
  expect(over.length).toBeGreaterThan(1);
});

test("an old version's page stamps that version, instead of the current one", async ({ page, baseURL }) => {
  const url = `${baseURL}/providers/danubedata/versions/1/services/vps`;
  await openForPrint(page, url);
  const pages = await printedPages(page);
  for (const [index, text] of pages.entries()) {
    expect(flat(text), `page ${index + 1}`).toMatch(
      /DanubeData · Version 1 \((current|not the current version)\), published .+? UTC/,
    );
    expect(flat(text).match(/DanubeData · Version/g), `page ${index + 1}: one stamp`).toHaveLength(1);
    expect(flat(text), `page ${index + 1}`).toContain(url);
  }
});
