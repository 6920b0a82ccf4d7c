// A customer reads their organization's composed stack: the demo system puts the Contain Platform on
// a hyperscaler's managed Kubernetes, bound so the hyperscaler's part is the managed service's matrix.
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import type { Page } from "@playwright/test";
import { oscalSchemaErrors } from "../support/oscal-schema";
import { expect, test } from "./fixtures";

/** The organization's duty count in the "who carries what" list. */
async function organizationCount(page: Page): Promise<number> {
  const mine = page.getByRole("list", { name: "Duties by carrier" }).getByRole("listitem").filter({ hasText: "(you)" });
  return Number((await mine.locator("span").last().textContent())!.match(/\d+/)![0]);
}

test("a customer opens their system: the stack, counts that link to their rows, no gaps, traced duties", async ({
  page,
  signIn,
}) => {
  await signIn("customer@demarc.local");
  await page.getByRole("link", { name: "My systems" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "My systems" })).toBeVisible();
  await page.getByRole("link", { name: "Shop — production" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Shop — production" })).toBeVisible();
  const stack = page.getByRole("list", { name: "The stack, top first" });
  await expect(stack.getByText("Contain › Contain Platform")).toBeVisible();
  await expect(stack.getByText("Deployment model: Cloud Services")).toBeVisible();
  await expect(
    stack.getByText(/Hyperscaler of Contain Platform is this service; contract held by Acme Retail/),
  ).toBeVisible();
  await expect(page.getByText("None: every duty in this stack has someone to carry it.")).toBeVisible();

  // The control plane is the hyperscaler's under Cloud Services: handed to the managed service, and
  // that service's control plane duties say where they came from.
  // Tier "kubernetes", area "control-plane".
  const lowerControlPlane = page.locator("#area-kubernetes-control-plane");
  await expect(
    lowerControlPlane.getByText(/from Contain Platform › Kubernetes Control Plane \(Hyperscaler\) →/).first(),
  ).toBeVisible();

  // The organization's count links to exactly its rows.
  const counts = page.getByRole("list", { name: "Duties by carrier" });
  const mine = counts.getByRole("listitem").filter({ hasText: "Acme Retail (you)" });
  const count = Number((await mine.locator("span").last().textContent())!.match(/\d+/)![0]);
  expect(count).toBeGreaterThan(0);
  await mine.getByRole("link").click();
  await expect(page).toHaveURL(/carrier=organization/);
  const duties = page.locator("section[aria-labelledby=matrix] ul ul > li");
  await expect(duties).toHaveCount(count);
  const carriers = await duties.locator("p:nth-child(2) span.font-medium").allTextContents();
  expect(carriers).toEqual(Array.from({ length: count }, () => "Acme Retail"));
  await page.screenshot({ path: "tests/e2e/.artifacts/screenshots/system-organization-duties.png", fullPage: true });
});

test("a customer builds a system in the browser: a gap appears, binding the third party closes it", async ({
  page,
  signIn,
}) => {
  await signIn("customer@demarc.local");
  await page.goto("/me/systems");
  await page.getByRole("link", { name: "New system" }).click();
  const name = `Checkout ${Date.now().toString(36)}`;

  // Refused first: no name, no service. Nothing is saved and the errors sit next to their fields.
  await page.getByRole("button", { name: "Create the system" }).click();
  await expect(page.getByRole("status")).toHaveText("Check the highlighted fields.");
  await expect(page.getByText("Add at least one service")).toBeVisible();

  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Add a service").selectOption({ label: "Contain › Contain Platform" });
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await page.getByLabel("Deployment model").selectOption({ label: "Cloud Services" });
  await page.getByRole("button", { name: "Create the system" }).click();

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const gaps = page.getByRole("region", { name: /Gaps/ });
  await expect(
    gaps.getByText(/leaves 2 areas to Hyperscaler, which no service of this system is bound to/),
  ).toBeVisible();
  const unbound = page.getByRole("list", { name: "Duties by carrier" }).getByText("Unbound third parties");
  await expect(unbound).toBeVisible();
  const alone = await organizationCount(page);

  // Add the managed Kubernetes service below it, save, then bind the hyperscaler to it.
  await page.getByRole("link", { name: "Edit the system" }).click();
  await page
    .getByLabel("Add a service")
    .selectOption({ label: "Managed Kubernetes (reference model) › Managed Kubernetes (EKS / GKE / AKS)" });
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByText("Save the changed stack first; then bind its third parties.")).toBeVisible();
  await page.getByRole("button", { name: "Save the system" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  await page.getByRole("link", { name: "Edit the system" }).click();
  await page
    .getByLabel("Hyperscaler of Contain Platform is")
    .selectOption({ label: "Managed Kubernetes (EKS / GKE / AKS)" });
  await page
    .getByRole("group", { name: /cover “Underlying Infrastructure”/ })
    .getByLabel("Infrastructure")
    .check();
  // The control plane is left uncovered: a gap of its own.
  await page.getByRole("button", { name: "Save the system" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(
    gaps.getByText(/Kubernetes Control Plane in Contain Platform is handed to Managed Kubernetes/),
  ).toBeVisible();
  await expect(page.getByRole("list", { name: "Duties by carrier" }).getByText("Unbound third parties")).toHaveCount(0);

  await page.getByRole("link", { name: "Edit the system" }).click();
  await page
    .getByRole("group", { name: /cover “Kubernetes Control Plane”/ })
    .getByLabel("Control plane")
    .check();
  await page.getByRole("button", { name: "Save the system" }).click();
  await expect(page.getByText("None: every duty in this stack has someone to carry it.")).toBeVisible();
  // The bound service's own customer duties are the organization's now: the count grew.
  const bound = await organizationCount(page);
  expect(bound).toBeGreaterThan(alone);
  await page.screenshot({ path: "tests/e2e/.artifacts/screenshots/system-built.png", fullPage: true });

  // Track an obligation to done: refused without a reason for "not applicable", then implemented with evidence.
  await page.getByRole("link", { name: "Track the obligations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Obligations: ${name}` })).toBeVisible();
  await expect(page.getByText(`0 of ${bound} obligations settled (0%)`).first()).toBeVisible();
  const table = page.getByRole("table", { name: "Obligations of this system" });
  const duty = "Scan container images for vulnerabilities";
  await table.getByRole("link", { name: duty }).click();
  await expect(page.getByRole("heading", { level: 1, name: duty })).toBeVisible();
  await expect(page.getByText("Nothing recorded yet: the obligation is open.")).toBeVisible();
  await page.getByLabel("Status").selectOption({ label: "Not applicable" });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Check the highlighted fields.");
  await expect(page.getByText("Say why (required for this status)")).toBeVisible();
  await page.getByLabel("Status").selectOption({ label: "Implemented" });
  await page
    .getByLabel("Evidence links")
    .fill("https://ci.example/pipelines/image-scan\nhttps://wiki.example/runbooks/scan");
  await page.getByLabel("Notes").fill("Every image is scanned in CI before it is pushed.");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  const state = page.getByRole("region", { name: "Where it stands" });
  await expect(state.getByText("Implemented", { exact: true })).toBeVisible();
  await expect(state.getByRole("link", { name: "https://wiki.example/runbooks/scan" })).toBeVisible();
  await expect(page.getByRole("region", { name: "History" }).getByText(/Status:\s*Implemented/)).toBeVisible();
  await page.screenshot({ path: "tests/e2e/.artifacts/screenshots/obligation-tracked.png", fullPage: true });

  await page.getByRole("link", { name: "Obligations", exact: true }).click();
  await expect(page.getByText(`1 of ${bound} obligations settled`).first()).toBeVisible();
  await page.getByRole("button", { name: "Export" }).click();
  const [sheet] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^CSV/ }).click()]);
  expect(sheet.suggestedFilename()).toMatch(/-tracking\.csv$/);
  const rows = parse(await readFile((await sheet.path())!), { bom: true, columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(bound);
  expect(rows.filter((r) => r.Status === "Implemented")).toEqual([
    expect.objectContaining({
      Obligation: duty,
      "Evidence links": "https://ci.example/pipelines/image-scan\nhttps://wiki.example/runbooks/scan",
    }),
  ]);
  await page.screenshot({ path: "tests/e2e/.artifacts/screenshots/system-obligations.png", fullPage: true });
  await page.getByRole("link", { name, exact: true }).click();

  // And away again.
  await page.getByRole("link", { name: "Edit the system" }).click();
  await page.getByRole("button", { name: "Delete the system" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My systems" })).toBeVisible();
  await expect(page.getByRole("link", { name })).toHaveCount(0);
});

test("an auditor reads an organization's system and its tracking, read-only, and takes the plan away as OSCAL", async ({
  page,
  signIn,
}) => {
  await signIn("auditor@demarc.local");
  await page.getByRole("link", { name: "Systems", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Systems" })).toBeVisible();
  await page.getByRole("region", { name: "Acme Retail" }).getByRole("link", { name: "Shop — production" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Shop — production" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit the system" })).toHaveCount(0);
  await page.getByRole("link", { name: "The obligations as tracked" }).click();

  // The demo's tracked obligations, one of them overdue; no form anywhere.
  await expect(page.getByText(/\d+ overdue/).first()).toBeVisible();
  await page.getByRole("link", { name: "Backup and recovery strategy" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Backup and recovery strategy" })).toBeVisible();
  await expect(page.getByText(/\(overdue\)/).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "History" }).getByText("system:seed")).toBeVisible();

  await page.getByRole("link", { name: "Obligations", exact: true }).click();
  await page.getByRole("button", { name: "Export" }).click();
  const [plan] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /^OSCAL SSP/ }).click(),
  ]);
  expect(plan.suggestedFilename()).toBe("acme-retail-shop-production-ssp.json");
  const ssp = JSON.parse(await readFile((await plan.path())!, "utf8")) as object;
  expect(oscalSchemaErrors(ssp)).toEqual([]);
  expect(JSON.stringify(ssp)).toContain("Scan container images for vulnerabilities");
});

test("a customer tracks the duties of the services they subscribe to, from My obligations", async ({
  page,
  signIn,
}) => {
  await signIn("customer@demarc.local");
  await page.goto("/me/obligations");
  await page.getByRole("link", { name: "Track them: status, owner, due date, evidence" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Obligations: Subscribed services" })).toBeVisible();
  const table = page.getByRole("table", { name: "Obligations of this system" });
  const first = table.getByRole("rowheader").first().getByRole("link");
  const duty = (await first.textContent())!;
  await first.click();
  await expect(page.getByRole("heading", { level: 1, name: duty })).toBeVisible();
  await page.getByLabel("Status").selectOption({ label: "Planned" });
  await page.getByLabel("Due date").fill("2099-06-30");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByRole("region", { name: "Where it stands" }).getByText("2099-06-30")).toBeVisible();
  await page.getByRole("link", { name: "Obligations", exact: true }).click();
  await expect(table.getByRole("row").filter({ hasText: duty }).getByText("Planned")).toBeVisible();
});
