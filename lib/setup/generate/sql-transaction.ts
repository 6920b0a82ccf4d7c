// One transaction for the generator's writes, as a function that runs SQL with parameters. Given a
// URL it uses its own pg connection: for megabytes of parameters that is about twice as cheap as
// a Prisma raw query (measured on the embedded database); given only a Prisma client, it uses
// that client's interactive transaction.
import "server-only";
import pg from "pg";
import type { Database } from "@/lib/database/client";

/** Runs one statement; resolves to the number of rows it changed. */
export type Execute = (sql: string, ...params: unknown[]) => Promise<number>;

export async function inTransaction<T>(
  target: { databaseUrl?: string; db: Database },
  work: (execute: Execute) => Promise<T>,
): Promise<T> {
  if (!target.databaseUrl)
    return target.db.$transaction((tx) => work((sql, ...params) => tx.$executeRawUnsafe(sql, ...params)), {
      timeout: 30 * 60_000,
      maxWait: 60_000,
    });
  const client = new pg.Client({ connectionString: target.databaseUrl });
  // A failure surfaces through the awaited queries; an idle client's late error must not crash the process.
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query("BEGIN");
    try {
      const result = await work(async (sql, ...params) => (await client.query(sql, params)).rowCount ?? 0);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  } finally {
    await client.end();
  }
}
