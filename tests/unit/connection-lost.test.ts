import { describe, expect, it } from "vitest";
import { isConnectionLost } from "@/lib/database-errors/connection-lost";
import { onlyReads } from "@/lib/database/read-retry";
import { createDatabaseGate } from "@/lib/operations/database-gate";

// Shapes as Prisma 7 with the pg adapter reports them (read off real failures).
const terminated = {
  code: "P2010",
  meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "postgres", code: "57P01" } } },
};
const refused = {
  code: "P1001",
  meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 } } },
};

describe("isConnectionLost", () => {
  it("recognises a terminated backend, a refused or closed connection and pg's own messages", () => {
    expect(isConnectionLost(terminated)).toBe(true);
    expect(isConnectionLost(refused)).toBe(true);
    expect(isConnectionLost({ cause: { kind: "ConnectionClosed" } })).toBe(true);
    expect(isConnectionLost(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isConnectionLost(Object.assign(new Error("connect"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isConnectionLost({ code: "08006" })).toBe(true);
  });

  it("leaves statement failures alone", () => {
    const unique = { code: "P2002", meta: { driverAdapterError: { cause: { kind: "UniqueConstraintViolation" } } } };
    expect(isConnectionLost(unique)).toBe(false);
    expect(isConnectionLost({ code: "40001" })).toBe(false);
    expect(isConnectionLost(new Error("Invalid input"))).toBe(false);
    expect(isConnectionLost(null)).toBe(false);
  });

  it("survives a cause chain that loops", () => {
    const a: Record<string, unknown> = { message: "outer" };
    a.cause = { cause: a };
    expect(isConnectionLost(a)).toBe(false);
  });
});

describe("onlyReads", () => {
  it("repeats plain reads only", () => {
    expect(onlyReads('SELECT "id" FROM "public"."User" WHERE "id" = $1')).toBe(true);
    expect(onlyReads("  with t as (select 1) select * from t")).toBe(true);
    expect(onlyReads('SELECT "updatedAt" FROM "Provider"')).toBe(true);
    expect(onlyReads('INSERT INTO "AuditEntry" ("id") VALUES ($1) RETURNING "id"')).toBe(false);
    expect(onlyReads('UPDATE "ProviderDraft" SET "revision" = $1')).toBe(false);
    expect(onlyReads("WITH moved AS (DELETE FROM x RETURNING *) SELECT * FROM moved")).toBe(false);
    expect(onlyReads('SELECT * FROM "ProviderDraft" WHERE "id" = $1 FOR UPDATE')).toBe(false);
  });
});

describe("createDatabaseGate", () => {
  it("asks nothing while up, then asks on every request until the database answers", async () => {
    let answering = true;
    let pings = 0;
    const gate = createDatabaseGate(async () => {
      pings += 1;
      if (!answering) throw new Error("connect ECONNREFUSED");
    });
    expect(await gate.reachable()).toBe(true);
    expect(pings).toBe(0);
    answering = false;
    expect(await gate.confirm()).toBe(false);
    expect(await gate.reachable()).toBe(false);
    expect(pings).toBe(2);
    answering = true;
    expect(await gate.reachable()).toBe(true);
    expect(await gate.reachable()).toBe(true);
    expect(pings).toBe(3);
  });

  it("has one question in flight however many requests wait", async () => {
    let pings = 0;
    let answer!: () => void;
    const gate = createDatabaseGate(() => {
      pings += 1;
      return new Promise<void>((resolve) => (answer = resolve));
    });
    const waiting = [gate.confirm(), gate.confirm(), gate.confirm()];
    answer();
    expect(await Promise.all(waiting)).toEqual([true, true, true]);
    expect(pings).toBe(1);
  });
});
