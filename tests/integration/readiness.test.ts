// GET /api/health and GET /api/ready: liveness touches nothing; readiness answers 200 only when the
// database answers and holds every migration of the code, and otherwise says which check failed.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/ready/route";
import { createPrismaClient } from "@/lib/database/client";
import { checkReadiness } from "@/lib/operations/readiness";

const scratch = mkdtempSync(path.join(tmpdir(), "demarc-ready-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("health and readiness", () => {
  test("health: 200, not cached", async () => {
    const response = health();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok" });
  });

  test("ready: the test database answers and holds every migration", async () => {
    const response = await ready();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ready",
      database: "reachable",
      migrations: "current",
      pending: [],
    });
  });

  test("a migration the database lacks makes the instance not ready, named", async () => {
    const migrations = path.join(scratch, "migrations");
    cpSync(path.join(process.cwd(), "prisma/migrations"), migrations, { recursive: true });
    mkdirSync(path.join(migrations, "29991231000000_from_the_future"));
    expect(await checkReadiness({ migrationsDir: migrations })).toEqual({
      ready: false,
      database: "reachable",
      migrations: "pending",
      pending: ["29991231000000_from_the_future"],
    });
  });

  test("an unreachable database is reported as such, without its error", async () => {
    const db = createPrismaClient("postgresql://postgres@127.0.0.1:1/nowhere", { max: 1 });
    try {
      expect(await checkReadiness({ db })).toEqual({
        ready: false,
        database: "unreachable",
        migrations: "unknown",
        pending: [],
      });
    } finally {
      await db.$disconnect();
    }
  });
});
