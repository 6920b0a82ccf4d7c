// Every page, as each role reaches it, on a phone (390 px) and a desktop: axe finds no WCAG 2.1 A/AA
// violation, and nothing scrolls sideways (at 320 px either). Screenshots of both widths land in the artifacts.
// A path with "*" is a detail page reached through the first matching link of the list before the "*".
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// Independent page loads: spread over both workers instead of holding one for the whole file.
test.describe.configure({ mode: "parallel" });
// Three widths, axe twice and two full-page screenshots: slow on a busy 2-core machine.
test.setTimeout(120_000);

const widths = {
  narrow: { width: 320, height: 640 },
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
} as const;

const pages: Record<string, { account?: string; paths: string[] }> = {
  anonymous: {
    paths: [
      "/",
      "/?q=backup",
      "/?q=security&hits=2",
      "/sign-in",
      "/verify",
      "/unsubscribe?token=not-a-real-token",
      "/providers/danubedata",
      "/providers/danubedata/services/vps",
      "/providers/danubedata/compare",
      "/providers/contain/compare",
      "/providers/stackit/compare",
      "/providers/stackit/services/edge-cloud",
      "/providers/contain/services/platform",
      "/providers/contain/services/platform?model=cloud-services",
      "/providers/alibaba-cloud",
      "/providers/alibaba-cloud/services/acs",
      "/providers/managed-kubernetes",
      "/providers/managed-kubernetes/services/managed-kubernetes",
      "/providers/contain",
      "/providers/stackit",
      "/providers/stackit/versions",
      "/providers/danubedata/versions",
      "/providers/danubedata/versions/1",
      "/providers/danubedata/versions/1/services/vps",
      "/providers/danubedata/versions/compare?from=1&to=1",
    ],
  },
  customer: {
    account: "customer@demarc.local",
    paths: [
      "/",
      "/providers/danubedata",
      "/providers/danubedata/services/vps",
      "/me/obligations",
      "/me/systems",
      "/me/systems/shop-production",
      "/me/systems/shop-production?carrier=organization",
      "/me/systems/new",
      "/me/systems/shop-production/edit",
      "/me/systems/shop-production/obligations",
      "/me/systems/shop-production/obligations/platform.data.customer.2",
      "/me/systems/subscribed--services/obligations",
      "/me/changes",
      "/me/notifications",
    ],
  },
  manager: {
    account: "manager@demarc.local",
    paths: [
      "/providers/new",
      "/providers/stackit/edit",
      "/providers/stackit/import",
      "/providers/stackit/services/edge-cloud?view=draft",
      "/providers/danubedata/services/vps",
      "/providers/danubedata/versions",
    ],
  },
  auditor: {
    account: "auditor@demarc.local",
    paths: [
      "/audit",
      "/providers/contain/services/platform",
      "/providers/contain/versions",
      "/providers/contain/versions/compare?from=1&to=1",
      "/systems",
      "/changes/acme-retail",
      "/systems/acme-retail/shop-production",
      "/systems/acme-retail/shop-production/obligations",
      "/systems/acme-retail/shop-production/obligations/platform.data.customer.2",
    ],
  },
  admin: {
    account: "admin@demarc.local",
    paths: [
      "/admin",
      "/admin/users",
      "/admin/users/*",
      "/admin/users/new",
      "/admin/organizations",
      "/admin/organizations/*",
      "/admin/deliveries",
      "/audit",
    ],
  },
};

/** The address of a "*" path: the first link on its list page that goes one level deeper. */
async function resolve(page: Page, path: string): Promise<string> {
  if (!path.endsWith("/*")) return path;
  const list = path.slice(0, -2);
  await page.goto(list);
  const hrefs = await page
    .locator(`main a[href^="${list}/"]`)
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => /^[^/?#]+$/.test(h.slice(list.length + 1)) && !h.endsWith("/new"));
  expect(href, `a detail link on ${list}`).toBeDefined();
  return href!;
}

async function fits(page: Page, path: string, width: keyof typeof widths) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect.soft(overflow, `${path} scrolls sideways at ${widths[width].width} px`).toBeLessThanOrEqual(0);
}

async function check(page: Page, path: string, width: keyof typeof widths) {
  await page.setViewportSize(widths[width]);
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  if (width === "narrow") return fits(page, path, width);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const violations = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`,
  );
  expect.soft(violations, `${path} at ${width} width:\n${violations.join("\n")}`).toEqual([]);
  await fits(page, path, width);
  const name = path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "catalog";
  await page.screenshot({ path: `tests/e2e/.artifacts/screenshots/a11y-${name}-${width}.png`, fullPage: true });
}

for (const [role, { account, paths }] of Object.entries(pages)) {
  for (const path of paths) {
    test(`${role}: ${path} passes axe and fits a phone`, async ({ page, signIn }) => {
      if (account) await signIn(account);
      const address = await resolve(page, path);
      await check(page, address, "narrow");
      await check(page, address, "phone");
      await check(page, address, "desktop");
    });
  }
}
