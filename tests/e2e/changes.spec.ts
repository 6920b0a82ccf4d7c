// Change intelligence end to end: a customer registers a webhook and a feed; a manager publishes a
// version that moves a duty to customers; the customer sees the counter, opens the impact, reads the
// row before and after, acknowledges it and files the PDF; the webhook receives the signed impact
// (the portal's worker delivers it) and the feed lists it.
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { roleToDb, type Actor } from "@/lib/auth/permissions";
import { changeDraft } from "@/lib/drafts/change-draft";
import { getDraft } from "@/lib/drafts/get-draft";
import { verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER } from "@/lib/notifications/webhook-signature";
import { providerDocumentSchema } from "@/lib/validation/provider-document";
import { writePublishedProvider } from "@/lib/versions/write-published-provider";
import { makeArea, makeProviderDocument } from "../factories/provider-document";
import { checkDownload } from "./support/check-download";
import { e2eDatabase } from "./support/e2e-database";
import { expect, test } from "./fixtures";

const password = "changes-spec-password-1";

/** A provider with a Backups row the provider runs, a customer subscribed to it, and a manager whose draft hands it over. */
async function prepare() {
  const db = e2eDatabase();
  try {
    const stamp = Date.now().toString(36);
    // Private: visible to the subscribed customer and its manager only, so other specs' catalog counts hold.
    const input = makeProviderDocument({ isPrivate: true });
    input.services[0]!.areas.push(
      makeArea("Backups", { provider: ["Run the nightly backup"], customer: ["Encrypt backups"] }),
    );
    const document = providerDocumentSchema.parse(input);
    const hash = await hashPassword(password);
    const manager = await db.user.create({
      data: {
        email: `changes-manager-${stamp}@example.test`,
        name: "Changes Manager",
        role: roleToDb("account-manager"),
        passwordHash: hash,
      },
    });
    const { id: providerId } = await db.$transaction((tx) =>
      writePublishedProvider({ tx, actor: { kind: "system", command: "changes-spec" }, document, note: "First." }),
    );
    await db.providerManager.create({ data: { userId: manager.id, providerId } });
    const service = await db.service.findFirstOrThrow({ where: { providerId, position: 0 } });
    const organization = await db.organization.create({
      data: {
        slug: `changes-${stamp}`,
        name: `Changes Org ${stamp}`,
        subscriptions: { create: [{ serviceId: service.id }] },
      },
    });
    const customer = await db.user.create({
      data: {
        email: `changes-customer-${stamp}@example.test`,
        name: "Casey Customer",
        role: roleToDb("customer"),
        organizationId: organization.id,
        passwordHash: hash,
      },
    });
    const actor: Actor = {
      kind: "user",
      id: manager.id,
      email: manager.email,
      name: manager.name,
      role: "account-manager",
      organizationId: null,
      managedProviderIds: [providerId],
    };
    // The manager's unpublished edit: the provider no longer runs backups; customers do.
    const draft = await getDraft({ db, actor, provider: document.slug });
    const index = draft.document.services[0]!.areas.findIndex((a) => a.name === "Backups");
    const area = draft.document.services[0]!.areas[index]!;
    await changeDraft({
      db,
      actor,
      provider: document.slug,
      change: {
        op: "set",
        path: ["services", 0, "areas", index],
        expected: area,
        value: {
          ...makeArea("Backups", { customer: ["Run the nightly backup", "Encrypt backups"] }),
          key: area.key,
          parties: ["customer"],
        },
      },
    });
    return {
      slug: document.slug,
      name: document.name,
      manager: manager.email,
      customer: customer.email,
      organization: organization.name,
    };
  } finally {
    await db.$disconnect();
  }
}

/** A webhook receiver on this machine that keeps what it was sent. */
async function receiver() {
  const received: { body: string; signature: string }[] = [];
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ body, signature: String(request.headers[WEBHOOK_SIGNATURE_HEADER.toLowerCase()] ?? "") });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/demarc`,
    received,
    close: () => server.close(),
  };
}

async function signOut(page: Page) {
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
}

async function passesAxe(page: Page, width: number) {
  await page.setViewportSize({ width, height: 900 });
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

test("a published change reaches the customer: counter, impact, acknowledgement, PDF, webhook and feed", async ({
  page,
  signIn,
  snap,
}) => {
  test.setTimeout(180_000);
  const world = await prepare();
  const hook = await receiver();
  try {
    // The customer registers a webhook (its secret shown once) and a feed address.
    await signIn(world.customer, password);
    await page.goto("/me/notifications");
    await expect(page.getByRole("heading", { level: 1, name: "Change notifications" })).toBeVisible();
    await page.getByLabel("Endpoint address").fill("http://hooks.example.test/plain");
    await page.getByRole("button", { name: "Register endpoint" }).click();
    await expect(page.getByText("Use an https:// address", { exact: false })).toBeVisible();
    await page.getByLabel("Endpoint address").fill(hook.url);
    await page.getByRole("button", { name: "Register endpoint" }).click();
    const secret = await page.getByRole("textbox", { name: "Signing secret" }).inputValue();
    expect(secret.length).toBeGreaterThan(30);
    await page.getByRole("button", { name: "Create a feed address" }).click();
    const feedUrl = await page.getByRole("textbox", { name: "Feed address" }).inputValue();
    await passesAxe(page, 390);
    await snap("changes-notifications-phone");
    await signOut(page);

    // The manager publishes the edit.
    await signIn(world.manager, password);
    await page.goto(`/providers/${world.slug}/edit`);
    const publish = page.getByRole("region", { name: "Publish" });
    await publish.getByLabel("Changelog note").fill("Backups are the customer's from now on.");
    await publish.getByRole("button", { name: "Publish", exact: true }).click();
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /^Publish version 2$/ })
      .click();
    await expect(publish.getByRole("status").filter({ hasText: "Published" })).toHaveText(/^Published as version 2\./);
    await signOut(page);

    // The customer sees the counter and opens the change.
    await signIn(world.customer, password);
    const header = page.getByRole("banner");
    await expect(header.getByRole("link", { name: "Changes 1 need action" })).toBeVisible();
    await header.getByRole("link", { name: /^Changes/ }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: `Changes to ${world.organization}'s obligations` }),
    ).toBeVisible();
    await page.getByRole("link", { name: `${world.name}: version 1 → 2` }).click();
    await expect(page.getByRole("heading", { level: 1, name: `${world.name}: version 1 → 2` })).toBeVisible();
    await expect(page.getByText("Backups are the customer's from now on.")).toBeVisible();
    const moved = page
      .getByRole("listitem")
      .filter({ hasText: "Became yours" })
      .filter({ hasText: "Run the nightly backup" });
    await expect(moved).toContainText("Action required");
    // The same duty, found in the provider's column before and in the customer's now.
    await expect(moved).toContainText(`${world.name} → Customer`);
    await expect(moved.locator("dd")).toHaveText(["Run the nightly backup (must)", "Run the nightly backup (must)"]);
    await expect(moved.getByRole("link", { name: /^Open the row/ })).toHaveAttribute(
      "href",
      new RegExp(`^/providers/${world.slug}/services/[^/#]+#area-backups$`),
    );
    await passesAxe(page, 390);
    await snap("changes-impact-phone");
    await passesAxe(page, 1280);
    await snap("changes-impact-desktop");

    await page.getByRole("button", { name: "Acknowledge" }).click();
    await expect(page.getByText(/^Acknowledged by Casey Customer, /)).toBeVisible();
    await expect(header.getByRole("link", { name: "Changes", exact: true })).toBeVisible();

    await page.getByRole("button", { name: "Export" }).click();
    const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^PDF/ }).click()]);
    const checked = await checkDownload(pdf);
    expect(checked.problems).toEqual([]);

    // The worker delivered the impact to the webhook, signed with the secret shown once.
    await expect.poll(() => hook.received.length, { timeout: 60_000 }).toBe(1);
    const [delivery] = hook.received;
    expect(verifyWebhookSignature({ secret, header: delivery!.signature, body: delivery!.body })).toBe(true);
    const payload = JSON.parse(delivery!.body) as {
      type: string;
      toVersion: number;
      counts: { actionRequired: number };
    };
    expect(payload).toMatchObject({ type: "obligations.changed", toVersion: 2 });
    expect(payload.counts.actionRequired).toBeGreaterThan(0);

    // The feed lists it, for a reader holding no session.
    const feed = await page.request.get(feedUrl, { headers: { cookie: "" } });
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain("Run the nightly backup");

    // An auditor reads the organization's change from the systems page, acknowledged and read-only.
    await signOut(page);
    await signIn("auditor@demarc.local");
    await page.goto("/systems");
    await page
      .getByRole("region", { name: world.organization })
      .getByRole("link", { name: "Changes to its obligations" })
      .click();
    await expect(
      page.getByRole("heading", { level: 1, name: `Changes to ${world.organization}'s obligations` }),
    ).toBeVisible();
    await page.getByRole("link", { name: `${world.name}: version 1 → 2` }).click();
    await expect(page.getByRole("heading", { level: 1, name: `${world.name}: version 1 → 2` })).toBeVisible();
    await expect(page.getByText(/^Acknowledged by Casey Customer, /)).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "Run the nightly backup" }).first()).toContainText(
      "Became yours",
    );
    await expect(page.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
    await page.getByRole("button", { name: "Export" }).click();
    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^CSV/ }).click()]);
    expect((await checkDownload(csv)).problems).toEqual([]);
    expect(csv.suggestedFilename()).toMatch(/-v1-to-v2-changes\.csv$/);
    expect(await readFile((await csv.path())!, "utf8")).toContain("Run the nightly backup");
    await passesAxe(page, 390);
    await snap("changes-impact-auditor-phone");
  } finally {
    hook.close();
  }
});
