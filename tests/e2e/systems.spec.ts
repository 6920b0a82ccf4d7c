// A customer reads their organization's composed stack: the demo system puts the Contain Platform on
// a hyperscaler's managed Kubernetes, bound so the hyperscaler's part is the managed service's matrix.
import { expect, test } from "./fixtures";

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
