// Restores a verified backup (backup-file.ts) into the database at a URL. Everything that can refuse is
// checked before the first change: the backup's migrations are this code's, the tools and versions fit,
// the target has no migration the backup lacks, and a target that holds content is replaced only with
// `force`. The load itself is one transaction (load-logical.ts, or pg_restore --single-transaction).
import "server-only";
import type pg from "pg";
import { plural } from "@/lib/format";
import { applyMigrations } from "../migrations";
import { BackupError } from "./backup-error";
import type { BackupFile, BackupHeader, BackupKind } from "./backup-file";
import { checkBackupMigrations } from "./check-migrations";
import { readDatabaseFacts, type DatabaseFacts } from "./database-facts";
import { describeContents, holdsContent } from "./describe-contents";
import { loadLogicalPayload } from "./load-logical";
import { checkPgRestore, restorePgDump } from "./restore-pg-dump";
import { connect, inTransaction, publicName } from "./sql-session";

export interface ApplyBackupOptions {
  databaseUrl: string;
  backup: BackupFile;
  /** Replace a database that holds content. */
  force?: boolean;
  /**
   * Raise the content epoch above both its old and its restored value afterwards, so portal instances
   * still running drop the pages they cached (a server). The embedded restore runs with the portal
   * stopped and leaves the database exactly as backed up.
   */
  raiseContentEpoch: boolean;
  log?: (line: string) => void;
}

export interface RestoreResult {
  kind: BackupKind;
  /** What the database held before, when it held content ("5 providers, 7 published versions, …"). */
  replaced: string | null;
  /** Migrations applied first, to give an empty or older database the backup's schema (logical backups). */
  migrated: string[];
  tables: number;
  rows: number;
}

const CONTENT_EPOCH = "ContentEpoch";

export async function applyBackup(options: ApplyBackupOptions): Promise<RestoreResult> {
  const { header, payload } = options.backup;
  const log = options.log ?? (() => {});
  await checkBackupMigrations({ migrations: header.migrations });
  const client = await connect(options.databaseUrl);
  try {
    const readFacts = () =>
      inTransaction(client, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", () => readDatabaseFacts({ client }));
    const before = await readFacts();
    if (header.kind === "pg-dump") await checkPgRestore({ header, server: before.server });
    const applied = before.migrations ?? [];
    const newer = applied.filter((name) => !header.migrations.includes(name));
    if (newer.length)
      throw new BackupError(
        `The database has ${plural(newer.length, "migration")} newer than the backup (${newer.join(", ")}). ` +
          "Restore into an empty database instead (a new database on the server; for the embedded one, an empty " +
          "DEMARC_DATA_DIR); the portal applies the newer migrations when it starts.",
      );
    const replaced = holdsContent(before.tables) ? describeContents(before.tables) : null;
    if (replaced && !options.force)
      throw new BackupError(
        `The database holds ${replaced}. Restoring replaces all of it with the backup made ${header.createdAt}. ` +
          "Run the restore again with --force to go ahead.",
      );
    if (replaced) log(`Replacing what the database held: ${replaced}.`);
    const epochBefore = options.raiseContentEpoch ? await readContentEpoch(client) : null;

    let migrated: string[] = [];
    if (header.kind === "logical") {
      if (header.migrations.some((name) => !applied.includes(name))) {
        migrated = await applyMigrations({ databaseUrl: options.databaseUrl, until: header.migrations.at(-1) });
        if (migrated.length) log(`Applied the backup's migrations first: ${migrated.join(", ")}.`);
      }
      const target = migrated.length ? await readFacts() : before;
      checkSameTables(header, target);
      await loadLogicalPayload({ client, header, payload, tables: target.tables });
    } else {
      await restorePgDump({ databaseUrl: options.databaseUrl, payload });
    }
    if (options.raiseContentEpoch && header.tables.some((t) => t.name === CONTENT_EPOCH))
      await client.query(
        `UPDATE ${publicName(CONTENT_EPOCH)} SET "value" = GREATEST("value", $1::bigint) + 1 WHERE "id" = 1`,
        [epochBefore ?? "0"],
      );
    const after = await readFacts();
    const counts = new Map(after.tables.map((t) => [t.name, t.rows]));
    const differing = header.tables.filter((t) => counts.get(t.name) !== t.rows);
    if (differing.length)
      throw new BackupError(
        `The restore finished, but ${differing.map((t) => `"${t.name}" holds ${counts.get(t.name) ?? "no table"} rows, the backup ${t.rows}`).join("; ")}.`,
      );
    return {
      kind: header.kind,
      replaced,
      migrated,
      tables: header.tables.length,
      rows: header.tables.reduce((sum, t) => sum + t.rows, 0),
    };
  } finally {
    await client.end();
  }
}

/** With the backup's migrations applied the tables must be the backup's: same names, columns and types. */
function checkSameTables(header: BackupHeader, target: DatabaseFacts): void {
  const describe = (tables: { name: string; columns: { name: string; type: string }[] }[]) =>
    new Map(
      tables.map((t) => [
        t.name,
        t.columns
          .map((c) => `${c.name} ${c.type}`)
          .sort()
          .join(", "),
      ]),
    );
  const expected = describe(header.tables);
  const actual = describe(target.tables);
  const names = [...new Set([...expected.keys(), ...actual.keys()])].sort();
  const differences = names
    .filter((name) => expected.get(name) !== actual.get(name))
    .map((name) =>
      !actual.has(name)
        ? `"${name}" is missing here`
        : !expected.has(name)
          ? `"${name}" is not in the backup`
          : `"${name}" has (${actual.get(name)}) here, (${expected.get(name)}) in the backup`,
    );
  const missingSequences = header.sequences.filter((s) => !target.sequences.some((t) => t.name === s.name));
  for (const sequence of missingSequences) differences.push(`sequence "${sequence.name}" is missing here`);
  if (differences.length)
    throw new BackupError(
      `The database's tables differ from the backup's although both have the same migrations (changed by hand?): ${differences.join("; ")}. Nothing was restored.`,
    );
}

/** The content epoch's value, or null when the database has no such table yet. */
async function readContentEpoch(client: pg.Client): Promise<string | null> {
  try {
    const { rows } = await client.query<{ value: string }>(
      `SELECT "value"::text AS "value" FROM ${publicName(CONTENT_EPOCH)} WHERE "id" = 1`,
    );
    return rows[0]?.value ?? null;
  } catch (error) {
    if ((error as { code?: string }).code === "42P01") return null; // undefined_table
    throw error;
  }
}
