// A lost database connection (a terminated backend, the server away) is not an internal error:
// reads are tried again on a fresh connection, anything else becomes a 503 that says so, and the
// client reconnects by itself when the database is back. PostgreSQL server only (PGlite's socket
// server has no backends to terminate).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { errorToProblem } from "@/lib/api/problem";
import { anonymous } from "@/lib/auth/permissions";
import { createPrismaClient } from "@/lib/database/client";
import { listProviders } from "@/lib/providers/list-providers";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";

const databaseUrl = inject("databaseUrl");
const onServer = new URL(databaseUrl).port === "5432";
const databaseName = new URL(databaseUrl).pathname.slice(1);

describe.skipIf(!onServer)("a lost database connection", () => {
  let admin: pg.Client;
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
  });
  afterAll(() => admin.end());

  const terminateOthers = () =>
    admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [databaseName],
    );

  test("reads whose connections were terminated are answered on fresh connections", async () => {
    const expected = await listProviders({ actor: anonymous });
    for (let round = 0; round < 5; round++) {
      // Idle and busy connections alike: the pool hands out ones whose backend is already gone.
      const reads = Array.from({ length: 8 }, () => listProviders({ actor: anonymous }));
      await terminateOthers();
      expect(await Promise.all(reads)).toEqual(Array.from({ length: 8 }, () => expected));
    }
  });

  test("a read after every idle connection was terminated gets a fresh one", async () => {
    const db = createPrismaClient(databaseUrl, { max: 4 });
    try {
      await Promise.all(Array.from({ length: 4 }, () => db.$queryRaw`SELECT pg_sleep(0.05)::text`));
      await terminateOthers();
      expect(await db.provider.count()).toBeGreaterThan(0);
    } finally {
      await db.$disconnect();
    }
  });

  test("a write whose connection is terminated fails as 'unavailable' (503) and is not repeated", async () => {
    const db = createPrismaClient(databaseUrl, { max: 1 });
    try {
      const before = await db.auditEntry.count();
      const write = db.$executeRaw`INSERT INTO "ContentEpoch" ("id", "value") SELECT 2, 0 FROM pg_sleep(0.5)`
        .then(() => "written")
        .catch((error: unknown) => error);
      await new Promise((resolve) => setTimeout(resolve, 150));
      await terminateOthers();
      const outcome = await write;
      expect(outcome).not.toBe("written");
      expect(errorToProblem(outcome)).toMatchObject({ status: 503, title: "Temporarily unavailable" });
      expect(await db.$queryRaw`SELECT 1 FROM "ContentEpoch" WHERE "id" = 2`).toEqual([]);
      expect(await db.auditEntry.count()).toBe(before);
    } finally {
      await db.$disconnect();
    }
  });

  test("the server away: 503 problems, then the same client serves again once it is back", async () => {
    const target = new URL(databaseUrl);
    const proxy: TcpProxy = await startTcpProxy({ host: target.hostname, port: 5432 });
    target.port = String(proxy.port);
    const db = createPrismaClient(target.toString(), { max: 2 });
    try {
      expect(await db.provider.count()).toBeGreaterThan(0);
      await proxy.stop();
      const failure = await db.provider.count().catch((error: unknown) => error);
      expect(errorToProblem(failure)).toMatchObject({ status: 503 });
      await proxy.start();
      expect(await db.provider.count()).toBeGreaterThan(0);
    } finally {
      await db.$disconnect();
      await proxy.close();
    }
  });
});
