// Editing a provider's draft where it is read: inline matrix edits with live checks, publishing,
// a second editor's stale save, adding, reordering and deleting rows, and the edit page's forms.
//
// The e2e database is shared with the other spec files, which assert DanubeData's VPS, Managed
// Databases, Object Storage and cross-cutting content and STACKIT's Edge Cloud. These tests only
// publish a change to DanubeData's Static Sites, and discard every other draft they make. Serial:
// they share DanubeData's one draft.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Locator, Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, test } from "./fixtures";
import { e2eDatabase } from "./support/e2e-database";
import { providerWithTwoVersions } from "./support/provider-with-versions";

test.describe.configure({ mode: "serial" });

const screenshots = path.resolve("tests/e2e/.artifacts/screenshots");
const draftMatrix = (page: Page) => page.getByRole("table", { name: /responsibility matrix \(draft\)/i });
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A row of the editable matrix, by area name (its accessible name is "Name, row 3 of 7"). */
const row = (page: Page, name: string) =>
  draftMatrix(page).getByRole("row", { name: new RegExp(`^${escape(name)}, row`) });
const editRow = async (target: Locator) => target.getByRole("button", { name: /^Edit/ }).click();

/** A second browser, signed in as another user (its own address, so the per-IP sign-in limit stays apart). */
async function signedInPage(browser: Browser, baseURL: string | undefined, email: string, address: string) {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": address } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("banner").getByTitle(email)).toBeVisible();
  return page;
}

/**
 * Leaves no draft of a seeded provider (no draft row: the draft is the published model), so a retry
 * of a test that failed halfway starts from where its first attempt did.
 */
async function resetDraft(slug: string) {
  const db = e2eDatabase();
  try {
    await db.providerDraft.deleteMany({ where: { provider: { slug } } });
  } finally {
    await db.$disconnect();
  }
}

async function discardDraft(page: Page) {
  await page.goto("/providers/danubedata/edit");
  const publish = page.getByRole("region", { name: "Publish" });
  await publish.getByRole("button", { name: "Discard draft" }).click();
  await publish.getByRole("group", { name: "Discard draft" }).getByRole("button", { name: "Discard draft" }).click();
  await expect(publish.getByText("Draft discarded: it is the published model again.")).toBeVisible();
  await expect(page.getByText("Unchanged: the draft is the published model.")).toBeVisible();
}

test("an editor changes an assignment inline, the checks follow every save, and publishing shows it to readers", async ({
  page,
  signIn,
  snap,
  browser,
  baseURL,
}) => {
  // A long walk through the editor: on a busy 2-core machine it needs more than the default minute.
  test.setTimeout(120_000);
  await resetDraft("danubedata");
  await signIn("manager@demarc.local");
  await page.goto("/providers/danubedata");
  await expect(page.getByRole("link", { name: /^Edit/ })).toHaveAttribute("href", "/providers/danubedata/edit");

  await page.goto("/providers/danubedata/services/static-sites");
  const views = page.getByRole("navigation", { name: "Draft or published" });
  await expect(views.getByRole("link", { name: "Published" })).toHaveAttribute("aria-current", "page");
  await views.getByRole("link", { name: "Draft" }).click();
  await expect(page).toHaveURL(/\/services\/static-sites\?view=draft$/);
  await expect(views.getByRole("link", { name: "Draft" })).toHaveAttribute("aria-current", "page");

  const checks = page.getByRole("region", { name: "Checks for Static Sites" });
  // The seed is exactly what the source says: nothing to flag.
  await expect(checks.getByRole("status")).toHaveText("No issues in Static Sites.");

  // Source Code: the customer's alone, the provider side N/A. Make it shared, with a provider duty.
  const source = row(page, "Source Code");
  await expect(source).toContainText("Customer");
  await editRow(source);
  await expect(source.getByLabel("Area name")).toBeFocused();
  await source.getByLabel("Assignment").selectOption("shared");
  await source.getByLabel("DanubeData: not applicable (N/A)").uncheck();
  await source.getByLabel(/^DanubeData duties/).fill("Dependency scanning in the build pipeline");
  await snap("editor-row-editing");
  await source.getByRole("button", { name: "Save row" }).click();
  await expect(source.getByRole("button", { name: /^Edit/ })).toBeFocused();
  await expect(source).toContainText("Shared");
  await expect(source.getByRole("list", { name: "DanubeData duties" })).toHaveText(
    "Dependency scanning in the build pipeline",
  );
  await expect(checks.getByRole("status")).toHaveText("No issues in Static Sites.");
  // The row now differs from what readers see: marked in words, the untouched rows not.
  await expect(source.getByRole("rowheader")).toContainText(/Changed since version \d+/);
  await expect(row(page, "Hosting & CDN")).not.toContainText("since version");
  await expect(page.getByText(/^Since version \d+: 1 row changed\./)).toBeVisible();

  // A side marked N/A while it lists duties: an error, in the panel and on the row.
  await editRow(source);
  await source.getByLabel("Customer: not applicable (N/A)").check();
  await source.getByRole("button", { name: "Save row" }).click();
  await expect(checks.getByRole("status")).toHaveText(/^1 error and 0 warnings in Static Sites\. Errors must be fixed/);
  const error = checks.getByRole("listitem").filter({ hasText: "na-with-duties" });
  await expect(error).toContainText('Area "Source Code" in service "Static Sites": Customer is marked N/A');
  await expect(source).toContainText("Error: Area");
  await snap("editor-lint-error");

  // The edit page refuses to publish while the error stands; its link leads back to the row.
  await page.getByRole("link", { name: "Review and publish" }).click();
  await expect(page).toHaveURL(/\/providers\/danubedata\/edit#publish$/);
  await expect(page.getByText(/^\d+ unpublished changes?, the last on/)).toBeVisible();
  const publish = page.getByRole("region", { name: "Publish" });
  await expect(publish.getByRole("button", { name: "Publish", exact: true })).toBeDisabled();
  await expect(publish).toContainText("Publishing is blocked by 1 error in the checks: fix it first.");
  await snap("editor-edit-page-blocked");
  await page
    .getByRole("region", { name: "Checks" })
    .getByRole("link", { name: /Customer is marked N\/A/ })
    .click();
  await expect(page).toHaveURL(/\/services\/static-sites\?view=draft#area-\d+$/);

  await editRow(source);
  await source.getByLabel("Customer: not applicable (N/A)").uncheck();
  await source.getByRole("button", { name: "Save row" }).click();
  await expect(checks.getByRole("status")).toHaveText("No issues in Static Sites.");
  await expect(checks).not.toContainText("na-with-duties");

  // Publish with a note.
  await page.getByRole("link", { name: "Review and publish" }).click();
  await publish
    .getByLabel("Changelog note")
    .fill("Static Sites: source code security is now shared (dependency scans).");
  await publish.getByRole("button", { name: "Publish", exact: true }).click();
  // Before anything is published: what readers will see change, and the note they will read.
  const review = page.getByRole("dialog", { name: /^Publish these changes as version \d+\?$/ });
  await expect(review).toBeVisible();
  await expect(review).toContainText(
    "Changelog note: “Static Sites: source code security is now shared (dependency scans).”",
  );
  await expect(review.getByRole("list", { name: "Summary of changes" })).toContainText("1 changed");
  const reviewed = review.locator('[data-change="changed"]').filter({ hasText: "Source Code" });
  await expect(reviewed.locator('[data-field="assignment"]')).toContainText("Shared");
  await expect(reviewed).toContainText("Dependency scanning in the build pipeline");
  await expect(review.getByRole("button", { name: "Back to the draft" })).toBeFocused();
  await snap("editor-publish-review");
  // Backing out publishes nothing; the second time through it does.
  await review.getByRole("button", { name: "Back to the draft" }).click();
  await expect(review).toBeHidden();
  await expect(page.getByText(/^\d+ unpublished changes?, the last on/)).toBeVisible();
  await publish.getByRole("button", { name: "Publish", exact: true }).click();
  await review.getByRole("button", { name: /^Publish version \d+$/ }).click();
  await expect(publish.getByRole("status").filter({ hasText: "Published" })).toHaveText(
    /^Published as version \d+\. Readers see it now\.$/,
  );
  await expect(page.getByText("Unchanged: the draft is the published model.")).toBeVisible();
  await expect(publish.getByRole("button", { name: "Publish", exact: true })).toBeDisabled();
  // Where the new version and its changes are read.
  const published = publish.getByRole("status").filter({ hasText: "Published" });
  const number = Number(/version (\d+)/.exec((await published.textContent()) ?? "")![1]);
  await expect(publish.getByRole("link", { name: `Open version ${number}` })).toHaveAttribute(
    "href",
    `/providers/danubedata/versions/${number}`,
  );
  const changes = publish.getByRole("link", { name: `See what changed from version ${number - 1}` });
  await expect(changes).toHaveAttribute(
    "href",
    `/providers/danubedata/versions/compare?from=${number - 1}&to=${number}`,
  );
  await snap("editor-published");
  await changes.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`DanubeData: version ${number - 1} → ${number}`);
  await expect(page.getByText("Published by manager@demarc.local").last()).toBeVisible();
  await expect(page.locator('[data-change="changed"]').filter({ hasText: "Source Code" })).toContainText(
    "Dependency scanning in the build pipeline",
  );

  // An anonymous reader sees the new assignment, and no editing controls.
  const reader = await browser.newContext({ baseURL });
  try {
    const readerPage = await reader.newPage();
    await readerPage.goto("/providers/danubedata/services/static-sites");
    const published = readerPage
      .getByRole("table", { name: /responsibility matrix/i })
      .locator("tbody tr")
      .filter({ hasText: "Source Code" });
    await expect(published).toContainText("Shared");
    await expect(published).toContainText("Dependency scanning in the build pipeline");
    await expect(readerPage.getByRole("navigation", { name: "Draft or published" })).toHaveCount(0);
    await expect(readerPage.getByRole("button", { name: /^Edit/ })).toHaveCount(0);
    await readerPage.goto("/providers/danubedata/services/static-sites?view=draft");
    await expect(readerPage.getByRole("table", { name: /\(draft\)/ })).toHaveCount(0);
    await readerPage.goto("/providers/danubedata");
    await expect(readerPage.getByRole("link", { name: /^Edit/ })).toHaveCount(0);
  } finally {
    await reader.close();
  }
});

test("an auditor opens the diff of a published change and its audit entry", async ({ page, signIn, snap }) => {
  const own = await providerWithTwoVersions();
  const note = "Backups are shared now <snapshots> & restores";
  await signIn("auditor@demarc.local");
  await page.goto(`/providers/${own.slug}/versions`);
  await expect(page.getByText(note)).toBeVisible();
  await page
    .getByRole("link", { name: /Compare with previous/ })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/providers/${own.slug}/versions/compare`));
  const main = page.locator("main");
  await expect(main).toContainText("Backups");
  await expect(main).toContainText("Take nightly snapshots");
  await snap("auditor-diff");

  await page.goto(`/audit?provider=${own.slug}&action=provider.publish`);
  const entries = page.getByRole("table");
  await expect(entries).toContainText("provider.publish");
  await expect(entries).toContainText(own.publisher);
  // In words, with the version and its changes one click away.
  await expect(entries).toContainText(`Published version 2 of ${own.name}: “${note}” (changes since version 1)`);
  await expect(entries.getByRole("link", { name: "version 2", exact: true })).toHaveAttribute(
    "href",
    `/providers/${own.slug}/versions/2`,
  );
  await snap("auditor-audit-entry");
  await entries.getByRole("link", { name: "changes since version 1" }).click();
  await expect(page).toHaveURL(new RegExp(`/providers/${own.slug}/versions/compare\\?from=1&to=2$`));
  await expect(page.getByText(`Published by ${own.publisher}`).last()).toBeVisible();

  // The draft edits that led there, each naming its service and row rather than a path of numbers.
  await page.goto(`/audit?provider=${own.slug}&action=draft.`);
  await expect(entries).toContainText(
    `Edited the row ${own.service.name} › Backups: changed the assignment (Customer → Shared)`,
  );
  await expect(entries).toContainText(`Added the row ${own.service.name} › Monitoring`);
  await expect(entries).toContainText("Added the section Support");
  await expect(entries.getByRole("link", { name: own.service.name }).first()).toHaveAttribute(
    "href",
    `/providers/${own.slug}/services/${own.service.slug}`,
  );
  await expect(entries).not.toContainText('"path"', { useInnerText: true });
});

test("a second editor's stale save is refused in the browser, with the first editor's value shown", async ({
  page,
  signIn,
  browser,
  baseURL,
  snap,
}) => {
  await signIn("manager@demarc.local");
  const admin = await signedInPage(browser, baseURL, "admin@demarc.local", "10.254.0.7");
  try {
    const url = "/providers/danubedata/services/managed-applications?view=draft";
    await page.goto(url);
    await admin.goto(url);
    const first = row(page, "Custom Domains");
    const second = row(admin, "Custom Domains");
    await editRow(first);
    await editRow(second);

    await first.getByLabel("Notes").fill("Renewal is automatic; expiry mails go to the account owner.");
    await first.getByRole("button", { name: "Save row" }).click();
    await expect(first).toContainText("Renewal is automatic; expiry mails go to the account owner.");

    await second.getByLabel("Notes").fill("Customers verify domain ownership before go-live.");
    await second.getByRole("button", { name: "Save row" }).click();
    const conflict = admin.getByRole("alert").filter({ hasText: "Someone else changed this" });
    await expect(conflict).toBeVisible();
    await expect(conflict.getByRole("region", { name: "Their version (saved)" })).toContainText(
      "Renewal is automatic; expiry mails go to the account owner.",
    );
    await expect(conflict.getByRole("region", { name: "Your version (not saved)" })).toContainText(
      "Customers verify domain ownership before go-live.",
    );
    // Nothing the second editor typed is lost.
    await expect(second.getByLabel("Notes")).toHaveValue("Customers verify domain ownership before go-live.");
    mkdirSync(screenshots, { recursive: true });
    await admin.screenshot({ path: path.join(screenshots, "editor-conflict.png"), fullPage: true });

    // The draft holds the first editor's value.
    await page.reload();
    await expect(row(page, "Custom Domains")).toContainText(
      "Renewal is automatic; expiry mails go to the account owner.",
    );
    await expect(row(page, "Custom Domains")).not.toContainText("Customers verify domain ownership");

    // Taking their version starts again from it.
    await conflict.getByRole("button", { name: "Use their version" }).click();
    await expect(second.getByLabel("Notes")).toHaveValue("Renewal is automatic; expiry mails go to the account owner.");
    await expect(admin.getByRole("alert").filter({ hasText: "Someone else changed this" })).toHaveCount(0);
  } finally {
    await admin.context().close();
  }
  await discardDraft(page);
  await snap("editor-discarded");
});

test("rows are added, reordered with the keyboard, the buttons and by dragging, and deleted", async ({
  page,
  signIn,
  snap,
}) => {
  // Tall enough for the whole matrix: a drag must not scroll the page under the pointer.
  await page.setViewportSize({ width: 1280, height: 2000 });
  await signIn("manager@demarc.local");
  await page.goto("/providers/danubedata/services/storage-share?view=draft");
  const rows = draftMatrix(page).locator("tbody tr");
  await expect(rows).toHaveCount(6);
  const status = page.getByRole("status").filter({ hasText: /Moved|Added|Deleted/ });

  // Add a row at the end: a field error first, announced next to the field.
  await page.getByRole("button", { name: "Add area", exact: true }).click();
  const draftRow = draftMatrix(page).getByRole("row", { name: "New row 7" });
  await expect(draftRow.getByLabel("Area name")).toBeFocused();
  await draftRow.getByLabel(/^Customer duties/).fill("Usage alerts\nQuota reviews");
  await draftRow.getByRole("button", { name: "Add row" }).click();
  await expect(draftRow.getByText("Required")).toBeVisible();
  await expect(draftRow.getByLabel("Area name")).toHaveAttribute("aria-invalid", "true");
  await draftRow.getByLabel("Area name").fill("Monitoring");
  await draftRow.getByRole("button", { name: "Add row" }).click();
  await expect(status).toHaveText("Added “Monitoring” as row 7.");
  await expect(row(page, "Monitoring")).toHaveAccessibleName("Monitoring, row 7 of 7");
  await expect(row(page, "Monitoring")).toBeFocused();
  await expect(row(page, "Monitoring").getByRole("list", { name: "Customer duties" }).getByRole("listitem")).toHaveText(
    ["Usage alerts", "Quota reviews"],
  );

  // Keyboard: Alt+ArrowUp on the focused row, twice; focus stays on it.
  await page.keyboard.press("Alt+ArrowUp");
  await expect(status).toHaveText("Moved “Monitoring” to row 6 of 7.");
  await expect(row(page, "Monitoring")).toHaveAccessibleName("Monitoring, row 6 of 7");
  await expect(row(page, "Monitoring")).toBeFocused();
  await page.keyboard.press("Alt+ArrowUp");
  await expect(row(page, "Monitoring")).toHaveAccessibleName("Monitoring, row 5 of 7");
  await expect(rows.nth(5)).toHaveAccessibleName("Apps & Integration, row 6 of 7");

  // The buttons.
  await row(page, "Monitoring")
    .getByRole("button", { name: /^Move down/ })
    .click();
  await expect(row(page, "Monitoring")).toHaveAccessibleName("Monitoring, row 6 of 7");

  // Dragging by the grip onto the top half of the first row.
  const firstRow = row(page, "Physical Infrastructure");
  await row(page, "Monitoring")
    .locator("[data-drag-handle]")
    .dragTo(firstRow, { targetPosition: { x: 40, y: 4 } });
  await expect(status).toHaveText("Moved “Monitoring” to row 1 of 7.");
  await expect(rows.first()).toHaveAccessibleName("Monitoring, row 1 of 7");
  await snap("editor-rows-moved");

  // Delete, after confirming.
  await row(page, "Monitoring")
    .getByRole("button", { name: /^Delete/ })
    .click();
  await row(page, "Monitoring").getByRole("button", { name: "Delete row" }).click();
  await expect(status).toHaveText("Deleted “Monitoring”.");
  await expect(row(page, "Monitoring")).toHaveCount(0);
  await expect(rows).toHaveCount(6);
  await expect(rows.first()).toHaveAccessibleName("Physical Infrastructure, row 1 of 6");

  await discardDraft(page);
});

test("the edit page's forms: a contact is added and removed, checks and publishing follow", async ({
  page,
  signIn,
  snap,
}) => {
  await signIn("manager@demarc.local");
  await page.goto("/providers/danubedata/edit");
  await expect(page.getByRole("heading", { level: 1, name: "Edit DanubeData" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Checks", exact: true }).getByRole("status").first()).toHaveText(
    "No issues: the draft can be published.",
  );

  const contacts = page.getByRole("region", { name: "Contacts" });
  await contacts.locator("summary", { hasText: "Add a contact" }).click();
  const form = contacts.locator("form", { has: page.getByRole("group", { name: "Add a contact" }) });
  await form.getByLabel("Label").fill("Abuse desk");
  await form.getByRole("button", { name: "Add a contact" }).click();
  // The schema's own message, next to the field and tied to it.
  await expect(form.getByLabel("Address, link or number")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Check the highlighted fields.")).toBeVisible();
  await form.getByLabel("Address, link or number").fill("abuse@danubedata.ro");
  await form.getByRole("button", { name: "Add a contact" }).click();
  const added = contacts.locator("summary", { hasText: "Abuse desk: abuse@danubedata.ro" });
  await expect(added).toBeVisible();
  await expect(page.getByText("1 unpublished change,", { exact: false })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Publish" }).getByRole("button", { name: "Publish", exact: true }),
  ).toBeEnabled();
  await snap("editor-edit-page");

  await added.click();
  const item = contacts.getByRole("listitem").filter({ hasText: "Abuse desk: abuse@danubedata.ro" });
  await item.getByRole("button", { name: "Delete" }).click();
  await item.getByRole("group", { name: "Delete" }).getByRole("button", { name: "Delete" }).click();
  await expect(added).toHaveCount(0);

  await discardDraft(page);
});
