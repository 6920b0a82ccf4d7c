import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const run = promisify(execFile);

const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });
const entries = (page: Page) => page.getByRole("table", { name: "Audit entries, newest first" });
const rows = (page: Page) => entries(page).locator("tbody tr");
/** Rows whose action is exactly `action` (auth.sign-in is also the start of auth.sign-in-failed). */
const rowsWithAction = (page: Page, action: string) =>
  rows(page).filter({ has: page.locator("code").getByText(action, { exact: true }) });

test("auditor: opens the audit log from the header, filters it and downloads it as CSV", async ({
  page,
  signIn,
  snap,
}) => {
  await signIn("auditor@demarc.local");
  await nav(page).getByRole("link", { name: "Audit log" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await snap("audit-log-all");

  // Their own sign-in a moment ago is listed (other tests' demo sign-ins may be there too).
  const ownSignIns = rowsWithAction(page, "auth.sign-in").filter({ hasText: "auditor@demarc.local" });
  await expect(ownSignIns.first()).toBeVisible();
  // In words, with the actor's name; the raw values one click away.
  await expect(ownSignIns.first()).toContainText("Signed in with a password");
  await expect(ownSignIns.first()).toContainText("Audrey Auditor");
  await ownSignIns.first().locator("summary").click();
  await expect(
    ownSignIns
      .first()
      .getByText(/"method": "password"/)
      .first(),
  ).toBeVisible();

  // Filter by action (and actor): every row shown is a sign-in by the auditor.
  await page.getByLabel("Action").selectOption("auth.sign-in");
  await page.getByLabel("Actor").fill("AUDITOR@");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]action=auth\.sign-in(&|$)/);
  await expect(page.getByLabel("Action")).toHaveValue("auth.sign-in");
  await expect(page.getByLabel("Actor")).toHaveValue("AUDITOR@");
  const count = await rows(page).count();
  expect(count).toBeGreaterThan(0);
  await expect(rowsWithAction(page, "auth.sign-in")).toHaveCount(count);
  await expect(rows(page).filter({ hasText: "auditor@demarc.local" })).toHaveCount(count);
  await expect(page.getByText(count === 1 ? "1 entry matches" : `${count} entries match`)).toBeVisible();
  await snap("audit-log");

  // The files carry the same filters.
  await page.getByRole("button", { name: "Export" }).click();
  const link = page.getByRole("link", { name: /^CSV/ });
  await expect(link).toHaveAttribute("href", "/audit/export?format=csv&actor=AUDITOR%40&action=auth.sign-in");
  const downloading = page.waitForEvent("download");
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^demarc-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), "utf8");
  const lines = csv.split("\r\n");
  expect(lines[0]).toBe("id,at,actor,action,target type,target id,provider,before,after,description");
  expect(lines.at(-1)).toBe("");
  const records = lines.slice(1, -1);
  expect(records).toHaveLength(count);
  for (const record of records) {
    // id, at, actor and action hold no commas; the JSON columns after them are quoted.
    const [id, at, actor, action, targetType] = record.split(",");
    expect(id).toMatch(/^\d+$/);
    expect(Number.isNaN(Date.parse(at!))).toBe(false);
    expect([actor, action, targetType]).toEqual(["auditor@demarc.local", "auth.sign-in", "user"]);
  }
  expect(records[0]).toContain('""method"":""password""');
  expect(records[0]).toMatch(/,Signed in with a password from [^,]+$/);

  // The PDF: the filters on its cover, every entry in its tables.
  const exportButton = page.getByRole("button", { name: "Export" });
  await exportButton.click(); // the download before closed the menu
  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^PDF/ }).click()]);
  expect(pdf.suggestedFilename()).toMatch(/^demarc-audit-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdfText = (await run("pdftotext", ["-raw", (await pdf.path())!, "-"])).stdout.replace(/\s+/g, " ");
  expect(pdfText).toContain("Actor: AUDITOR@");
  expect(pdfText).toContain(`Entries: ${count} ${count === 1 ? "entry" : "entries"}`);
  // Narrow columns wrap after dots: count without the line breaks.
  expect(pdfText.replace(/\s+/g, "").match(/auditor@demarc\.local/g)?.length).toBe(count);

  // Printed: the filter form, paging and download link are left out; the entries stay.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("form", { name: "Filter the audit log" })).toBeHidden();
  await expect(link).toBeHidden();
  await expect(rows(page).first()).toBeVisible();
  await expect(
    rows(page)
      .first()
      .getByText(/"method":"password"/)
      .filter({ visible: true }),
  ).toHaveCount(1);
  await snap("audit-log-print");
  await page.emulateMedia({ media: "screen" });
});

test("auditor: a refused filter is explained next to its field", async ({ page, signIn }) => {
  await signIn("auditor@demarc.local");
  await page.goto("/audit?from=last-tuesday&to=2025-01-01");
  const from = page.getByLabel("From");
  await expect(from).toHaveAttribute("aria-invalid", "true");
  await expect(from).toHaveValue("last-tuesday");
  await expect(page.getByText(/Enter a date as YYYY-MM-DD/)).toBeVisible();
  await expect(page.getByRole("form", { name: "Filter the audit log" }).getByRole("alert")).toContainText(
    "Check the highlighted filters.",
  );
  await expect(page.getByRole("button", { name: "Export" })).toHaveCount(0);
  await expect(entries(page)).toHaveCount(0);

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(entries(page)).toBeVisible();
});

test("the header offers the audit log to auditors and administrators only", async ({
  page,
  signIn,
  expectConsoleError,
}) => {
  await signIn("admin@demarc.local");
  await expect(nav(page).getByRole("link", { name: "Audit log" })).toHaveAttribute("href", "/audit");
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();

  await signIn("customer@demarc.local");
  await expect(nav(page).getByRole("link", { name: "My obligations" })).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "Audit log" })).toHaveCount(0);
  // Typed in by hand: the 404 of a page that does not exist, title and all.
  expectConsoleError(/status of 404/);
  const response = await page.goto("/audit");
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle("Not found · Demarc");
  await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
});

test("auditor on a phone: entries read as sentences, emails wrap at their @, nothing scrolls sideways", async ({
  page,
  signIn,
  snap,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn("auditor@demarc.local");
  await page.goto("/audit?action=auth.sign-in");
  await expect(rows(page).first()).toContainText("Signed in with a password");
  // The actor sits under the time: two columns, no sideways scrolling, no id in the sentence.
  await expect(entries(page).getByRole("columnheader")).toHaveText(["Time (UTC) and actor", "What happened"]);
  await expect(rows(page).first().getByRole("rowheader")).toContainText("auditor@demarc.local");
  await rows(page).first().locator("summary").click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expect(rows(page).first().getByRole("cell").first()).not.toContainText(
    /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
  );
  // Emails wrap before their @ and dots only: no class anywhere breaks words apart.
  expect(await page.locator(".break-all").count()).toBe(0);
  expect(await rows(page).first().locator("wbr").count()).toBeGreaterThan(0);
  await snap("audit-log-phone");
});
