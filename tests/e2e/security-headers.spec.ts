// Every response the portal sends carries its security headers, and the Content-Security-Policy of
// a page is enforced by the browser: the page's own scripts run (it hydrates and works), a script
// injected into it does not.
import { createHash } from "node:crypto";
import type { APIResponse } from "@playwright/test";
import { expect, test } from "./fixtures";

const inlineScripts = (html: string) =>
  [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes]) => !/\ssrc=/i.test(` ${attributes}`))
    .map(([, , body]) => `'sha256-${createHash("sha256").update(body!).digest("base64")}'`);

function expectCommonHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-powered-by"]).toBeUndefined();
  // Served over plain HTTP here: browsers must not be told to insist on HTTPS.
  expect(headers["strict-transport-security"]).toBeUndefined();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
}

test("pages allow exactly their own inline scripts by hash, fresh or from the page cache", async ({ request }) => {
  for (const path of [
    "/",
    "/providers/danubedata",
    "/providers/danubedata/services/vps",
    "/sign-in",
    "/no-such-page",
  ]) {
    for (const attempt of ["first", "again"]) {
      const response = await request.get(path);
      expectCommonHeaders(response);
      const policy = response.headers()["content-security-policy"]!;
      const scriptSrc = policy.split("; ").find((directive) => directive.startsWith("script-src "))!;
      expect(scriptSrc, `${path} (${attempt})`).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      const hashes = inlineScripts(await response.text());
      expect(hashes.length, path).toBeGreaterThan(0);
      for (const hash of hashes) expect(scriptSrc, `${path} (${attempt})`).toContain(hash);
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("base-uri 'none'");
    }
  }
});

test("responses that are not pages may run nothing", async ({ request }) => {
  for (const path of [
    "/api/v1/providers",
    "/api/v1/providers/danubedata",
    "/providers/danubedata/changelog.atom",
    "/api/health",
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expectCommonHeaders(response);
    expect(response.headers()["content-security-policy"], path).toBe(
      "default-src 'none'; frame-ancestors 'none'; sandbox",
    );
  }
});

test("the browser runs the page's scripts and refuses an injected one", async ({ page, expectConsoleError }) => {
  expectConsoleError(/Content Security Policy/);
  await page.goto("/providers/danubedata/services/vps");
  // Hydrated: the matrix filter answers typing (client-side code ran under the policy).
  const rows = page.getByRole("table").first().locator("tbody tr");
  const before = await rows.count();
  await page.getByRole("searchbox").first().fill("backup");
  await expect.poll(() => rows.count()).toBeLessThan(before);

  const outcome = await page.evaluate(
    () =>
      new Promise<{ ran: boolean; violated: string }>((resolve) => {
        const w = window as unknown as { injected?: boolean };
        document.addEventListener("securitypolicyviolation", (event) =>
          resolve({ ran: Boolean(w.injected), violated: event.effectiveDirective }),
        );
        const script = document.createElement("script");
        script.textContent = "window.injected = true";
        document.body.append(script);
        setTimeout(() => resolve({ ran: Boolean(w.injected), violated: "" }), 2000);
      }),
  );
  expect(outcome).toEqual({ ran: false, violated: "script-src-elem" });
});
