// The pg connection of a backup or a restore, and the settings its transactions run with. The embedded
// server multiplexes every connection onto one PGlite session, so nothing here may change a session
// setting for good (the portal shares it): every SET is LOCAL and ends with its transaction.
import "server-only";
import pg from "pg";
import { BackupError } from "./backup-error";

/** Text forms that read back exactly: ISO dates in UTC, hex bytea, all float digits; names resolve in public. */
const exactTextSettings = [
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL IntervalStyle = 'postgres'",
  "SET LOCAL extra_float_digits = 3",
  "SET LOCAL bytea_output = 'hex'",
  "SET LOCAL search_path = public",
].join("; ");

export async function connect(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  // Failures surface through the awaited queries; an idle client's late error must not crash the process.
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`Cannot connect to the database: ${(error as Error).message}`);
  }
  return client;
}

/**
 * Runs `work` in one transaction opened with `begin` (e.g. "BEGIN ISOLATION LEVEL REPEATABLE READ READ
 * ONLY"), with the exact text settings; commits when it returns, rolls back when it throws.
 */
export async function inTransaction<T>(client: pg.Client, begin: string, work: () => Promise<T>): Promise<T> {
  await client.query(begin);
  try {
    await client.query(exactTextSettings);
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A table or sequence of the public schema, quoted. */
export const publicName = (name: string) => `"public".${quoteIdent(name)}`;
