import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import type { Actor } from "@/lib/auth/permissions";
import { discardDraft } from "@/lib/drafts/discard-draft";
import { makeProviderDocument } from "../factories/provider-document";
import { expect, test } from "./fixtures";
import { e2eDatabase } from "./support/e2e-database";

// Imports only touch STACKIT's DRAFT (other specs read its published model); the draft is
// discarded afterwards so specs that edit drafts find none. The tests share it, so they run in turn.
test.describe.configure({ mode: "serial" });

const matrixForm = (page: Page) => page.getByRole("form", { name: "Import a service matrix" });
const jsonForm = (page: Page) => page.getByRole("form", { name: "Import a provider document" });
const previewTable = (page: Page) => matrixForm(page).getByRole("table", { name: /^Preview: STACKIT Edge Cloud/ });

async function stackitDraftVersion(): Promise<number | null> {
  const db = e2eDatabase();
  try {
    const provider = await db.provider.findUniqueOrThrow({ where: { slug: "stackit" }, select: { id: true } });
    return (await db.providerDraft.findUnique({ where: { providerId: provider.id } }))?.version ?? null;
  } finally {
    await db.$disconnect();
  }
}

// Discarded the way an editor would (audited), as the demo administrator.
test.afterAll(async () => {
  const db = e2eDatabase();
  try {
    if (((await stackitDraftVersion()) ?? 0) === 0) return;
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@demarc.local" } });
    const actor: Actor = {
      kind: "user",
      id: admin.id,
      email: admin.email,
      name: admin.name,
      role: "admin",
      organizationId: null,
      managedProviderIds: [],
    };
    await discardDraft({ db, actor, provider: "stackit" });
  } finally {
    await db.$disconnect();
  }
});

test("anonymous visitors are sent to sign in", async ({ page }) => {
  await page.goto("/providers/stackit/import");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fproviders%2Fstackit%2Fimport$/);
});

test("account manager: a matrix with a bad row previews its error and imports nothing; fixed, it imports into the draft", async ({
  page,
  signIn,
  snap,
}) => {
  await signIn("manager@demarc.local");
  await page.goto("/providers/stackit/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import into the draft of STACKIT" })).toBeVisible();
  await expect(
    page.getByText(
      "Limits: matrix files up to 512 KiB of text or 4 MiB as a workbook, and 500 rows; provider documents (JSON) up to 2 MiB.",
    ),
  ).toBeVisible();
  await snap("import-page");

  const form = matrixForm(page);
  await form.getByLabel("Service", { exact: true }).selectOption("edge-cloud");
  await form.getByRole("radio", { name: /^Append to them/ }).check();
  await form
    .getByLabel(/Or paste the table/)
    .fill(
      [
        "Responsibility Area,STACKIT,Customer,Assignment",
        "Edge monitoring,Collect host metrics,Review alerts,",
        "Edge backups,Snapshot storage,Restore tests,sometimes",
      ].join("\n"),
    );
  await form.getByRole("button", { name: "Preview" }).click();

  const rows = previewTable(page).locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("Edge monitoring");
  await expect(rows.nth(0)).toContainText("New");
  await expect(rows.nth(1).locator("td").first()).toHaveText("3");
  await expect(rows.nth(1)).toContainText(`Error: "Assignment" "sometimes": use one of provider, customer`);
  await expect(form.getByRole("status")).toHaveText(
    "1 of 2 rows has errors. Fix the file and preview again; nothing has been saved.",
  );
  const importButton = form.getByRole("button", { name: "Import 2 rows into the draft" });
  await expect(importButton).toBeDisabled();
  await snap("import-matrix-preview-errors");
  expect(await stackitDraftVersion()).toBeNull();

  // The fixed file, uploaded as Markdown: a chosen file wins over the pasted text.
  await form.getByLabel("Matrix file").setInputFiles({
    name: "edge.md",
    mimeType: "text/markdown",
    buffer: Buffer.from(
      [
        "| Responsibility Area | STACKIT | Customer |",
        "|---|---|---|",
        "| Edge monitoring | Collect host metrics | Review alerts, escalate incidents |",
        "| Edge backups | Snapshot storage | N/A |",
      ].join("\n"),
    ),
  });
  await expect(form.getByText("You changed the form after the preview: preview again before importing.")).toBeVisible();
  await expect(importButton).toBeDisabled();
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(previewTable(page)).toContainText("Markdown");
  await expect(rows.nth(1)).toContainText("Edge backups");
  await expect(rows.nth(1)).toContainText("N/A");
  await expect(form.getByRole("status")).toHaveText(
    "Ready to import 2 rows into STACKIT Edge Cloud: 2 new, 0 changed, 0 unchanged. Nothing has been saved yet.",
  );
  await expect(importButton).toBeEnabled();
  await snap("import-matrix-preview");

  await importButton.click();
  await expect(form.getByRole("status")).toHaveText(
    /^Imported 2 rows into the draft \(change 1\): 2 new, 0 changed, 0 unchanged\./,
  );
  await expect(previewTable(page)).toHaveCount(0);
  await snap("import-matrix-done");
  expect(await stackitDraftVersion()).toBe(1);

  // Readers still see the published model.
  await page.goto("/providers/stackit/services/edge-cloud");
  await expect(page.getByRole("heading", { level: 1, name: "STACKIT Edge Cloud" })).toBeVisible();
  await expect(page.getByText("Edge monitoring")).toHaveCount(0);
});

test("account manager: the provider's JSON export previews as its draft; a broken copy lists its problems", async ({
  page,
  signIn,
  snap,
}) => {
  await signIn("manager@demarc.local");
  const exported = await page.request.get("/api/v1/providers/stackit/export");
  expect(exported.headers()["content-disposition"]).toBe('attachment; filename="stackit.json"');
  const document = (await exported.json()) as { brandColor: string; services: { areas: unknown[] }[] };
  await page.goto("/providers/stackit/import");
  const form = jsonForm(page);

  await form.getByLabel(/Or paste the JSON/).fill(JSON.stringify({ ...document, brandColor: "blue" }, null, 2));
  await form.getByRole("button", { name: "Preview" }).click();
  const problems = form.getByRole("table", { name: /^Problems/ });
  await expect(problems).toContainText("brandColor");
  await expect(problems).toContainText("Use a hex colour such as #1d4ed8");
  await expect(form.getByRole("button", { name: "Import into the draft" })).toBeDisabled();
  await snap("import-json-problems");

  await form.getByLabel("Provider document (JSON)").setInputFiles({
    name: "stackit.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(document)),
  });
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(form.getByText(/Replaces the draft of STACKIT \(stackit, now at change/)).toBeVisible();
  await expect(form.getByRole("table", { name: "Contents" })).toBeVisible();
  await form.getByRole("button", { name: "Import into the draft" }).click();
  await expect(form.getByRole("status")).toHaveText(/^Imported the file as the draft of “STACKIT” \(change \d+\)/);
  await snap("import-json-done");
});

test("administrator: starts a new provider from JSON as a draft", async ({ page, signIn, snap }) => {
  const doc = makeProviderDocument({ isPrivate: true });
  doc.slug = `e2e-import-${randomUUID().slice(0, 8)}`;
  try {
    await signIn("admin@demarc.local");
    await page.goto("/providers/new");
    await expect(
      page.getByRole("heading", { level: 2, name: "Or start from a provider document (JSON)" }),
    ).toBeVisible();
    const form = page.getByRole("form", { name: "Import a new provider" });
    await form.getByLabel(/Or paste the JSON/).fill('{\n  "slug": "x",\n  "name": }');
    await form.getByRole("button", { name: "Preview" }).click();
    await expect(
      form.getByText('The file is not valid JSON: line 3, column 11: expected a value, found "}".'),
    ).toBeVisible();

    await form.getByLabel(/Or paste the JSON/).fill(JSON.stringify(doc, null, 2));
    await form.getByRole("button", { name: "Preview" }).click();
    await expect(form.getByText(`Creates the provider ${doc.name} (${doc.slug}), private:`)).toBeVisible();
    await snap("import-new-provider-preview");
    await form.getByRole("button", { name: "Create the provider" }).click();
    await expect(form.getByRole("status")).toHaveText(
      `Created “${doc.name}” as an unpublished draft: readers see nothing until it is published.`,
    );
    await form.getByRole("link", { name: `Review and publish ${doc.name}` }).click();
    await expect(page).toHaveURL(new RegExp(`/providers/${doc.slug}/edit$`));
  } finally {
    const db = e2eDatabase();
    await db.provider.deleteMany({ where: { slug: doc.slug } }).catch(() => undefined);
    await db.$disconnect();
  }
});
