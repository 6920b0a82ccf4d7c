import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";

const header = (page: Page) => page.getByRole("banner");
const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });

test("sign-in page: labelled fields, no SSO button without OIDC settings", async ({ page, snap }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Demarc" })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("type", "email");
  await expect(page.getByLabel("Password")).toHaveAttribute("type", "password");
  await expect(page.getByRole("button", { name: /Sign in with/ })).toHaveCount(0);
  await expect(header(page).getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/sign-in");
  await snap("sign-in");
});

test("customer: My obligations lists the subscribed services' duties with counts", async ({ page, signIn, snap }) => {
  await signIn("customer@demarc.local");
  await expect(header(page)).toContainText("Carla Customer");
  await expect(header(page)).toContainText("Customer");
  await expect(nav(page).getByRole("link", { name: "Admin" })).toHaveCount(0);
  await expect(nav(page).getByRole("link", { name: "Subscriptions" })).toHaveCount(0);

  await nav(page).getByRole("link", { name: "My obligations" }).click();
  await expect(page).toHaveURL(/\/me\/obligations$/);
  await expect(page.getByRole("heading", { level: 1, name: "My obligations" })).toBeVisible();
  // Acme Retail: DanubeData VPS (17), Managed Databases (18), Object Storage (14), cross-cutting (26);
  // STACKIT Edge Cloud (17).
  await expect(page.getByText("92 duties across 4 services from 2 providers")).toBeVisible();

  const vps = page.getByRole("region", { name: "Virtual Private Servers (VPS)" });
  await expect(vps).toContainText("17 duties in 5 areas");
  await expect(vps.getByRole("list", { name: "Guest Operating System: your duties" }).getByRole("listitem")).toHaveText(
    ["OS patching", "security hardening", "configuration management", "system updates"],
  );
  // N/A on the customer side: not listed.
  await expect(vps).not.toContainText("Physical Infrastructure");
  await expect(vps).not.toContainText("Hypervisor");
  const crossCutting = page.getByRole("region", { name: "Across all DanubeData services" });
  await expect(crossCutting).toContainText("26 duties in 6 areas");
  await expect(page.getByRole("region", { name: "STACKIT Edge Cloud" })).toBeVisible();
  await expect(page.getByRole("region", { name: /Cache Instances/ })).toHaveCount(0);
  await snap("obligations");

  // Printable: the account controls and navigation are hidden, the duties stay.
  await page.emulateMedia({ media: "print" });
  await expect(header(page).getByRole("button", { name: "Sign out" })).toBeHidden();
  await expect(nav(page)).toBeHidden();
  await expect(vps).toContainText("OS patching");
  await snap("obligations-print");
  await page.emulateMedia({ media: "screen" });

  await vps.getByRole("link", { name: "Virtual Private Servers (VPS)" }).click();
  await expect(page).toHaveURL(/\/providers\/danubedata\/services\/vps$/);

  // Already signed in: the sign-in page goes straight to the callback.
  await page.goto("/sign-in?callbackUrl=%2Fme%2Fobligations");
  await expect(page).toHaveURL(/\/me\/obligations$/);
});

test("customer on a phone: the header wraps tidily and the list stays readable", async ({ page, signIn, snap }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn("customer@demarc.local");
  await page.goto("/me/obligations");
  await expect(page.getByRole("heading", { level: 1, name: "My obligations" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await snap("obligations-mobile");
});

test("administrator: Admin link, no obligations", async ({ page, signIn, expectConsoleError }) => {
  await signIn("admin@demarc.local");
  await expect(header(page)).toContainText("Ada Admin");
  await expect(header(page)).toContainText("Administrator");
  await expect(nav(page).getByRole("link", { name: "Admin" })).toHaveAttribute("href", "/admin");
  await expect(nav(page).getByRole("link", { name: "My obligations" })).toHaveCount(0);
  expectConsoleError(/status of 404/);
  expect((await page.goto("/me/obligations"))?.status()).toBe(404);
});

test("account manager: Subscriptions link to the admin area", async ({ page, signIn }) => {
  await signIn("manager@demarc.local");
  await expect(header(page)).toContainText("Manuel Manager");
  await expect(header(page)).toContainText("Account manager");
  await expect(nav(page).getByRole("link", { name: "Subscriptions" })).toHaveAttribute("href", "/admin/organizations");
  await expect(nav(page).getByRole("link", { name: "Admin" })).toHaveCount(0);
  await expect(nav(page).getByRole("link", { name: "My obligations" })).toHaveCount(0);
});

test("auditor: no admin link and no obligations", async ({ page, signIn, expectConsoleError }) => {
  await signIn("auditor@demarc.local");
  await expect(header(page)).toContainText("Audrey Auditor");
  await expect(header(page)).toContainText("Auditor");
  await expect(nav(page).getByRole("link", { name: "Admin" })).toHaveCount(0);
  await expect(nav(page).getByRole("link", { name: "Subscriptions" })).toHaveCount(0);
  await expect(nav(page).getByRole("link", { name: "My obligations" })).toHaveCount(0);
  expectConsoleError(/status of 404/);
  expect((await page.goto("/me/obligations"))?.status()).toBe(404);
});

test("a wrong password says so and keeps the visitor signed out", async ({ page, expectConsoleError, snap }) => {
  // next-auth answers a failed credentials sign-in with 401, which Chromium logs.
  expectConsoleError(/status of 401/);
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("customer@demarc.local");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.locator("[aria-live]").filter({ hasText: "Wrong email or password" })).toHaveText(
    "Wrong email or password, or the account is deactivated.",
  );
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByLabel("Email")).toHaveValue("customer@demarc.local");
  await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
  await snap("sign-in-error");
});

test("too many attempts: the rate limit's own message", async ({ page, expectConsoleError }) => {
  expectConsoleError(/status of 401/);
  await page.goto("/sign-in");
  // An unknown address, so no real account is locked (5 attempts per account in 15 minutes).
  await page.getByLabel("Email").fill(`nobody-${Date.now()}@demarc.local`);
  await page.getByLabel("Password").fill("wrong-password");
  const status = page.locator("#sign-in-status");
  const submit = page.getByRole("button", { name: "Sign in", exact: true });
  for (let attempt = 1; attempt <= 5; attempt++) {
    await submit.click();
    await expect(status).toHaveText("Wrong email or password, or the account is deactivated.");
    await expect(submit).toBeEnabled();
  }
  await submit.click();
  await expect(status).toHaveText(/^Too many sign-in attempts\. Try again in \d+ minutes?\.$/);
});

test("error codes in the address are shown as fixed messages, never echoed", async ({ page }) => {
  await page.goto("/sign-in?error=NoAccount");
  await expect(page.getByText("There is no active Demarc account for that sign-in.")).toBeVisible();
  await page.goto(`/sign-in?error=${encodeURIComponent("RateLimited:Call +1 555 0100 with your password")}`);
  await expect(page.getByText("Too many sign-in attempts. Wait a few minutes and try again.")).toBeVisible();
  await expect(page.getByText("555")).toHaveCount(0);
  await page.goto("/sign-in?error=toString");
  await expect(page.locator("#sign-in-status")).toHaveText(
    "Sign-in failed. Please try again; if it keeps failing, contact an administrator.",
  );
});

test("sign-out returns to the anonymous catalog", async ({ page, signIn }) => {
  await signIn("customer@demarc.local");
  await header(page).getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(header(page).getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(nav(page).getByRole("link", { name: "My obligations" })).toHaveCount(0);
  await page.goto("/me/obligations");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fme%2Fobligations$/);
});

test("anonymous /me/obligations → sign-in → back to the obligations", async ({ page, signIn }) => {
  await page.goto("/me/obligations");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fme%2Fobligations$/);
  await signIn("customer@demarc.local");
  await expect(page).toHaveURL(/\/me\/obligations$/);
  await expect(page.getByRole("heading", { level: 1, name: "My obligations" })).toBeVisible();
});

test("callbacks stay on this site", async ({ page, signIn }) => {
  await page.goto("/sign-in?callbackUrl=https%3A%2F%2Fevil.example%2Fphish");
  await signIn("auditor@demarc.local");
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  await page.goto("/sign-in?callbackUrl=%2F%2Fevil.example");
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  // next-auth hands back absolute URLs on this host (after SSO errors): kept, as a path.
  const sameHost = new URL("/providers/stackit?x=1", page.url()).href;
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(sameHost)}`);
  await expect(page).toHaveURL(/\/providers\/stackit\?x=1$/);
});
