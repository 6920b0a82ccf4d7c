// The logical payload: every row of every table as text, read in the caller's REPEATABLE READ
// transaction (one snapshot for all tables), written as gzipped JSON lines — `{"table":"Name"}` opens a
// table, then one JSON array per row with each stored column's text form, null for NULL. PostgreSQL's
// text form of a value is its type's own input syntax; with the settings of sql-session.ts (UTC, ISO
// dates, hex bytea, all float digits) jsonb, timestamps, arrays, enums and bytea read back unchanged.
import "server-only";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { createGzip } from "node:zlib";
import type pg from "pg";
import type { TableFacts } from "./database-facts";
import { publicName, quoteIdent } from "./sql-session";

/** Rows per fetch: bounded memory for tables of large documents, few round trips for small rows. */
const FETCH_ROWS = 500;

export type TextRow = (string | null)[];

/** One table's rows in primary-key order, values as text or null, a batch at a time (a cursor in the caller's transaction). */
export async function* readTableRows(options: {
  client: pg.Client;
  table: Pick<TableFacts, "name" | "columns" | "primaryKey">;
}): AsyncGenerator<TextRow[]> {
  const { client, table } = options;
  const values = table.columns.map((c) => `${quoteIdent(c.name)}::text`).join(", ");
  const order = table.primaryKey.length ? ` ORDER BY ${table.primaryKey.map(quoteIdent).join(", ")}` : "";
  await client.query(
    `DECLARE demarc_backup_rows NO SCROLL CURSOR FOR SELECT ${values} FROM ${publicName(table.name)}${order}`,
  );
  try {
    for (;;) {
      const { rows } = await client.query<TextRow>({
        text: `FETCH ${FETCH_ROWS} FROM demarc_backup_rows`,
        rowMode: "array",
      });
      if (rows.length === 0) return;
      yield rows;
    }
  } finally {
    // After a failed statement the transaction is aborted and the caller rolls back, which closes it too.
    await client.query("CLOSE demarc_backup_rows").catch(() => {});
  }
}

/** The gzipped payload of `tables`; each table's row count must equal `rows` (both come from the same snapshot). */
export async function dumpLogicalPayload(options: { client: pg.Client; tables: TableFacts[] }): Promise<Buffer> {
  const gzip = createGzip();
  const chunks: Buffer[] = [];
  gzip.on("data", (chunk: Buffer) => chunks.push(chunk));
  const write = async (text: string) => {
    if (!gzip.write(text)) await once(gzip, "drain");
  };
  for (const table of options.tables) {
    await write(`${JSON.stringify({ table: table.name })}\n`);
    let count = 0;
    for await (const rows of readTableRows({ client: options.client, table })) {
      await write(rows.map((row) => `${JSON.stringify(row)}\n`).join(""));
      count += rows.length;
    }
    if (count !== table.rows)
      throw new Error(`"${table.name}": ${count} rows read, ${table.rows} counted in one snapshot`);
  }
  gzip.end();
  await finished(gzip);
  return Buffer.concat(chunks);
}
