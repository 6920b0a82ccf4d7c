import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "@/lib/setup/seed-demo-accounts";

const screenshotDir = path.resolve("tests/e2e/.artifacts/screenshots");

export { DEMO_PASSWORD };

interface Fixtures {
  page: Page;
  /** Declares a console error the test provokes on purpose (e.g. the browser's 404 log line). */
  expectConsoleError: (pattern: RegExp) => void;
  snap: (name: string) => Promise<void>;
  /**
   * Signs in through the real sign-in page (the current page's `callbackUrl` is kept if it is on
   * /sign-in already) and waits until the header shows the account.
   */
  signIn: (email: string, password?: string) => Promise<void>;
}

/** Every page fails its test on an unexpected console error or an uncaught exception. */
export const test = base.extend<Fixtures & { expectedConsoleErrors: RegExp[] }>({
  // Each test signs in from its own address, so the per-IP login limit (lib/auth/rate-limit.ts)
  // never couples tests or spec files.
  extraHTTPHeaders: async ({ extraHTTPHeaders }, provide, testInfo) => {
    const hash = createHash("sha256").update(`${testInfo.testId}:${testInfo.retry}:${testInfo.repeatEachIndex}`);
    const [a = 0, b = 0, c = 0] = hash.digest();
    await provide({ ...extraHTTPHeaders, "x-forwarded-for": `10.${a}.${b}.${c}` });
  },
  expectedConsoleErrors: async ({}, provide) => {
    await provide([]);
  },
  expectConsoleError: async ({ expectedConsoleErrors }, provide) => {
    await provide((pattern) => void expectedConsoleErrors.push(pattern));
  },
  page: async ({ page, expectedConsoleErrors }, provide) => {
    const problems: string[] = [];
    page.on("console", (message) => {
      const text = message.text();
      if (message.type() === "error" && !expectedConsoleErrors.some((p) => p.test(text)))
        // The location names the failing resource of a "Failed to load resource" line.
        problems.push(`console.error on ${page.url()}: ${text} (${message.location().url})`);
    });
    page.on("pageerror", (error) => problems.push(`uncaught on ${page.url()}: ${error.message}`));
    await provide(page);
    expect(problems, problems.join("\n")).toEqual([]);
  },
  snap: async ({ page }, provide) => {
    mkdirSync(screenshotDir, { recursive: true });
    await provide(async (name) => {
      await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
    });
  },
  signIn: async ({ page }, provide) => {
    await provide(async (email, password = DEMO_PASSWORD) => {
      if (new URL(page.url(), "http://x").pathname !== "/sign-in") await page.goto("/sign-in");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      // The header names the account (its email is the name's tooltip) next to the sign-out button.
      const header = page.getByRole("banner");
      await expect(header.getByTitle(email.toLowerCase())).toBeVisible();
      await expect(header.getByRole("button", { name: "Sign out" })).toBeVisible();
    });
  },
});

export { expect };
