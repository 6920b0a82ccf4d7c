// Version history, read-only version views, comparing versions and the Atom changelog feed.
import { expect, test } from "./fixtures";
import { providerWithTwoVersions } from "./support/provider-with-versions";

let own: Awaited<ReturnType<typeof providerWithTwoVersions>>;
test.beforeAll(async () => {
  own = await providerWithTwoVersions();
});

test("DanubeData: history from the provider page, version 1, and its Atom feed", async ({ page, request, snap }) => {
  await page.goto("/providers/danubedata");
  await page.getByRole("link", { name: "History", exact: true }).click();
  await expect(page).toHaveURL(/\/providers\/danubedata\/versions$/);
  await expect(page.getByRole("heading", { level: 1, name: "History of DanubeData" })).toBeVisible();
  const feedLink = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
  // The provider page announces the same feed: while the navigation swaps the head both may be there.
  await expect(feedLink).toHaveCount(1);
  await expect(feedLink).toHaveAttribute("href", "/providers/danubedata/changelog.atom");
  const versions = page.getByRole("table", { name: /Published versions of DanubeData/ });
  // Seeded as version 1 (other specs may publish later versions: only version 1 is asserted).
  const first = versions.locator("tbody tr").filter({ has: page.getByRole("rowheader", { name: /^Version 1(\s|$)/ }) });
  await expect(first).toContainText("Initial import");
  await expect(first).toContainText("Initial transcription of");
  await expect(first.locator("code")).toHaveText(/^[0-9a-f]{12}$/);
  await snap("versions-danubedata");

  await first.getByRole("link", { name: "View version 1" }).click();
  await expect(page).toHaveURL(/\/providers\/danubedata\/versions\/1$/);
  await expect(page.getByRole("note", { name: "Version" })).toContainText(
    /Version 1 of .+ — (the|not the) current version/,
  );
  await expect(page.getByRole("heading", { level: 1, name: "DanubeData" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Services" }).getByRole("listitem")).toHaveCount(8);
  await expect(page.getByRole("table", { name: /cross-cutting/i }).locator("tbody tr")).toHaveCount(6);
  await snap("version-danubedata-1");

  await page.getByRole("link", { name: /Virtual Private Servers/ }).click();
  await expect(page).toHaveURL(/\/providers\/danubedata\/versions\/1\/services\/vps$/);
  await expect(page.getByRole("heading", { level: 1, name: "Virtual Private Servers (VPS)" })).toBeVisible();
  // Its own 7 areas; the provider's cross-cutting ones sit folded under one header row.
  await expect(
    page.getByRole("table", { name: /responsibility matrix/i }).locator("tbody tr:has(th[scope=row])"),
  ).toHaveCount(7);
  await expect(page.getByRole("note", { name: "Version" })).toContainText("Version 1");
  await snap("version-danubedata-1-vps");

  const atom = await request.get("/providers/danubedata/changelog.atom");
  expect(atom.status()).toBe(200);
  expect(atom.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const xml = await atom.text();
  expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(
    true,
  );
  expect(xml).toContain('<title type="text">Version 1</title>');
  expect(xml).toMatch(
    /<link rel="alternate" type="text\/html" href="http:\/\/[^"]+\/providers\/danubedata\/versions\/1"\/>/,
  );
  expect(xml.match(/<entry>/g)?.length).toBeGreaterThanOrEqual(1);
  expect(xml.trimEnd().endsWith("</feed>")).toBe(true);
});

test("two versions: compare inline and side by side, view the old one, feed entries", async ({
  page,
  request,
  snap,
}) => {
  await page.goto(`/providers/${own.slug}/versions`);
  const rows = page.getByRole("table", { name: /Published versions/ }).locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("Version 2");
  await expect(rows.nth(0)).toContainText("Backups are shared now <snapshots> & restores");
  await expect(rows.nth(1)).toContainText("Version 1");
  // The compare form defaults to the newest two.
  await expect(page.getByLabel("From")).toHaveValue("1");
  await expect(page.getByLabel("To")).toHaveValue("2");
  await snap("versions-own");

  await rows
    .nth(0)
    .getByRole("link", { name: /Compare with previous/ })
    .click();
  await expect(page).toHaveURL(/\/versions\/compare\?from=1&to=2$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${own.name}: version 1 → 2`);
  // Each side names who published it (a reader sees no account) and its changelog note.
  const side = (label: string) => page.getByRole("main").getByText(label, { exact: true }).locator("..");
  await expect(side("Before")).toContainText("Published by Demarc editor");
  await expect(side("Before")).toContainText("Changelog note: Initial transcription.");
  await expect(side("After")).toContainText("Published by Demarc editor");
  await expect(side("After")).toContainText("Changelog note: Backups are shared now <snapshots> & restores");
  const summary = page.getByRole("list", { name: "Summary of changes" });
  await expect(summary).toContainText("1 changed");
  await expect(summary).toContainText("2 added");
  await expect(page.locator('[data-change="added"]').filter({ hasText: "Monitoring" })).toContainText(
    "Watch dashboards",
  );
  await expect(page.getByRole("region", { name: "Sections" }).locator('[data-change="added"]')).toHaveText(/Support/);
  const backups = page.locator('[data-change="changed"]').filter({ hasText: "Backups" });
  await expect(backups).toBeVisible();
  // Assignment before → after, and duty lines removed (−) and added (+).
  const assignment = backups.locator('[data-field="assignment"]');
  await expect(assignment).toContainText("Customer");
  await expect(assignment).toContainText("Shared");
  const customerDuties = backups.locator('[data-field="duties:customer"]');
  await expect(customerDuties.locator('[data-diff="removed"]')).toHaveText(["−removed: Schedule backups"]);
  await expect(customerDuties.locator('[data-diff="added"]')).toHaveText(["+added: Keep off-site copies"]);
  await expect(customerDuties.locator('[data-diff="same"]')).toHaveText(["Test restores"]);
  await expect(backups.locator('[data-field="duties:provider"] [data-diff="added"]')).toHaveText([
    "+added: Take nightly snapshots",
  ]);
  await snap("compare-inline");

  await page.getByRole("navigation", { name: "Diff layout" }).getByRole("link", { name: "Side by side" }).click();
  await expect(page).toHaveURL(/view=split/);
  await expect(page.locator('[data-layout="split"]')).toBeVisible();
  await expect(customerDuties.getByText("Version 1")).toBeVisible();
  await expect(customerDuties.getByText("Version 2")).toBeVisible();
  await snap("compare-side-by-side");

  // Equal and unknown versions get a message, not an error page.
  await page.goto(`/providers/${own.slug}/versions/compare?from=2&to=2`);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "Both sides are version 2. Choose two different versions to compare.",
  );
  await page.goto(`/providers/${own.slug}/versions/compare?from=1&to=9`);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "There is no version 9; this provider has versions 1–2.",
  );
  await page.goto(`/providers/${own.slug}/versions/compare?from=abc&to=2`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("“abc” is not a version number");
  await snap("compare-invalid");

  // The form compares any two versions.
  await page.getByLabel("From").selectOption("2");
  await page.getByLabel("To").selectOption("1");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/from=2&to=1/);
  await expect(page.getByText("You are comparing a newer version with an older one")).toBeVisible();

  await page.goto(`/providers/${own.slug}/versions/1`);
  await expect(page.getByRole("note", { name: "Version" })).toContainText(/Version 1 of .+ — not the current version/);
  await expect(page.getByRole("note", { name: "Version" })).toContainText("Published by: Demarc editor");
  await page.getByRole("link", { name: own.service.name }).click();
  const matrix = page.getByRole("table", { name: /responsibility matrix/i });
  await expect(matrix.locator("tbody tr").filter({ hasText: "Backups" })).toContainText("Schedule backups");
  await snap("version-own-1-service");

  const atom = await request.get(`/providers/${own.slug}/changelog.atom`);
  const xml = await atom.text();
  expect([...xml.matchAll(/<title type="text">(Version \d+)<\/title>/g)].map((m) => m[1])).toEqual([
    "Version 2",
    "Version 1",
  ]);
  expect(xml).toContain('<summary type="text">Backups are shared now &lt;snapshots&gt; &amp; restores</summary>');
  expect(xml).toContain("area “Backups”: assignment Customer → Shared");
});

test("unknown versions and providers are 404s", async ({ page, request, expectConsoleError }) => {
  expectConsoleError(/status of 404/);
  for (const path of [
    `/providers/${own.slug}/versions/3`,
    `/providers/${own.slug}/versions/0`,
    `/providers/${own.slug}/versions/one`,
    `/providers/${own.slug}/versions/1/services/no-such-service`,
    "/providers/no-such-provider/versions",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  const feed = await request.get("/providers/no-such-provider/changelog.atom");
  expect(feed.status()).toBe(404);
  expect(feed.headers()["content-type"]).toBe("application/problem+json");
});
