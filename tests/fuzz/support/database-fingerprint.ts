// A fingerprint of everything the database holds: per table, its row count and an MD5 over the
// address and creating transaction of every row version (ctid, xmin), combined into one SHA-256.
// Any committed insert, update or delete changes it, even one that writes identical content, and
// reading it costs a scan without reading the rows' content (documents are large): cheap enough to
// take after every case. A refused request must leave it exactly as it was (no partial write, no
// stray audit entry); an accepted one may change it, and the watch moves on.
import { createHash } from "node:crypto";
import { expect } from "vitest";
import { getDb } from "@/lib/db";

let query: string | null = null;

/** One statement over every table of the schema (found once: migrations do not run during the suite). */
async function stateQuery(): Promise<string> {
  if (query) return query;
  const tables = await getDb().$queryRaw<{ name: string }[]>`
    SELECT table_name::text AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`;
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
  query = tables
    .map(
      ({ name }) =>
        `SELECT ${literal(name)} AS "table", count(*)::int AS "rows", ` +
        `md5(coalesce(string_agg(t.ctid::text || t.xmin::text, ',' ORDER BY t.ctid), '')) AS "digest" FROM ${quote(name)} t`,
    )
    .join(" UNION ALL ");
  return query;
}

export async function databaseFingerprint(): Promise<string> {
  const rows = await getDb().$queryRawUnsafe<{ table: string; rows: number; digest: string }[]>(await stateQuery());
  const hash = createHash("sha256");
  for (const row of rows.sort((a, b) => a.table.localeCompare(b.table)))
    hash.update(`${row.table}:${row.rows}:${row.digest}\n`);
  return hash.digest("hex");
}

/** Follows the database through a property: refused cases must leave it unchanged. */
export class DatabaseWatch {
  private baseline: string | null = null;

  /** Takes the fingerprint every later case is compared with. */
  async start(): Promise<void> {
    this.baseline = await databaseFingerprint();
  }

  /**
   * Fails the case when anything changed since the baseline. The state now becomes the baseline, so
   * the next case (a shrink of this one, when it fails) is judged against the state it starts from.
   */
  async expectUnchanged(what: string): Promise<void> {
    const before = this.baseline;
    if (before === null) throw new Error("DatabaseWatch.start() was not called");
    this.baseline = await databaseFingerprint();
    expect(this.baseline, `the database changed although ${what} was refused`).toBe(before);
  }

  /** After an accepted case: its writes are the new baseline. */
  async accept(): Promise<void> {
    this.baseline = await databaseFingerprint();
  }
}
