import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, test } from "vitest";
import { prepareDatabase } from "@/lib/setup/bootstrap";
import { createPrismaClient } from "@/lib/database/client";
import { EmbeddedDatabaseBusyError, startEmbeddedDatabase } from "@/lib/database/embedded";
import { readEmbeddedServer } from "@/lib/database/embedded-server-file";
import { seedProviders } from "@/prisma/seed";
import { holdEmbeddedDatabase } from "../support/embedded-holder";

/** A brand-new empty database of the kind this project tests (PGlite, or one on the server). */
async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const projectUrl = new URL(inject("databaseUrl"));
  if (projectUrl.pathname === "/postgres") {
    const owner = await startEmbeddedDatabase({ dataDir: null });
    return { url: owner.url, drop: owner.stop };
  }
  const name = `demarc_boot_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: projectUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(projectUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

describe("start-up against one shared database", () => {
  test("instances starting at once migrate and seed exactly once, and agree on one session secret", async () => {
    const db = await freshDatabase();
    try {
      const results = await Promise.all([1, 2, 3].map(() => prepareDatabase({ databaseUrl: db.url })));
      expect(results.filter((r) => r.applied.length > 0)).toHaveLength(1);
      expect(results.filter((r) => r.seeded.length > 0)).toHaveLength(1);
      const client = createPrismaClient(db.url, { max: 1 });
      try {
        expect(await client.provider.count()).toBe(seedProviders.length);
        // Created at start-up, so a fresh portal's first request only reads it (lib/auth/secret.ts).
        const secrets = await client.appSetting.findMany({ where: { key: "auth.secret" } });
        expect(secrets).toHaveLength(1);
        expect(secrets[0]!.value.length).toBeGreaterThanOrEqual(64);
      } finally {
        await client.$disconnect();
      }
    } finally {
      await db.drop();
    }
  });
});

describe("seeding", () => {
  test("is all or nothing: a seed that fails part-way leaves no provider, and the next start seeds them all", async () => {
    const db = await freshDatabase();
    const client = new pg.Client({ connectionString: db.url });
    try {
      await prepareDatabase({ databaseUrl: db.url, seed: false });
      await client.connect();
      // The fourth seed provider cannot be written (a disk full, a crash: anything after the first three).
      const failing = seedProviders[3]!.slug;
      await client.query(`
        CREATE FUNCTION refuse_seed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW."slug" = '${failing}' THEN RAISE EXCEPTION 'refused on purpose'; END IF; RETURN NEW; END $$;
        CREATE TRIGGER refuse_seed BEFORE INSERT ON "Provider" FOR EACH ROW EXECUTE FUNCTION refuse_seed();`);
      await expect(prepareDatabase({ databaseUrl: db.url })).rejects.toThrow(/refused on purpose/);
      const count = async () => (await client.query(`SELECT count(*)::int AS n FROM "Provider"`)).rows[0].n;
      expect(await count()).toBe(0);

      await client.query(`DROP TRIGGER refuse_seed ON "Provider"; DROP FUNCTION refuse_seed();`);
      expect((await prepareDatabase({ databaseUrl: db.url })).seeded).toEqual(seedProviders.map((p) => p.slug));
      expect(await count()).toBe(seedProviders.length);
    } finally {
      await client.end().catch(() => undefined);
      await db.drop();
    }
  });
});

describe("embedded database folder", () => {
  test("has exactly one owner: a second opener fails clearly, and the folder is reusable after stop", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "demarc-lock-"));
    try {
      const owner = await startEmbeddedDatabase({ dataDir });
      try {
        expect(readEmbeddedServer(dataDir)?.url).toBe(owner.url);
        const second = startEmbeddedDatabase({ dataDir });
        await expect(second).rejects.toBeInstanceOf(EmbeddedDatabaseBusyError);
        await expect(second).rejects.toThrow(/already in use by another process/);
        await prepareDatabase({ databaseUrl: owner.url, seed: false });
      } finally {
        await owner.stop();
      }
      expect(readEmbeddedServer(dataDir)).toBeNull();
      // Data persists on disk for the next owner.
      const again = await startEmbeddedDatabase({ dataDir });
      try {
        const client = new pg.Client({ connectionString: again.url });
        await client.connect();
        const { rows } = await client.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
        await client.end();
        expect(rows[0].n).toBeGreaterThan(0);
      } finally {
        await again.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  test("a folder whose owner was killed is taken over at once", async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "demarc-lock-dead-"));
    const holder = await holdEmbeddedDatabase(dataDir);
    try {
      // Alive, it keeps the folder.
      await expect(startEmbeddedDatabase({ dataDir })).rejects.toBeInstanceOf(EmbeddedDatabaseBusyError);
      await holder.kill();
      const started = performance.now();
      const next = await startEmbeddedDatabase({ dataDir });
      expect(performance.now() - started).toBeLessThan(5_000);
      await next.stop();
    } finally {
      await holder.kill();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
