// Taking a view away as a file: the Export menu on a service page downloads exactly the filtered
// matrix under the chosen deployment model, and the provider page's menu the whole provider.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import type { Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { assignmentHex } from "@/lib/domain/assignment-colours";
import { expect, test } from "./fixtures";
import { pageWith, showPdfPage } from "./support/pdf-page-image";
import { checkDownload, type DownloadCheck } from "./support/check-download";
import { providerWithTwoVersions } from "./support/provider-with-versions";

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

  // Looked at, not only read: the matrix page is drawn with its grey header row and the
  // third-party chips in their colour (the symbol and label say it too).
  const matrixPage = await pageWith(pdfPath, ["Responsibility matrix", "Assignment"]);
  const pixels = await showPdfPage(page, pdfPath, matrixPage, [assignmentHex["third-party"].fill, "#e2e8f0"]);
  expect(pixels.inked).toBeGreaterThan(0.05);
  expect(pixels.counts[assignmentHex["third-party"].fill]).toBeGreaterThan(shown * 20);
  expect(pixels.counts["#e2e8f0"]).toBeGreaterThan(1000);
  await snap("export-pdf-matrix-page");
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

  const exportButton = page.getByRole("button", { name: "Export" });
  await exportButton.click(); // the download before closed the menu
  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^PDF/ }).click()]);
  expect(pdf.suggestedFilename()).toBe("acme-retail-obligations.pdf");
  const text = (await run("pdftotext", ["-raw", (await pdf.path())!, "-"])).stdout.replace(/\s+/g, " ");
  expect(text).toContain("Acme Retail: our obligations");
  for (const row of rows.slice(0, 20)) expect(text).toContain(row.Duty!.replace(/\s+/g, " "));

  await exportButton.click(); // a download closes the menu
  const [ssp] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /^OSCAL SSP/ }).click(),
  ]);
  expect(ssp.suggestedFilename()).toBe("acme-retail-obligations-ssp.json");
  const plan = JSON.parse(await readFile((await ssp.path())!, "utf8"));
  const satisfied = plan["system-security-plan"]["control-implementation"]["implemented-requirements"].flatMap(
    (r: { "by-components": { satisfied?: unknown[] }[] }) => r["by-components"].flatMap((b) => b.satisfied ?? []),
  );
  expect(satisfied).toHaveLength(duties);
});

test("an auditor takes the changes between two versions away as a PDF", async ({ page, signIn }) => {
  const own = await providerWithTwoVersions();
  await signIn("auditor@demarc.local");
  await page.goto(`/providers/${own.slug}/versions/compare?from=1&to=2`);
  await page.getByRole("button", { name: "Export" }).click();
  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^PDF/ }).click()]);
  expect(pdf.suggestedFilename()).toBe(`${own.slug}-v1-v2-changes.pdf`);
  const text = (await run("pdftotext", ["-raw", (await pdf.path())!, "-"])).stdout.replace(/\s+/g, " ");
  expect(text).toContain(`${own.name}: changes from version 1 to 2`);
  for (const change of ["Monitoring", "Keep off-site copies", "Support"]) expect(text).toContain(change);
  expect(text).toMatch(/Page 1 of \d+/);
});

/** Downloads every format the view's Export menu offers and reads each file back. */
async function downloadEvery(page: Page, expected: readonly string[]): Promise<DownloadCheck[]> {
  const button = page.getByRole("button", { name: "Export" });
  await button.click();
  const links = page.getByRole("list", { name: "Export formats" }).getByRole("link");
  const names = await links.allInnerTexts();
  expect(names.map((name) => name.split("\n")[0]!.trim())).toEqual(expected);
  const checks: DownloadCheck[] = [];
  for (let i = 0; i < names.length; i++) {
    if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
    const [download] = await Promise.all([page.waitForEvent("download"), links.nth(i).click()]);
    checks.push(await checkDownload(download));
  }
  return checks;
}

const everyView: {
  role: string;
  who?: string;
  views: { url: string | (() => Promise<string>); formats: string[] }[];
}[] = [
  {
    role: "a reader",
    views: [
      { url: "/providers/danubedata/services/vps", formats: ["PDF", "CSV", "Excel workbook"] },
      {
        url: "/providers/danubedata",
        formats: ["PDF", "CSV", "Excel workbook", "CAIQ v4 SSRM", "OSCAL SSP", "OSCAL catalog", "JSON"],
      },
      {
        url: async () => `/providers/${(await providerWithTwoVersions()).slug}/versions/compare?from=1&to=2`,
        formats: ["PDF", "CSV"],
      },
    ],
  },
  {
    role: "a customer",
    who: "customer@demarc.local",
    views: [{ url: "/me/obligations", formats: ["PDF", "CSV", "Excel workbook", "OSCAL SSP"] }],
  },
  {
    role: "an auditor",
    who: "auditor@demarc.local",
    views: [{ url: "/audit?action=auth.sign-in", formats: ["CSV", "PDF"] }],
  },
];

for (const { role, who, views } of everyView)
  test(`${role}: each format of each Export menu downloads and opens in its reader`, async ({ page, signIn }) => {
    test.setTimeout(120_000);
    if (who) await signIn(who);
    for (const view of views) {
      const url = typeof view.url === "string" ? view.url : await view.url();
      await page.goto(url);
      const checks = await downloadEvery(page, view.formats);
      expect(
        checks.filter((check) => check.problems.length),
        url,
      ).toEqual([]);
    }
  });
