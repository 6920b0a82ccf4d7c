// The PostgreSQL databases of the reliability bench: one is migrated and seeded (demo accounts
// included) once per run, and every scenario gets a copy of it (CREATE DATABASE … TEMPLATE, a file
// copy taking well under a second) instead of migrating and seeding again. All are named
// demarc_bench_rel_* and dropped when the run ends, whatever happened.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { prepareDatabase } from "@/lib/setup/bootstrap";

export const serverUrl = "postgresql://postgres@127.0.0.1:5432";

export interface BenchDatabase {
  name: string;
  url: string;
}

export interface BenchDatabases {
  /** A fresh copy of the prepared database, for one scenario. */
  copy(label: string): Promise<BenchDatabase>;
  /** Drops one copy at once (the run drops whatever is left at the end). */
  drop(database: BenchDatabase): Promise<void>;
  dropAll(): Promise<void>;
}

async function onServer<T>(run: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await admin.connect();
  try {
    return await run(admin);
  } finally {
    await admin.end();
  }
}

export async function createBenchDatabases(): Promise<BenchDatabases> {
  const run = randomBytes(3).toString("hex");
  const template = `demarc_bench_rel_${run}_template`;
  const created = new Set<string>([template]);
  await onServer((admin) => admin.query(`CREATE DATABASE ${template}`));
  await prepareDatabase({ databaseUrl: `${serverUrl}/${template}`, demoAccounts: true });
  // A copy needs the template to itself: wait until the preparation's connections have closed.
  await onServer(async (admin) => {
    for (let waited = 0; waited < 10_000; waited += 100) {
      const { rows } = await admin.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1",
        [template],
      );
      if (rows[0]!.n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  const dropNamed = (name: string) =>
    onServer((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {
      created.delete(name);
    });
  return {
    async copy(label) {
      const name = `demarc_bench_rel_${run}_${label.replace(/[^a-z0-9_]/g, "_")}`;
      created.add(name);
      await onServer((admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
      return { name, url: `${serverUrl}/${name}` };
    },
    drop: (database) => dropNamed(database.name),
    async dropAll() {
      for (const name of [...created]) await dropNamed(name).catch(() => undefined);
    },
  };
}
