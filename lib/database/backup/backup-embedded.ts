// Backs up the embedded database (npm run db:backup without DATABASE_URL). While the portal runs it owns
// the folder, and the backup reads through the portal's own server (its one transaction briefly holds the
// embedded database: requests wait for it, nothing fails); when nothing runs, the folder is opened here,
// under the same lock the portal takes, for the duration of the backup.
import "server-only";
import { existsSync } from "node:fs";
import { EmbeddedDatabaseBusyError, startEmbeddedDatabase } from "../embedded";
import { embeddedPaths, readEmbeddedServer } from "../embedded-server-file";
import { BackupError } from "./backup-error";
import { backupDatabase, type BackupDatabaseOptions, type BackupResult } from "./backup-database";

export async function backupEmbeddedDatabase(
  options: Omit<BackupDatabaseOptions, "databaseUrl"> & { dataDir: string },
): Promise<BackupResult & { whileRunning: boolean }> {
  if (options.format === "pg-dump")
    throw new BackupError(
      "The embedded database (PGlite, PostgreSQL 18 inside) cannot be read by pg_dump; its backups use the logical format.",
    );
  const backup = (databaseUrl: string) => backupDatabase({ ...options, databaseUrl, format: "logical" });
  const running = readEmbeddedServer(options.dataDir);
  if (running) return { ...(await backup(running.url)), whileRunning: true };
  if (!existsSync(embeddedPaths(options.dataDir).pgdata))
    throw new BackupError(
      `There is no embedded database in ${options.dataDir} (set DEMARC_DATA_DIR, or DATABASE_URL for a server).`,
    );
  let owner;
  try {
    owner = await startEmbeddedDatabase({ dataDir: options.dataDir });
  } catch (error) {
    if (!(error instanceof EmbeddedDatabaseBusyError)) throw error;
    // The portal may have started just now: then read through it.
    const started = readEmbeddedServer(options.dataDir);
    if (started) return { ...(await backup(started.url)), whileRunning: true };
    throw new BackupError(
      `Another command is using the embedded database in ${options.dataDir}; run the backup again when it has finished.`,
    );
  }
  try {
    return { ...(await backup(owner.url)), whileRunning: false };
  } finally {
    await owner.stop();
  }
}
