// Taking a view away as a file: the Export menu on a service page downloads exactly the filtered
// matrix under the chosen deployment model, and the provider page's menu the whole provider.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { expect, test } from "./fixtures";

const run = promisify(execFile);

test("a reader exports a filtered matrix under a deployment model as CSV, and the provider as XLSX", async ({
  page,
  snap,
}) => {
  await page.goto("/providers/contain/services/platform?model=cloud-services");
  await page.getByRole("button", { name: "Assignment filter" }).click();
  await page.getByRole("checkbox", { name: /Third party/ }).check();
  await page.keyboard.press("Escape");
  const shown = await page.getByRole("table").first().locator("tbody tr").count();

  const exportButton = page.getByRole("button", { name: "Export" });
  await exportButton.click();
  await expect(exportButton).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByText("Files keep the assignment filter.")).toBeVisible();
  await snap("export-menu");
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^CSV/ }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^contain-v\d+-platform-cloud-services-filtered\.csv$/);
  const rows = parse(await readFile((await csv.path())!), { bom: true, columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(shown);
  expect(rows.every((row) => row.Assignment === "Third party" && row["Deployment model"] === "Cloud Services")).toBe(
    true,
  );

  await exportButton.click();
  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^PDF/ }).click()]);
  expect(pdf.suggestedFilename()).toMatch(/^contain-v\d+-platform-cloud-services-filtered\.pdf$/);
  const pdfPath = (await pdf.path())!;
  expect((await readFile(pdfPath)).subarray(0, 8).toString("latin1")).toBe("%PDF-1.7");
  const text = (await run("pdftotext", ["-raw", pdfPath, "-"])).stdout.replace(/\s+/g, " ");
  expect(text).toContain("Cloud Services");
  expect(text).toContain(`${shown} of `);

  // Escape closes the menu and gives focus back to its button.
  await exportButton.click();
  await page.keyboard.press("Escape");
  await expect(exportButton).toHaveAttribute("aria-expanded", "false");
  await expect(exportButton).toBeFocused();

  await page.goto("/providers/danubedata");
  await page.getByRole("button", { name: "Export" }).click();
  const [xlsx] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /^Excel workbook/ }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/^danubedata-v\d+\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await xlsx.path())!);
  expect(book.worksheets.map((sheet) => sheet.name)).toEqual(
    expect.arrayContaining(["Cover", "Virtual Private Servers (VPS)", "Cross-cutting", "Legend"]),
  );
});

test("a customer takes their obligations away as a spreadsheet", async ({ page, signIn }) => {
  await signIn("customer@demarc.local");
  await page.goto("/me/obligations");
  const duties = await page.locator('ul[aria-label$=": your duties"] > li').count();
  await page.getByRole("button", { name: "Export" }).click();
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^CSV/ }).click()]);
  expect(csv.suggestedFilename()).toBe("acme-retail-obligations.csv");
  const rows = parse(await readFile((await csv.path())!), { bom: true, columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(duties);
  expect(new Set(rows.map((row) => row.Provider))).toEqual(new Set(["DanubeData", "STACKIT"]));
});
