import { expect, test } from "./fixtures";

const matrix = (page: import("@playwright/test").Page) => page.getByRole("table", { name: /responsibility matrix/i });
// Area rows only: group header rows (such as the folded "Applies to every … service") head no area.
const bodyRows = (page: import("@playwright/test").Page) => matrix(page).locator("tbody tr:has(th[scope=row])");

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
  // Of VPS's 7 areas and DanubeData's 6 cross-cutting ones (all shared, folded under their own header).
  await expect(page.getByRole("status").filter({ hasText: "Showing" })).toHaveText("Showing 2 of 13 rows");
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
  // EdgeHostLet is the source's diamond on every Talos Linux instance, not a box of its own colour.
  await expect(diagram.getByText("Talos Linux ◆", { exact: true })).toBeVisible();
  expect(description).toContain("marked ◆ EdgeHostLet");
  await expect(page.getByRole("list", { name: "Markers in the diagram" })).toContainText(
    "EdgeHostLet: drawn on every Talos Linux instance",
  );
  // Where the figure and the table disagree, the page says so and why, without opening anything.
  const differences = page.getByText("Where the diagram and the matrix differ").locator("..");
  await expect(differences).toBeVisible();
  await expect(differences.getByRole("listitem")).toHaveCount(3);
  // The source is cited with its address and the date it was read.
  await expect(
    page.getByRole("link", { name: "STACKIT Edge Cloud — The shared responsibility model" }),
  ).toHaveAttribute("href", "https://docs.stackit.cloud/de/products/runtime/edge-cloud/basics/shared-responsibility");
  await expect(page.getByText(/read 2026-11-22/).first()).toBeVisible();
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
  // A variant the source leaves open says so instead of passing a reading off as the source's.
  await page.getByRole("link", { name: "Air-Gapped" }).click();
  await expect(page).toHaveURL(/model=air-gapped/);
  await expect(page.getByRole("note")).toContainText("does not say how responsibility divides under it");
  await expect(page.getByRole("img", { name: /Air-Gapped/ }).locator("desc")).not.toContainText("Hyperscaler");
});

test("compare: DanubeData's services share areas that never change hands; each cell opens its row", async ({
  page,
  snap,
}) => {
  await page.goto("/providers/danubedata");
  await page.getByRole("link", { name: "Compare services" }).click();
  await expect(page).toHaveURL(/\/providers\/danubedata\/compare$/);
  await expect(page.getByRole("heading", { level: 1, name: "Compare DanubeData services" })).toBeVisible();
  // The sentence is counted from the rows: nothing changes hands, so no claim about who carries more.
  await expect(page.getByTestId("compare-summary")).toHaveText(
    /^None of the \d+ areas the 8 services have in common changes hands: each is assigned alike wherever it appears\.$/,
  );
  await expect(page.getByRole("heading", { name: /^\d+ areas? changes? hands$/ })).toHaveCount(0);
  const alike = page.getByRole("table", { name: /areas assigned alike/ });
  await expect(alike.locator("thead th")).toHaveCount(9);
  await expect(alike.locator("thead th").nth(1)).toContainText("Virtual Private Servers");
  const physical = alike.locator("tbody tr").filter({ hasText: "Physical Infrastructure" });
  await expect(physical.getByRole("link", { name: /^Physical Infrastructure in .+:\s*Provider$/ })).toHaveCount(7);
  await expect(physical.getByText("not in this service")).toHaveCount(1);
  await expect(page.getByText(/areas appear in only one service/)).toBeVisible();
  await snap("compare-danubedata");

  await physical.getByRole("link", { name: /in Virtual Private Servers/ }).click();
  await expect(page).toHaveURL(/\/providers\/danubedata\/services\/vps#area-physical-infrastructure$/);
  await expect(page.locator("#area-physical-infrastructure")).toBeVisible();
});

test("compare: Contain's deployment models, the shifts first, each cell under its model", async ({ page, snap }) => {
  await page.goto("/providers/contain");
  await page.getByRole("link", { name: "Compare deployment models" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Compare the deployment models of Contain Platform" }),
  ).toBeVisible();
  await expect(page.getByTestId("compare-summary")).toHaveText(
    /^2 of the \d+ areas the \d+ deployment models have in common change hands\. Of those, Contain alone carries the most in Contain Datacenters/,
  );
  await expect(page.getByText(/^Not compared, because the source leaves their responsibilities open: /)).toBeVisible();
  const changing = page.getByRole("table", { name: /areas that change hands between deployment models/ });
  const rows = changing.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("Underlying Infrastructure");
  await expect(rows.nth(0)).toContainText("Changes hands: held 3 different ways");
  const controlPlane = rows.nth(1);
  await expect(controlPlane).toContainText("Kubernetes Control Plane");
  const underCloudServices = controlPlane.getByRole("link", {
    name: /in Cloud Services:\s*Third party\s*·\s*Hyperscaler$/,
  });
  await expect(underCloudServices).toHaveAttribute(
    "href",
    "/providers/contain/services/platform?model=cloud-services#area-kubernetes-control-plane",
  );
  // The assignments that stay put are counted and folded away.
  await expect(page.getByText(/^\d+ areas never change hands$/)).toBeVisible();
  await expect(page.getByRole("table", { name: /assigned alike/ })).toBeHidden();
  await snap("compare-contain-models");

  await underCloudServices.click();
  await expect(page).toHaveURL(/\/services\/platform\?model=cloud-services#area-kubernetes-control-plane$/);
  await expect(page.locator("#area-kubernetes-control-plane")).toContainText("Third party");
});

test("compare: a provider with one service and no deployment models says there is nothing to compare", async ({
  page,
  expectConsoleError,
}) => {
  await page.goto("/providers/stackit");
  await expect(page.getByRole("link", { name: /^Compare/ })).toHaveCount(0);
  await page.goto("/providers/stackit/compare");
  await expect(
    page.getByText(
      /^STACKIT has one service you can see, STACKIT Edge Cloud, and it has fewer than two deployment models, so there is nothing to compare\.$/,
    ),
  ).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  // An unknown service is a real 404 (the browser logs the status).
  expectConsoleError(/status of 404/);
  expect((await page.goto("/providers/danubedata/compare?service=no-such-service"))?.status()).toBe(404);
});

test("catalog search finds areas by their duties", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: /Search providers/ }).fill("KubeVirt");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\?q=KubeVirt/);
  await expect(page.getByRole("link", { name: "Hypervisor & Host OS" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Hypervisor & Host OS" })).toHaveAttribute(
    "href",
    "/providers/danubedata/services/vps#area-hypervisor-host-os",
  );
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
