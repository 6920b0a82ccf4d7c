// The portal on PostgreSQL when the database goes away (issue: dropped connections showed users a
// 500). Terminated connections: reads are retried on a fresh connection and every reader is
// answered. The server stopped: pages and the API answer 503 with a clear message, the probes say
// so, and the portal serves again by itself as soon as the database is back, without a restart.
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import pg from "pg";
import { prepareDatabase } from "@/lib/setup/bootstrap";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";
import { expect, test } from "./fixtures";
import {
  createDatabase,
  dropDatabase,
  startInstance,
  stopInstance,
  type PortalInstance,
} from "./support/portal-instance";

test.describe.configure({ mode: "serial" });

const port = Number(process.env.E2E_PORT ?? 3210) + 30;
const database = `demarc_e2e_outage_${randomBytes(4).toString("hex")}`;
let proxy: TcpProxy;
let portal: PortalInstance;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await createDatabase(database);
  await prepareDatabase({ databaseUrl: `postgresql://postgres@127.0.0.1:5432/${database}` });
  proxy = await startTcpProxy({ host: "127.0.0.1", port: 5432 });
  portal = await startInstance({ port, databaseUrl: `postgresql://postgres@127.0.0.1:${proxy.port}/${database}` });
});

test.afterAll(async () => {
  if (portal) await stopInstance(portal);
  await proxy?.close();
  await dropDatabase(database);
});

test("connections terminated under load: every read is answered", async () => {
  test.setTimeout(60_000);
  const admin = new pg.Client({ connectionString: "postgresql://postgres@127.0.0.1:5432/postgres" });
  await admin.connect();
  let kills = 0;
  let terminated = 0;
  let reading = true;
  const killer = (async () => {
    while (reading) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const { rows } = await admin.query<{ pid: number }>(
        "SELECT pg_terminate_backend(pid) AS pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
        [database],
      );
      kills += 1;
      terminated += rows.length;
    }
  })();
  // Unique queries, so every request reaches the database rather than the page cache.
  const paths = (i: number) => [
    `/?q=backup${i}`,
    `/api/v1/providers?i=${i}`,
    `/providers/danubedata/services/vps?i=${i}`,
  ];
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  const readers = Array.from({ length: 4 }, async (_, reader) => {
    for (let i = 0; reading; i++)
      for (const path of paths(reader * 10_000 + i)) {
        const response = await fetch(portal.origin + path);
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status !== 200) failures.push(`${response.status} ${path}`);
      }
  });
  // At least five seconds and eight rounds of terminations, however slow a loaded machine is.
  const started = Date.now();
  while (Date.now() - started < 5_000 || kills < 8) await new Promise((resolve) => setTimeout(resolve, 100));
  reading = false;
  await Promise.all([...readers, killer]);
  await admin.end();
  expect(kills).toBeGreaterThan(5);
  expect(terminated, "the portal's connections were terminated while it served").toBeGreaterThan(5);
  expect(Object.fromEntries(statuses), `${failures.join("\n")}\n${portal.output.join("\n")}`).toEqual({
    200: expect.any(Number),
  });
});

test("the database away: a clear 503, probes that tell, and recovery without a restart", async ({
  page,
  expectConsoleError,
  snap,
}) => {
  expectConsoleError(/status of 503/);
  await proxy.stop();

  const home = await fetch(`${portal.origin}/providers/danubedata`);
  expect(home.status).toBe(503);
  expect(home.headers.get("retry-after")).toBe("5");
  expect(home.headers.get("content-type")).toContain("text/html");
  expect(home.headers.get("x-content-type-options")).toBe("nosniff");
  expect(home.headers.get("content-security-policy")).toContain("script-src 'self';");
  const requestId = home.headers.get("x-request-id")!;
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  const homeText = await home.text();
  expect(homeText).toContain("cannot reach its database");
  expect(homeText, "the page names the request, for a user who reports it").toContain(requestId);
  // The server logs JSON lines, and what it logged about this request carries the same id.
  const logged = portal.output.filter((line) => line.trim()).map((line) => JSON.parse(line) as Record<string, string>);
  expect(logged.some((entry) => entry.requestId === requestId && entry.level === "error")).toBe(true);

  const api = await fetch(`${portal.origin}/api/v1/providers`);
  expect(api.status).toBe(503);
  expect(api.headers.get("content-type")).toBe("application/problem+json");
  expect(await api.json()).toMatchObject({ status: 503, title: "Temporarily unavailable" });
  expect(api.headers.get("x-frame-options")).toBe("DENY");
  expect(api.headers.get("content-security-policy")).toContain("default-src 'none'");

  expect((await fetch(`${portal.origin}/api/health`)).status).toBe(200);
  expect((await fetch(`${portal.origin}/api/ready`)).status).toBe(503);

  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(`${portal.origin}/`);
  await expect(page.getByRole("heading", { name: "Demarc is temporarily unavailable" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations).toEqual([]);
  await snap("database-unavailable-390");

  await proxy.start();
  const back = Date.now();
  await expect
    .poll(async () => (await fetch(`${portal.origin}/providers/danubedata`)).status, {
      intervals: [50],
      timeout: 5_000,
    })
    .toBe(200);
  const recoveryMs = Date.now() - back;
  console.log(`Serving again ${recoveryMs} ms after the database came back`);
  expect(recoveryMs).toBeLessThan(2_000);
  expect((await fetch(`${portal.origin}/api/v1/providers`)).status).toBe(200);
});
