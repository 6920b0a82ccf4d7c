// Backs up the database at a URL to a file (npm run db:backup). Everything is read in one REPEATABLE READ
// READ ONLY transaction, so all tables come from one snapshot while the portal keeps writing. A PostgreSQL
// server gets pg_dump's custom format by default; the embedded database (PGlite, PostgreSQL 18 inside,
// which the machine's pg_dump refuses to read) gets the logical format, which a server can also use.
import "server-only";
import { BackupError } from "./backup-error";
import { checkOutputPath, writeBackupFile, type BackupHeader, type BackupKind } from "./backup-file";
import { readDatabaseFacts, readServerInfo, type ServerInfo } from "./database-facts";
import { dumpLogicalPayload } from "./dump-logical";
import { dumpWithPgDump } from "./dump-pg-dump";
import { pgToolVersion, type ToolVersion } from "./pg-tools";
import { connect, inTransaction } from "./sql-session";

export type BackupFormat = "auto" | BackupKind;

export interface BackupDatabaseOptions {
  databaseUrl: string;
  /** The file to write; an existing one is refused unless `force`. */
  out: string;
  force?: boolean;
  /** "auto" (default): pg-dump for a PostgreSQL server, logical for the embedded database. */
  format?: BackupFormat;
  now?: () => Date;
}

export interface BackupResult {
  header: BackupHeader;
  rows: number;
}

export async function backupDatabase(options: BackupDatabaseOptions): Promise<BackupResult> {
  await checkOutputPath({ path: options.out, force: options.force });
  const client = await connect(options.databaseUrl);
  try {
    const server = await readServerInfo({ client });
    const kind = options.format && options.format !== "auto" ? options.format : server.embedded ? "logical" : "pg-dump";
    const pgDump = kind === "pg-dump" ? await checkPgDump(server) : null;
    const { facts, payload } = await inTransaction(
      client,
      "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
      async () => {
        const facts = await readDatabaseFacts({ client });
        if (!facts.migrations?.length)
          throw new BackupError(
            "The database holds no applied migrations: it is not a Demarc database, or it was never started (npm start, or npm run db:migrate).",
          );
        const payload =
          kind === "logical"
            ? await dumpLogicalPayload({ client, tables: facts.tables })
            : await dumpWithPgDump({ client, databaseUrl: options.databaseUrl });
        return { facts, payload };
      },
    );
    const header = await writeBackupFile({
      path: options.out,
      force: options.force,
      payload,
      header: {
        kind,
        createdAt: (options.now?.() ?? new Date()).toISOString(),
        source: { embedded: server.embedded, serverVersion: server.version, serverVersionNum: server.versionNum },
        pgDumpVersion: pgDump?.text ?? null,
        migrations: facts.migrations!,
        tables: facts.tables.map((t) => ({ name: t.name, rows: t.rows, columns: t.columns })),
        sequences: facts.sequences,
      },
    });
    return { header, rows: facts.tables.reduce((sum, t) => sum + t.rows, 0) };
  } finally {
    await client.end();
  }
}

/**
 * pg_dump refuses a server newer than itself, and must never be pointed at the embedded server: it sets
 * its session's search_path to '' first, and there every connection shares one session (the portal's).
 */
async function checkPgDump(server: ServerInfo): Promise<ToolVersion> {
  if (server.embedded)
    throw new BackupError(
      "This is the embedded database (PGlite): pg_dump cannot read it. Back it up in the logical format (--format logical, the default for it).",
    );
  const tool = await pgToolVersion("pg_dump");
  if (tool.major < server.major)
    throw new BackupError(
      `The server runs PostgreSQL ${server.major}, and pg_dump here is version ${tool.major} (${tool.text}); ` +
        `pg_dump refuses a newer server. Install pg_dump ${server.major} or newer (Debian: postgresql-client-${server.major}), ` +
        "or use the logical format (--format logical).",
    );
  return tool;
}
