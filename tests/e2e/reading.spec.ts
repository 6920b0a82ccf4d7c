// Reading a service's whole answer: on a phone every duty sits in a card under its party's name (nothing off-screen),
// the provider's cross-cutting areas are part of every service page, the matrix's state lives in the address, a link to
// a row lands on it, and a customer sees which services their organization subscribes to.
import { expect, test } from "./fixtures";

const phone = { width: 390, height: 844 };

test("on a phone a matrix row is a card: area, assignment, then each party's duties under its name, all on screen", async ({
  page,
  snap,
}) => {
  await page.setViewportSize(phone);
  await page.goto("/providers/danubedata/services/vps");
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /Backups & Snapshots/ }) });
  await expect(row).toBeVisible();
  for (const text of ["DanubeData", "Customer", "Snapshot infrastructure", "restore testing"]) {
    const element = row.getByText(text, { exact: true });
    await expect(element).toBeVisible();
    const box = (await element.boundingBox())!;
    expect(box.x, `${text} starts on screen`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${text} ends on screen`).toBeLessThanOrEqual(phone.width);
  }
  // The party's name heads its duties inside the card.
  const customer = (await row.getByText("Customer", { exact: true }).boundingBox())!;
  const duty = (await row.getByText("restore testing", { exact: true }).boundingBox())!;
  expect(duty.y).toBeGreaterThan(customer.y);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
  await snap("reading-vps-phone");
});

test("a service page counts the provider's cross-cutting areas, folded, and searches them with its own", async ({
  page,
}) => {
  await page.goto("/providers/danubedata/services/vps");
  await expect(page.getByText(/7 responsibility areas, plus 6 that apply to every DanubeData service/)).toBeVisible();
  const group = page.getByRole("button", { name: /Applies to every DanubeData service \(6 areas\)/ });
  await expect(group).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("rowheader", { name: /Encryption/ })).toHaveCount(0);
  await group.click();
  await expect(page.getByRole("rowheader", { name: /Encryption/ })).toBeVisible();
  await group.click();

  // A duty only a cross-cutting area holds is found by the page's search, and the group says how many match.
  await page.getByRole("searchbox", { name: "Search areas" }).fill("Velero");
  await expect(page.getByRole("button", { name: /Applies to every DanubeData service \(1 area\)/ })).toBeVisible();
  await expect(page.getByText("Showing 1 of 13 rows")).toBeVisible();
});

test("search, filters and sort live in the address: shared, reloaded and restored by the back button", async ({
  page,
}) => {
  await page.goto("/providers/danubedata/services/vps");
  await page.getByRole("button", { name: "Assignment filter" }).click();
  await page.getByRole("checkbox", { name: /Shared/ }).check();
  await page.keyboard.press("Escape");
  await page.getByRole("searchbox", { name: "Search areas" }).fill("snapshot scheduling");
  await expect(page).toHaveURL(/[?&]assignment=shared/);
  await expect(page).toHaveURL(/[?&]q=snapshot(\+|%20)scheduling/);
  const shared = page.url();

  // The same address opens the same view.
  await page.goto("/");
  await page.goto(shared);
  await expect(page.getByRole("searchbox", { name: "Search areas" })).toHaveValue("snapshot scheduling");
  await expect(page.getByText(/Showing 1 of 13 rows/)).toBeVisible();
  await expect(page.getByRole("rowheader", { name: /Backups & Snapshots/ })).toBeVisible();

  // Leave and come back: the view is still there.
  await page.getByRole("link", { name: "DanubeData" }).first().click();
  await expect(page).toHaveURL(/\/providers\/danubedata$/);
  await page.goBack();
  await expect(page.getByRole("searchbox", { name: "Search areas" })).toHaveValue("snapshot scheduling");
  await expect(page.getByText(/Showing 1 of 13 rows/)).toBeVisible();
});

test("a link to a cross-cutting row opens its group, scrolls to it and highlights it", async ({ page }) => {
  await page.setViewportSize(phone);
  await page.goto("/providers/danubedata/services/vps#cross-cutting-backup-recovery");
  const row = page.locator("#cross-cutting-backup-recovery");
  await expect(row).toBeInViewport();
  await expect(row).toHaveAttribute("data-targeted", "");
  await expect(row.getByRole("rowheader", { name: /Backup & Recovery/ })).toBeVisible();
  await expect(row.getByText("Applies to every service")).toBeVisible();
});

test("a customer sees the services their organization subscribes to and reaches each duty's row", async ({
  page,
  signIn,
}) => {
  await signIn("customer@demarc.local");
  await page.goto("/");
  const danube = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "DanubeData" }) });
  await expect(danube.getByText("Your organization subscribes to 3 services")).toBeVisible();
  const alibaba = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Alibaba Cloud" }) });
  await expect(alibaba.getByText(/Your organization subscribes/)).toHaveCount(0);

  await page.goto("/providers/danubedata");
  const vps = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: /Virtual Private Servers/ }) });
  await expect(vps.getByText("Your organization subscribes")).toBeVisible();
  const kubernetes = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: /Managed Kubernetes/ }) });
  await expect(kubernetes.getByText("Your organization subscribes")).toHaveCount(0);

  await vps.getByRole("link").click();
  await page.getByRole("link", { name: /Your duties across all your services/ }).click();
  await expect(page).toHaveURL(/\/me\/obligations#service-danubedata-vps$/);

  // From a duty back to its row in the matrix.
  await page.locator("#service-danubedata-vps").getByRole("link", { name: "Backups & Snapshots" }).click();
  await expect(page).toHaveURL(/\/providers\/danubedata\/services\/vps#area-backups-snapshots$/);
  await expect(page.locator("#area-backups-snapshots")).toHaveAttribute("data-targeted", "");
});

test("anonymous readers see no subscription marks", async ({ page }) => {
  await page.goto("/providers/danubedata/services/vps");
  await expect(page.getByText(/Your organization subscribes/)).toHaveCount(0);
});

test("provider and service pages open without layout shift (no placeholder replaced by a different layout)", async ({
  page,
}) => {
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { shifts: number[] }).shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!entry.hadRecentInput) shifts.push(entry.value);
    }).observe({ type: "layout-shift", buffered: true });
  });
  for (const path of [
    "/providers/danubedata",
    "/providers/contain/services/platform",
    "/providers/danubedata/compare",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForLoadState("networkidle");
    const total = await page.evaluate(() =>
      (window as unknown as { shifts: number[] }).shifts.reduce((a, b) => a + b, 0),
    );
    // Lighthouse calls a cumulative layout shift under 0.1 good.
    expect(total, `${path} cumulative layout shift`).toBeLessThan(0.1);
  }
});
