// What a database holds, read in the caller's transaction: the server, every table of the public schema
// with its row count and stored columns, the sequences and the applied migrations. A backup records
// these in its header; a restore compares them with the target's before it changes anything.
import "server-only";
import type pg from "pg";
import { publicName } from "./sql-session";

export interface TableFacts {
  name: string;
  rows: number;
  /** Stored columns in table order; generated ones (the search vectors) are computed, not copied. */
  columns: { name: string; type: string }[];
  primaryKey: string[];
}

export interface ServerInfo {
  /** version(), e.g. "PostgreSQL 15.20 (Debian …) on x86_64…" or "PostgreSQL 18.6 (PGlite 0.5.14) on wasm32…" */
  version: string;
  versionNum: number;
  major: number;
  /** PGlite: the embedded database. */
  embedded: boolean;
}

export interface DatabaseFacts {
  server: ServerInfo;
  tables: TableFacts[];
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
  /** Names of the applied migrations; null when the database has no `_prisma_migrations` table. */
  migrations: string[] | null;
}

export const MIGRATIONS_TABLE = "_prisma_migrations";

export async function readServerInfo(options: { client: pg.Client }): Promise<ServerInfo> {
  const { rows } = await options.client.query<{ num: string; version: string }>(
    "SELECT current_setting('server_version_num') AS num, version() AS version",
  );
  const versionNum = Number(rows[0]!.num);
  return {
    version: rows[0]!.version,
    versionNum,
    major: Math.floor(versionNum / 10_000),
    embedded: /\bPGlite\b/i.test(rows[0]!.version),
  };
}

export async function readDatabaseFacts(options: { client: pg.Client }): Promise<DatabaseFacts> {
  const { client } = options;
  const server = await readServerInfo({ client });
  const columns = await client.query<{ table: string; name: string; type: string }>(
    `SELECT c.relname AS "table", a.attname AS "name", pg_catalog.format_type(a.atttypid, a.atttypmod) AS "type"
       FROM pg_catalog.pg_class c
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND NOT c.relispartition
        AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY c.relname COLLATE "C", a.attnum`,
  );
  const keys = await client.query<{ table: string; name: string }>(
    `SELECT c.relname AS "table", a.attname AS "name"
       FROM pg_catalog.pg_index i
       JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)
      WHERE n.nspname = 'public' AND i.indisprimary
      ORDER BY c.relname COLLATE "C", array_position(i.indkey::int2[], a.attnum)`,
  );
  const tables = new Map<string, TableFacts>();
  for (const column of columns.rows) {
    const table = tables.get(column.table) ?? { name: column.table, rows: 0, columns: [], primaryKey: [] };
    table.columns.push({ name: column.name, type: column.type });
    tables.set(column.table, table);
  }
  for (const key of keys.rows) tables.get(key.table)?.primaryKey.push(key.name);
  for (const table of tables.values()) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${publicName(table.name)}`);
    table.rows = Number(rows[0]!.n);
  }
  const sequenceNames = await client.query<{ name: string }>(
    `SELECT c.relname AS "name" FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname COLLATE "C"`,
  );
  const sequences = [];
  for (const { name } of sequenceNames.rows) {
    const { rows } = await client.query<{ last: string; called: boolean }>(
      `SELECT last_value::text AS "last", is_called AS "called" FROM ${publicName(name)}`,
    );
    sequences.push({ name, lastValue: rows[0]!.last, isCalled: rows[0]!.called });
  }
  const migrations = tables.has(MIGRATIONS_TABLE)
    ? (
        await client.query<{ name: string }>(
          `SELECT migration_name AS "name" FROM ${publicName(MIGRATIONS_TABLE)}
            WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name COLLATE "C"`,
        )
      ).rows.map((r) => r.name)
    : null;
  return {
    server,
    tables: [...tables.values()],
    sequences,
    migrations,
  };
}
