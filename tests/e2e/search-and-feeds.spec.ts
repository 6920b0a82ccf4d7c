// The catalog search's words-in-any-order hits and their deep links; feed autodiscovery, absolute
// feed links and per-page meta descriptions.
import { expect, test } from "./fixtures";

test("catalog search: words in any order, matched words marked, a hit opens its row", async ({ page, snap }) => {
  await page.goto("/");
  const search = page.getByRole("searchbox", { name: /Search providers/ });
  await search.fill("snapshots restore vps");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\?q=snapshots\+restore\+vps/);

  const results = page.getByRole("region", { name: /results? for/ });
  const hit = results.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Backups & Snapshots" }) });
  await expect(hit).toHaveCount(1);
  // The name marks "Snapshots"; the duty that holds "restore" says whose it is, with the word marked.
  await expect(hit.locator("mark", { hasText: /^Snapshots$/ })).toBeVisible();
  await expect(hit).toContainText("Customer duty:");
  await expect(hit.locator("mark", { hasText: /^restore$/i })).toBeVisible();
  await expect(hit).toContainText("DanubeData · Virtual Private Servers (VPS)");
  const link = hit.getByRole("link", { name: "Backups & Snapshots" });
  await expect(link).toHaveAttribute("href", "/providers/danubedata/services/vps#area-backups-snapshots");
  await snap("catalog-search-any-order");

  // The same words in another order give the same hits.
  const names = await results.getByRole("link").allTextContents();
  await page.goto("/?q=vps+restore+snapshots");
  await expect(page.getByRole("region", { name: /results? for/ }).getByRole("link")).toHaveText(names);

  await page.goto("/?q=snapshots+restore+vps");
  await page.getByRole("link", { name: "Backups & Snapshots" }).click();
  await expect(page).toHaveURL(/\/providers\/danubedata\/services\/vps#area-backups-snapshots$/);
  await expect(page.locator("#area-backups-snapshots")).toBeInViewport();
  await expect(page.locator("#area-backups-snapshots")).toContainText("Backups & Snapshots");
});

test("catalog search: many hits come in pages, each hit once", async ({ page }) => {
  await page.goto("/?q=security");
  const results = page.getByRole("region", { name: /results? for/ });
  const areas = results.getByRole("heading", { name: /^Responsibility areas/ });
  const total = Number(/of (\d+)\)/.exec(await areas.innerText())?.[1]);
  expect(total).toBeGreaterThan(40);
  await expect(areas).toContainText(`(1–20 of ${total})`);
  const pages = page.getByRole("navigation", { name: "Search result pages" });
  const pageCount = Math.ceil(total / 20);
  await expect(pages).toContainText(`Page 1 of ${pageCount}`);
  const seen = new Set<string>();
  // Each area hit's first link names its row.
  const areaHits = areas.locator("xpath=following-sibling::ul[1]/li");
  const collect = async () => {
    for (const href of await areaHits.evaluateAll((items) =>
      items.map((item) => item.querySelector("a")?.getAttribute("href")),
    ))
      seen.add(href!);
  };
  await collect();
  for (let current = 2; current <= pageCount; current++) {
    await pages.getByRole("link", { name: "Next page" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]hits=${current}$`));
    await expect(pages).toContainText(`Page ${current} of ${pageCount}`);
    await collect();
  }
  await expect(pages.getByRole("link", { name: "Next page" })).toHaveCount(0);
  await expect(areas).toContainText(`–${total} of ${total})`);
  expect(seen.size).toBe(total);
  await pages.getByRole("link", { name: "Previous page" }).click();
  await expect(pages).toContainText(`Page ${pageCount - 1} of ${pageCount}`);
});

test("catalog search: a cross-cutting hit opens its row on the provider page", async ({ page }) => {
  await page.goto("/?q=danubedata+restore+testing+recovery");
  const link = page.getByRole("link", { name: "Backup & Recovery" });
  await expect(link).toHaveAttribute("href", "/providers/danubedata#cross-cutting-backup-recovery");
  await link.click();
  await expect(page.locator("#cross-cutting-backup-recovery")).toBeInViewport();
});

test("provider, service and version pages announce the changelog feed and describe themselves", async ({
  page,
  request,
}) => {
  const feed = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
  const description = page.locator('head meta[name="description"]');

  await page.goto("/providers/danubedata");
  await expect(feed).toHaveAttribute("href", "/providers/danubedata/changelog.atom");
  await expect(feed).toHaveAttribute("title", "DanubeData changelog");
  await expect(description).toHaveAttribute("content", /^Cloud provider whose model splits security/);
  const providerDescription = await description.getAttribute("content");
  expect(providerDescription!.length).toBeLessThanOrEqual(160);

  await page.goto("/providers/danubedata/services/vps");
  await expect(feed).toHaveAttribute("href", "/providers/danubedata/changelog.atom");
  await expect(description).toHaveAttribute("content", /^KubeVirt-based virtual machines/);

  await page.goto("/providers/danubedata/versions/1");
  await expect(feed).toHaveAttribute("href", "/providers/danubedata/changelog.atom");

  // Every page says something of its own.
  const seen = new Set<string>();
  for (const path of ["/", "/sign-in", "/verify", "/providers/danubedata", "/providers/danubedata/versions"]) {
    await page.goto(path);
    const content = await description.getAttribute("content");
    expect(content, path).toBeTruthy();
    expect(seen.has(content!), path).toBe(false);
    seen.add(content!);
  }

  // The feed's links are absolute and name the address the reader used, not the one Next.js listens on.
  const xml = await (await request.get("/providers/danubedata/changelog.atom")).text();
  const hrefs = [...xml.matchAll(/ href="([^"]+)"/g)].map((m) => m[1]!);
  expect(hrefs.length).toBeGreaterThanOrEqual(3);
  for (const href of hrefs) expect(href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/providers\/danubedata\//);
  expect(xml).not.toContain("localhost");
});
