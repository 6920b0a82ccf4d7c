// Requests an attacker with an account manager's login could send to the running portal: the
// one-request prototype attack on a draft save, and replayed saves with a foreign, forged or
// missing Origin. Each is refused, nothing is written, and the portal keeps serving everyone.
import type { Page, Request } from "@playwright/test";
import { writePublishedProvider } from "@/lib/versions/write-published-provider";
import { providerDocumentSchema } from "@/lib/validation/provider-document";
import { makeProviderDocument } from "../factories/provider-document";
import { expect, test } from "./fixtures";
import { e2eDatabase } from "./support/e2e-database";

/** A provider of this spec's own, edited by the demo manager (who manages it from now on). */
async function managedProvider() {
  const db = e2eDatabase();
  try {
    const document = providerDocumentSchema.parse(makeProviderDocument());
    const manager = await db.user.findUniqueOrThrow({ where: { email: "manager@demarc.local" } });
    const { id } = await db.$transaction((tx) =>
      writePublishedProvider({ tx, actor: { kind: "system", command: "test" }, document, note: "First" }),
    );
    await db.providerManager.create({ data: { userId: manager.id, providerId: id } });
    return { id, slug: document.slug, summary: document.summary };
  } finally {
    await db.$disconnect();
  }
}

async function draftSummary(providerId: string): Promise<string | null> {
  const db = e2eDatabase();
  try {
    const draft = await db.providerDraft.findUnique({ where: { providerId } });
    return draft ? (draft.document as { summary: string }).summary : null;
  } finally {
    await db.$disconnect();
  }
}

const summaryForm = (page: Page) =>
  page
    .getByRole("region", { name: "Provider details" })
    .locator("form")
    .filter({ has: page.getByRole("textbox", { name: "Summary", exact: true }) });
const isSave = (request: Request) => request.method() === "POST" && request.headers()["next-action"] !== undefined;

let own: Awaited<ReturnType<typeof managedProvider>>;
test.beforeEach(async ({ page, signIn }) => {
  own = await managedProvider();
  await signIn("manager@demarc.local");
  await page.goto(`/providers/${own.slug}/edit`);
});

test("the one-request prototype attack on a draft save is refused, and the portal keeps serving everyone", async ({
  page,
  browser,
  baseURL,
}) => {
  // The editor's own save request, with its change replaced by the attack (the rest untouched).
  const attack = JSON.stringify({ op: "set", path: ["__proto__", "x"], value: "y" });
  let sent = false;
  await page.route(`**/providers/${own.slug}/edit`, async (route) => {
    const request = route.request();
    if (!isSave(request)) return route.continue();
    const body = request.postData() ?? "";
    const rewritten = body.replace(/(name="[^"]*_change"\r\n\r\n)[^\r]*/, (_, head: string) => head + attack);
    expect(rewritten).not.toBe(body);
    sent = true;
    await route.continue({ postData: rewritten });
  });
  const form = summaryForm(page);
  await form.getByLabel("Summary", { exact: true }).fill("An innocent summary");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText('"__proto__" is not a field of a provider document.')).toBeVisible();
  expect(sent).toBe(true);
  await page.unroute(`**/providers/${own.slug}/edit`);
  expect(await draftSummary(own.id)).toBeNull();

  // Everyone else, signed out, still gets pages and the API.
  const anonymous = await browser.newContext({ baseURL });
  try {
    expect((await anonymous.request.get("/")).status()).toBe(200);
    const api = await anonymous.request.get("/api/v1/providers");
    expect(api.status()).toBe(200);
    expect(((await api.json()) as { providers: unknown[] }).providers.length).toBeGreaterThanOrEqual(5);
  } finally {
    await anonymous.close();
  }
});

test("a replayed save with a foreign, forged or missing Origin is a 403; from the portal's own origin it applies", async ({
  page,
  baseURL,
  expectConsoleError,
}) => {
  // Capture one real save (the server action's id, headers and body) without letting it through.
  expectConsoleError(/Failed to load resource/);
  let captured: { url: string; headers: Record<string, string>; body: Buffer } | undefined;
  await page.route(`**/providers/${own.slug}/edit`, async (route) => {
    const request = route.request();
    if (!isSave(request)) return route.continue();
    captured = { url: request.url(), headers: request.headers(), body: request.postDataBuffer()! };
    await route.abort();
  });
  // Typed only once the page is hydrated (the print stamp knows the origin only then): text typed
  // before can be merged with the field's value when React takes the form over.
  await expect(page.locator(".print-stamp").first()).toContainText(`${baseURL}/providers/${own.slug}/edit`);
  const form = summaryForm(page);
  await form.getByLabel("Summary", { exact: true }).fill("Changed by a replayed request");
  await expect(form.getByLabel("Summary", { exact: true })).toHaveValue("Changed by a replayed request");
  await form.getByRole("button", { name: "Save" }).click();
  await expect.poll(() => captured).toBeDefined();
  await page.unroute(`**/providers/${own.slug}/edit`);

  const { origin: _origin, cookie: _cookie, "content-length": _length, ...headers } = captured!.headers;
  const replay = (extra: Record<string, string>) =>
    page.request.fetch(captured!.url, { method: "POST", headers: { ...headers, ...extra }, data: captured!.body });

  const foreign = await replay({ origin: "https://evil.example", "x-forwarded-host": "evil.example" });
  expect(foreign.status()).toBe(403);
  expect(await foreign.json()).toMatchObject({
    status: 403,
    detail: expect.stringContaining('"https://evil.example" is not one of them'),
  });
  const missing = await replay({});
  expect(missing.status()).toBe(403);
  expect(await missing.json()).toMatchObject({ detail: expect.stringContaining("no Origin header") });
  expect(await draftSummary(own.id)).toBeNull();

  const own_origin = await replay({ origin: new URL(baseURL!).origin });
  expect(own_origin.status()).toBe(200);
  await expect.poll(() => draftSummary(own.id)).toBe("Changed by a replayed request");
});
