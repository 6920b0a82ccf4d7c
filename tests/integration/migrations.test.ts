import pg from "pg";
import { inject, test, expect } from "vitest";
import { prepareDatabase } from "@/lib/setup/bootstrap";
import { applyMigrations, readMigrations } from "@/lib/database/migrations";

test("migrations are recorded like `prisma migrate deploy` and applying again is a no-op", async () => {
  const databaseUrl = inject("databaseUrl");
  expect(await applyMigrations({ databaseUrl })).toEqual([]);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string; finished_at: Date | null }>(
      `SELECT migration_name, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const folders = (await readMigrations()).migrationDirectories.map((d) => d.path);
    expect(rows.map((r) => r.migration_name)).toEqual(folders);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  } finally {
    await client.end();
  }
});

test("starting against a database that holds content neither migrates nor seeds again", async () => {
  const result = await prepareDatabase({ databaseUrl: inject("databaseUrl") });
  expect(result).toEqual({ applied: [], seeded: [] });
});
