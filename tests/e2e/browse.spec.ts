import { expect, test } from "./fixtures";

const matrix = (page: import("@playwright/test").Page) => page.getByRole("table", { name: /responsibility matrix/i });
const bodyRows = (page: import("@playwright/test").Page) => matrix(page).locator("tbody tr");

test("catalog → provider → service, then filter and search the matrix", async ({ page, snap }) => {
  await page.goto("/");
  const providers = page.getByRole("list", { name: "Providers" }).getByRole("listitem");
  await expect(providers).toHaveCount(5);
  await snap("catalog");

  await page.getByRole("link", { name: /DanubeData/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "DanubeData" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Services" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Services" }).getByRole("listitem")).toHaveCount(8);
  const crossCutting = page.getByRole("table", { name: /cross-cutting/i });
  await expect(crossCutting.locator("tbody tr")).toHaveCount(6);
  await expect(page.getByText("CISPE Code of Conduct for Cloud Infrastructure Service Providers")).toBeVisible();
  await expect(page.getByRole("link", { name: "security@danubedata.ro" })).toHaveAttribute(
    "href",
    "mailto:security@danubedata.ro",
  );
  await snap("provider-danubedata");

  await page.getByRole("link", { name: /Virtual Private Servers/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Virtual Private Servers (VPS)" })).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(7);
  const guestOs = bodyRows(page).filter({ hasText: "Guest Operating System" });
  await expect(guestOs).toContainText("Customer");
  await expect(guestOs).toContainText("N/A");
  await expect(guestOs).toContainText("security hardening");
  await snap("service-vps");

  // Filter by assignment.
  await page.getByRole("button", { name: "Assignment filter" }).click();
  await page.getByRole("checkbox", { name: /Customer/ }).check();
  await expect(bodyRows(page)).toHaveCount(2);
  await expect(page.getByRole("status").filter({ hasText: "Showing" })).toHaveText("Showing 2 of 7 rows");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: /^Reset/ }).click();
  await expect(bodyRows(page)).toHaveCount(7);

  // Text search over duties.
  await page.getByRole("searchbox").fill("kubevirt");
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(bodyRows(page).first()).toContainText("Hypervisor & Host OS");
  await page.getByRole("searchbox").fill("");

  // Sorting by area name.
  await matrix(page).getByRole("columnheader", { name: /Area/ }).getByRole("button").click();
  await expect(bodyRows(page).first()).toContainText("Access Management");
  await expect(matrix(page).getByRole("columnheader", { name: /Area/ })).toHaveAttribute("aria-sort", "ascending");

  // Column visibility.
  await page.getByRole("button", { name: /Columns/ }).click();
  await page.getByRole("checkbox", { name: /CAIQ/ }).check();
  await expect(matrix(page).getByRole("columnheader", { name: /CAIQ/ })).toBeVisible();
  await expect(bodyRows(page).filter({ hasText: "Physical Infrastructure" })).toContainText("CSP-owned");
});

test("STACKIT: the layered diagram is an accessible SVG with best-effort parts", async ({ page, snap }) => {
  await page.goto("/providers/stackit/services/edge-cloud");
  const diagram = page.getByRole("img", { name: /STACKIT Edge Cloud responsibility stack/ });
  await expect(diagram).toBeVisible();
  const description = await diagram.locator("desc").textContent();
  expect(description).toMatch(/Talos Linux[^;]*best effort/i);
  expect(description).toMatch(/STACKIT Platform/);
  await expect(diagram.getByText("EdgeHostLet", { exact: true })).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(7);
  await expect(bodyRows(page).filter({ hasText: "Hardware" })).toContainText(
    "Restrict and protect access to the system.",
  );
  await snap("service-stackit");
});

test("Contain: switching deployment model changes who runs the infrastructure", async ({ page, snap }) => {
  await page.goto("/providers/contain/services/platform");
  const controlPlaneRow = bodyRows(page).filter({ hasText: "Kubernetes Control Plane" });
  await expect(controlPlaneRow).toContainText("Provider");
  await page.getByRole("link", { name: "Cloud Services" }).click();
  await expect(page).toHaveURL(/model=cloud-services/);
  await expect(page.getByRole("link", { name: /Cloud Services/ })).toHaveAttribute("aria-current", "true");
  await expect(controlPlaneRow).toContainText("Third party");
  await expect(page.getByRole("img", { name: /Cloud Services/ }).locator("desc")).toContainText("Hyperscaler");
  // The layers' descriptions and our readings of the figure sit under the diagram.
  await page.getByText("What the layers mean").click();
  const notes = page.locator("details", { hasText: "What the layers mean" });
  await expect(notes.getByRole("term").filter({ hasText: "Platform" }).first()).toBeVisible();
  await expect(notes.getByText("Our reading:").first()).toBeVisible();
  await snap("service-contain-cloud-services");
});

test("compare heatmap runs from least to most managed service", async ({ page, snap }) => {
  await page.goto("/providers/danubedata/compare");
  const heatmap = page.getByRole("table", { name: /heatmap/i });
  const headers = heatmap.locator("thead th");
  await expect(headers).toHaveCount(9);
  await expect(headers.nth(1)).toContainText("Virtual Private Servers");
  const physical = heatmap.locator("tbody tr").filter({ hasText: "Physical Infrastructure" });
  await expect(physical.getByText("Provider")).toHaveCount(7);
  await snap("compare-danubedata");
});

test("catalog search finds areas by their duties", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: /Search providers/ }).fill("KubeVirt");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\?q=KubeVirt/);
  await expect(page.getByRole("link", { name: "Hypervisor & Host OS" })).toBeVisible();
  await page.getByRole("searchbox", { name: /Search providers/ }).fill("x");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("Type at least 2 characters")).toBeVisible();
});

test("unknown things are a friendly 404 page and a JSON problem", async ({ page, request, expectConsoleError }) => {
  expectConsoleError(/status of 404/);
  const response = await page.goto("/providers/no-such-provider");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  expect((await page.goto("/providers/danubedata/services/no-such-service"))?.status()).toBe(404);
  expect((await page.goto("/providers/no-such-provider/compare"))?.status()).toBe(404);
  const api = await request.get("/api/v1/providers/danubedata/services/no-such-service");
  expect(api.status()).toBe(404);
  expect(api.headers()["content-type"]).toContain("application/problem+json");
  expect(await api.json()).toMatchObject({ status: 404, title: "Not found" });
});

test("print view hides the interactive toolbar", async ({ page }) => {
  await page.goto("/providers/danubedata/services/vps");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("searchbox")).toBeHidden();
  await expect(bodyRows(page)).toHaveCount(7);
});

// Browsers ask for /favicon.ico on their own (e.g. while a navigation swaps the head's icon links);
// a 404 there would be a console error on whatever page is open.
test("the site icon is served as SVG and as /favicon.ico", async ({ page, request }) => {
  await page.goto("/");
  const icons = await page
    .locator('head link[rel="icon"]')
    .evaluateAll((links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname));
  expect(icons).toEqual(expect.arrayContaining(["/favicon.ico", "/icon.svg"]));
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
});
