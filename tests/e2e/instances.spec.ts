// Two portal instances on one PostgreSQL database, as in production behind a load balancer: a
// version published on one is what the other serves on its very next request (published reads are
// cached per version, never invalidated by hand), and published pages stay within their budget of
// SQL statements (counted from the statement log of an instance that serves nothing else).
import { randomBytes } from "node:crypto";
import { actorFromUser, actorSelect } from "@/lib/auth/sessions";
import { prepareDatabase } from "@/lib/setup/bootstrap";
import { createPrismaClient } from "@/lib/database/client";
import { DEMO_PASSWORD } from "@/lib/setup/seed-demo-accounts";
import { signIn } from "../bench/portal-process";
import { changeDraft } from "@/lib/drafts/change-draft";
import { getDraft } from "@/lib/drafts/get-draft";
import { expect, test } from "./fixtures";
import {
  createDatabase,
  dropDatabase,
  startInstance,
  stopInstance,
  type PortalInstance,
} from "./support/portal-instance";

test.describe.configure({ mode: "serial" });

const basePort = Number(process.env.E2E_PORT ?? 3210) + 20;
const database = `demarc_e2e_instances_${randomBytes(4).toString("hex")}`;
const databaseUrl = `postgresql://postgres@127.0.0.1:5432/${database}`;

const instances: PortalInstance[] = [];
const startAt = (port: number) => startInstance({ port, databaseUrl, env: { DEMARC_LOG_STATEMENTS: "1" } });

const statementsSoFar = (instance: PortalInstance) =>
  instance.output.filter((line) => line.startsWith("[statement]")).length;

/** Requests a page (anonymous) and counts the SQL statements its instance ran for it. */
async function countStatements(instance: PortalInstance, pagePath: string) {
  const before = statementsSoFar(instance);
  const response = await fetch(instance.origin + pagePath);
  await response.arrayBuffer();
  // Statement lines are written as the statements run; give the pipe a moment to deliver the last ones.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { status: response.status, statements: statementsSoFar(instance) - before };
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await createDatabase(database);
  await prepareDatabase({ databaseUrl, demoAccounts: true });
  instances.push(...(await Promise.all([startAt(basePort), startAt(basePort + 1)])));
});

test.afterAll(async () => {
  await Promise.all(instances.map(stopInstance));
  await dropDatabase(database);
});

const budgets: [path: string, status: number, statements: number][] = [
  ["/providers/danubedata", 200, 4],
  ["/providers/danubedata/services/vps", 200, 5],
  ["/providers/contain/services/platform?model=cloud-services", 200, 5],
  ["/providers/danubedata/compare", 200, 5],
  ["/providers/no-such-provider", 404, 1],
  ["/api/v1/providers/danubedata", 200, 2],
];

test("published pages stay within their SQL statement budgets", async () => {
  const [a] = instances;
  const measured: string[] = [];
  for (const [pagePath, status, budget] of budgets) {
    // The first request also reads the version's document (and a route's first request the session
    // secret), which every later render takes from memory.
    const first = await countStatements(a!, pagePath);
    expect(first.status, pagePath).toBe(status);
    // A query parameter the page ignores misses the page cache: the page renders again, after the
    // page cache's own reading of the content epoch.
    const rendered = await countStatements(a!, `${pagePath}${pagePath.includes("?") ? "&" : "?"}uncached=1`);
    expect(rendered.status, pagePath).toBe(status);
    const cached = await countStatements(a!, pagePath);
    measured.push(`${pagePath}: ${first.statements}, rendered ${rendered.statements}, cached ${cached.statements}`);
    expect.soft(rendered.statements, `${pagePath} rendered`).toBeLessThanOrEqual(budget + 1);
    expect.soft(cached.statements, `${pagePath} from the page cache`).toBe(1);
  }
  test.info().annotations.push({ type: "statements", description: measured.join("; ") });
});

test("a version published on one instance is what the other serves on its next request", async ({ page }) => {
  const [a, b] = instances;
  const api = `${b!.origin}/api/v1/providers/danubedata/services/vps`;
  const before = await fetch(api);
  const etag = before.headers.get("etag");
  expect(etag).toMatch(/^"[0-9a-f]{64}/);
  expect(before.headers.get("cache-control")).toBe("public, no-cache");
  expect((await fetch(api, { headers: { "If-None-Match": etag! } })).status).toBe(304);
  const servicePage = `${b!.origin}/providers/danubedata/services/vps`;
  await expect((await fetch(servicePage)).text()).resolves.not.toContain("Checked by a second instance");
  // B now answers the page from its page cache, and a signed-in customer's obligations from theirs.
  expect((await fetch(servicePage)).headers.get("x-demarc-cache")).toBe("hit");
  const customer = { Cookie: await signIn(b!.origin, "customer@demarc.local", DEMO_PASSWORD) };
  const obligations = `${b!.origin}/me/obligations`;
  await fetch(obligations, { headers: customer });
  const cachedObligations = await fetch(obligations, { headers: customer });
  expect(cachedObligations.headers.get("x-demarc-cache")).toBe("hit");
  expect(cachedObligations.headers.get("cache-control")).toBe("private, no-cache");
  await expect((await fetch(servicePage, { headers: customer })).text()).resolves.not.toContain(
    "Checked by a second instance",
  );
  expect((await fetch(servicePage, { headers: customer })).headers.get("x-demarc-cache")).toBe("hit");

  // An editor renames an area in the draft, and publishes it on instance A.
  await renameInDraft("Checked by a second instance");
  await page.goto(`${a!.origin}/sign-in`);
  await page.getByLabel("Email").fill("manager@demarc.local");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.goto(`${a!.origin}/providers/danubedata/edit#publish`);
  const publish = page.getByRole("region", { name: "Publish" });
  await publish.getByLabel("Changelog note").fill("Renamed an area (two-instance test).");
  await publish.getByRole("button", { name: "Publish", exact: true }).click();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /^Publish version \d+$/ })
    .click();
  await expect(publish.getByRole("status").filter({ hasText: "Published" })).toHaveText(/^Published as version 2\./);

  // Instance B, whose caches hold version 1, answers with version 2 at once.
  const after = await fetch(api, { headers: { "If-None-Match": etag! } });
  expect(after.status).toBe(200);
  expect(after.headers.get("etag")).not.toBe(etag);
  expect(JSON.stringify(await after.json())).toContain("Checked by a second instance");
  const fresh = await fetch(servicePage);
  expect(fresh.headers.get("x-demarc-cache")).toBeNull();
  await expect(fresh.text()).resolves.toContain("Checked by a second instance");
  expect((await fetch(servicePage)).headers.get("x-demarc-cache")).toBe("hit");
  await expect((await fetch(servicePage, { headers: customer })).text()).resolves.toContain(
    "Checked by a second instance",
  );

  // A reader never sees a draft: the next change, saved but not published, is on neither instance.
  await renameInDraft("Not published yet");
  for (const instance of instances)
    await expect((await fetch(`${instance.origin}/providers/danubedata/services/vps`)).text()).resolves.not.toContain(
      "Not published yet",
    );
  await expect((await fetch(servicePage, { headers: customer })).text()).resolves.not.toContain("Not published yet");
});

/** Renames VPS's first area in DanubeData's draft, as its account manager. */
async function renameInDraft(name: string) {
  const db = createPrismaClient(databaseUrl, { max: 1 });
  try {
    const actor = actorFromUser(
      await db.user.findUniqueOrThrow({ where: { email: "manager@demarc.local" }, select: actorSelect }),
    );
    const draft = await getDraft({ db, actor, provider: "danubedata" });
    const service = draft.document.services.findIndex((s) => s.slug === "vps");
    const area = draft.document.services[service]!.areas[0]!;
    await changeDraft({
      db,
      actor,
      provider: "danubedata",
      change: { op: "set", path: ["services", service, "areas", 0], expected: area, value: { ...area, name } },
    });
  } finally {
    await db.$disconnect();
  }
}

test("without a trusted proxy, a client cannot choose the address its sign-ins are limited under", async () => {
  const [, b] = instances;
  const attempt = async (index: number) => {
    const csrf = await fetch(`${b!.origin}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await fetch(`${b!.origin}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Cookie: csrf.headers
          .getSetCookie()
          .map((c) => c.split(";")[0])
          .join("; "),
        Origin: b!.origin,
        // A fresh forged address every time: were it believed, no per-address limit would ever apply.
        "X-Forwarded-For": `198.51.100.${index}`,
      },
      body: new URLSearchParams({
        csrfToken,
        email: `nobody-${index}@forged.test`,
        password: "wrong password",
        json: "true",
      }),
    });
    return ((await response.json()) as { url: string }).url;
  };
  const answers: string[] = [];
  for (let index = 1; index <= 21; index++) answers.push(await attempt(index));
  // Each forged address and each email was used once, so only the socket's own address (20 attempts
  // per quarter hour, lib/auth/rate-limit.ts; earlier tests here signed in from it too) can be limited.
  expect(answers[0]).not.toContain("RateLimited");
  expect(answers.at(-1)).toContain("RateLimited");
});
