// Loads a logical payload (dump-logical.ts) into a database whose tables match the backup's, in one
// transaction: every table emptied, the rows inserted, each table's count compared with the header, the
// sequences set; any failure rolls all of it back. Triggers and foreign-key checks are off meanwhile
// (session_replication_role = replica, LOCAL to the transaction): the audit log's trigger refuses
// TRUNCATE, and the rows — search words and content epoch included — are one consistent snapshot, to be
// stored exactly as they were rather than recomputed by triggers. Needs a superuser (PGlite's user is one).
import "server-only";
import { createGunzip } from "node:zlib";
import type pg from "pg";
import { BackupError } from "./backup-error";
import type { BackupHeader } from "./backup-file";
import type { TableFacts } from "./database-facts";
import type { TextRow } from "./dump-logical";
import { inTransaction, publicName, quoteIdent } from "./sql-session";

/** Per statement: the embedded server's cost per byte grows above a megabyte or two (lib/setup/generate/row-buffer.ts). */
const STATEMENT_BYTES = 1024 * 1024;

type LoadTable = Pick<TableFacts, "name" | "columns">;

/**
 * Inserts rows given as JSON texts of TextRow arrays, in statements of about a megabyte: PostgreSQL
 * expands each batch with json_array_elements and casts every text to its column's type (its input
 * function, as COPY would). Identity columns keep the stored values.
 */
export async function insertTableRows(options: { client: pg.Client; table: LoadTable; rows: string[] }): Promise<void> {
  const { client, table } = options;
  if (options.rows.length === 0) return;
  const columns = table.columns.map((c) => quoteIdent(c.name)).join(", ");
  const values = table.columns.map((c, i) => `(row->>${i})::${c.type}`).join(", ");
  const sql = `INSERT INTO ${publicName(table.name)} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${values} FROM json_array_elements($1::json) AS batch(row)`;
  let batch: string[] = [];
  let bytes = 0;
  for (const row of options.rows) {
    if (bytes + row.length > STATEMENT_BYTES && batch.length) {
      await client.query(sql, [`[${batch.join(",")}]`]);
      batch = [];
      bytes = 0;
    }
    batch.push(row);
    bytes += row.length;
  }
  if (batch.length) await client.query(sql, [`[${batch.join(",")}]`]);
}

/**
 * Replaces the content of every table in `tables` (the target's, whose names, columns and types must equal
 * the header's: apply-backup.ts checks) with the payload's rows.
 */
export async function loadLogicalPayload(options: {
  client: pg.Client;
  header: BackupHeader;
  payload: Buffer;
  tables: LoadTable[];
}): Promise<void> {
  const { client, header } = options;
  const targets = new Map(options.tables.map((t) => [t.name, t]));
  await inTransaction(client, "BEGIN", async () => {
    try {
      await client.query("SET LOCAL session_replication_role = replica");
    } catch (error) {
      if ((error as { code?: string }).code !== "42501") throw error;
      throw new BackupError(
        "Restoring a logical backup needs a superuser (it loads the rows with triggers and foreign-key checks off). " +
          "Connect as one, or restore a pg_dump backup (npm run db:backup -- --format pg-dump on the source).",
      );
    }
    if (targets.size) await client.query(`TRUNCATE ${[...targets.keys()].map(publicName).join(", ")}`);
    let next = 0; // index of the table expected next in the header
    let table: { facts: LoadTable; expected: number; rows: string[]; bytes: number; count: number } | null = null;
    const flush = async () => {
      if (!table) return;
      await insertTableRows({ client, table: table.facts, rows: table.rows });
      table.rows = [];
      table.bytes = 0;
    };
    const close = async () => {
      if (!table) return;
      await flush();
      if (table.count !== table.expected)
        throw damaged(`"${table.facts.name}" holds ${table.count} rows, its header says ${table.expected}`);
    };
    for await (const line of payloadLines(options.payload)) {
      if (line.startsWith("{")) {
        await close();
        const name = parseJson<{ table?: unknown }>(line).table;
        const entry = header.tables[next++];
        if (!entry || name !== entry.name) throw damaged(`table ${JSON.stringify(name)} is not the next in its header`);
        // The rows hold the backup's columns in the backup's order; the types are the target's (the same, checked).
        const target = targets.get(entry.name);
        if (!target) throw new BackupError(`The database has no table "${entry.name}"; nothing was restored.`);
        const types = new Map(target.columns.map((c) => [c.name, c.type]));
        const facts = {
          name: entry.name,
          columns: entry.columns.map((c) => ({ name: c.name, type: types.get(c.name)! })),
        };
        table = { facts, expected: entry.rows, rows: [], bytes: 0, count: 0 };
        continue;
      }
      if (!table) throw damaged("rows come before the first table");
      const row = parseJson<TextRow>(line);
      if (
        !Array.isArray(row) ||
        row.length !== table.facts.columns.length ||
        !row.every((v) => v === null || typeof v === "string")
      )
        throw damaged(`a row of "${table.facts.name}" does not have its ${table.facts.columns.length} columns`);
      table.rows.push(line);
      table.bytes += line.length;
      table.count += 1;
      if (table.bytes > 4 * STATEMENT_BYTES) await flush();
    }
    await close();
    if (next !== header.tables.length) throw damaged(`it ends after ${next} of its ${header.tables.length} tables`);
    // Last: setval is not undone by a rollback, and only COMMIT comes after it.
    for (const sequence of header.sequences)
      await client.query("SELECT pg_catalog.setval($1::regclass, $2::bigint, $3::boolean)", [
        publicName(sequence.name),
        sequence.lastValue,
        sequence.isCalled,
      ]);
  });
}

function damaged(why: string): BackupError {
  return new BackupError(`The backup's content is damaged (${why}); nothing was restored.`);
}

function parseJson<T>(line: string): T {
  try {
    return JSON.parse(line) as T;
  } catch {
    throw damaged("a line is not JSON");
  }
}

/** The payload's lines, decompressed as they are read (a gzip error surfaces as damage). */
async function* payloadLines(payload: Buffer): AsyncGenerator<string> {
  const gunzip = createGunzip();
  gunzip.end(payload);
  let rest = Buffer.alloc(0);
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      let data = rest.length ? Buffer.concat([rest, chunk]) : chunk;
      let newline: number;
      while ((newline = data.indexOf(0x0a)) !== -1) {
        yield data.subarray(0, newline).toString("utf8");
        data = data.subarray(newline + 1);
      }
      rest = Buffer.from(data);
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw damaged(`it does not decompress: ${(error as Error).message}`);
  }
  if (rest.length) throw damaged("its last line is cut short");
}
