// A provider's life from nothing to readers, in the browser: an account manager starts a provider
// with a third party, adds a service, imports a RACI matrix in nested phases (correcting a cell the
// preview could not read), publishes, and anonymous readers see the parties as columns, the phases
// as group headers and the RACI letters.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { e2eDatabase } from "./support/e2e-database";

const slug = `northwind-${randomUUID().slice(0, 8)}`;

const raciMatrix = `# Northwind Managed Kubernetes: RACI

## 1 Build

### 1.1 Design

| Activity            | Customer | Northwind | Hyperscaler |
| ------------------- | -------- | --------- | ----------- |
| Define requirements | A/R      | C         | -           |
| Select regions      | A        | RX        | C, I        |

## 2 Run

| Activity          | Customer | Northwind | Hyperscaler |
| ----------------- | -------- | --------- | ----------- |
| Patch hypervisors | I        | A         | R           |
| Back up data      | A/R      | C         | I           |
`;

test.afterAll(async () => {
  const db = e2eDatabase();
  await db.provider.deleteMany({ where: { slug } }).catch(() => undefined);
  await db.$disconnect();
});

async function startProvider(page: Page) {
  await page.goto("/");
  await page.getByRole("link", { name: "New provider" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New provider" })).toBeVisible();
  const form = page.getByRole("form", { name: "New provider" });
  await form.getByLabel("Provider name").fill("Northwind");
  await form.getByLabel("Slug").fill(slug);
  await form.getByLabel("Summary").fill("Managed Kubernetes run on a public hyperscaler.");
  await form.getByLabel("Brand colour").fill("#0f766e");
  await form.getByLabel("Customer party's name").fill("Customer");
  await form.getByLabel("Source document's title").fill("Northwind RACI matrix");
  await form.getByLabel("Source document", { exact: true }).fill("northwind-raci.md");
  await form.getByLabel("Third parties").fill("Hyperscaler");
  await form.getByRole("button", { name: "Create the draft" }).click();
  await expect(page).toHaveURL(new RegExp(`/providers/${slug}/edit$`));
}

test("account manager: new provider → service → RACI import with a corrected cell → publish → readers see it", async ({
  page,
  signIn,
  snap,
}) => {
  test.setTimeout(120_000);
  await signIn("manager@demarc.local");
  await startProvider(page);
  await snap("raci-new-provider-edit");

  // Readers do not see it yet.
  const reader = await page.context().browser()!.newPage();
  const missing = await reader.goto(`/providers/${slug}`);
  expect(missing?.status()).toBe(404);
  await reader.close();

  const addService = page.getByRole("form", { name: "Add a service" });
  await addService.getByLabel("Name").fill("Managed Kubernetes");
  await addService.getByLabel("Address").fill("kubernetes");
  await addService.getByLabel("Category").selectOption("PaaS");
  await addService.getByLabel("Summary").fill("Clusters Northwind runs for the customer.");
  await addService.getByRole("button", { name: "Add service" }).click();
  await expect(page.getByText("Managed Kubernetes").first()).toBeVisible();

  await page.goto(`/providers/${slug}/import`);
  const form = page.getByRole("form", { name: "Import a service matrix" });
  await form.getByRole("radio", { name: /^Markdown/ }).check();
  await form.getByLabel(/Or paste the table/).fill(raciMatrix);
  await form.getByRole("button", { name: "Preview" }).click();
  const preview = form.getByRole("table", { name: /^Preview: Managed Kubernetes/ });
  await expect(preview).toContainText("Build › Design");
  const bad = preview.locator("tbody tr", { hasText: "Select regions" });
  await expect(bad).toContainText(/Error: .*RX/);
  await expect(form.getByRole("button", { name: /^Import 4 rows/ })).toBeDisabled();
  await snap("raci-import-error");

  await bad.getByText("Correct this cell").first().click();
  await bad.getByLabel("Corrected text of Northwind's cell on line 10").fill("R");
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(bad).not.toContainText("Error");
  await expect(bad).toContainText("Corrected: change again");
  await expect(form.getByRole("status")).toHaveText(/^Ready to import 4 rows into Managed Kubernetes: 4 new/);
  await snap("raci-import-preview");
  await form.getByRole("button", { name: "Import 4 rows into the draft" }).click();
  await expect(form.getByRole("status")).toHaveText(/^Imported 4 rows into the draft/);

  await page.goto(`/providers/${slug}/edit`);
  const publish = page.getByRole("form", { name: "Publish the draft" });
  await publish.getByLabel("Changelog note").fill("First version, from the RACI matrix.");
  await publish.getByRole("button", { name: "Publish", exact: true }).click();
  // Confirmed after seeing what readers will get: for a first version, the whole draft.
  const review = page.getByRole("dialog", { name: "Publish these changes as version 1?" });
  await expect(review).toContainText("This is the first version: readers will see the whole draft");
  await review.getByRole("button", { name: "Publish version 1" }).click();
  await expect(publish.getByRole("status")).toHaveText("Published as version 1. Readers see it now.");
  await expect(publish.getByRole("link", { name: "Open version 1" })).toHaveAttribute(
    "href",
    `/providers/${slug}/versions/1`,
  );

  // An anonymous reader, on a phone and on a desktop.
  const context = await page
    .context()
    .browser()!
    .newContext({ viewport: { width: 390, height: 844 } });
  const phone = await context.newPage();
  await phone.goto(`/providers/${slug}/services/kubernetes`);
  await expect(phone.getByRole("heading", { level: 1, name: "Managed Kubernetes" })).toBeVisible();
  const matrix = phone.getByRole("table").first();
  // On a phone each row is a card: the third party's duties sit under its name inside the row.
  await expect(matrix.getByRole("columnheader", { name: "Hyperscaler" })).toBeHidden();
  const build = matrix.getByRole("button", { name: /^1 Build/ });
  await expect(build).toHaveAttribute("aria-expanded", "true");
  await expect(matrix.getByRole("button", { name: /^1\.1 Design \(2 areas\)/ })).toBeVisible();
  const regions = matrix.locator("tr", { hasText: "Select regions" });
  await expect(regions).toContainText("Responsible");
  await expect(regions.getByText("Hyperscaler", { exact: true })).toBeVisible();
  await expect(phone.getByLabel("RACI legend")).toContainText("AAccountable");
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await phone.screenshot({ path: "tests/e2e/.artifacts/screenshots/raci-reader-phone.png", fullPage: true });
  await context.close();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/providers/${slug}/services/kubernetes`);
  await snap("raci-reader-desktop");
});
