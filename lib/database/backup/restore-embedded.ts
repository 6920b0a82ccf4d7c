// Restores a backup into the embedded database's folder (npm run db:restore without DATABASE_URL). Only
// with the portal stopped: the folder has one owner, and a restore must not change the data under a
// running portal. The file is proved whole before the folder is opened (or created, when it is new).
import "server-only";
import { EmbeddedDatabaseBusyError, startEmbeddedDatabase } from "../embedded";
import { readEmbeddedServer } from "../embedded-server-file";
import { applyBackup, type RestoreResult } from "./apply-backup";
import { BackupError } from "./backup-error";
import { readBackupFile, type BackupHeader } from "./backup-file";
import { verifiedLine } from "./restore-database";

export async function restoreEmbeddedDatabase(options: {
  dataDir: string;
  file: string;
  force?: boolean;
  log?: (line: string) => void;
}): Promise<RestoreResult & { header: BackupHeader }> {
  const backup = await readBackupFile({ path: options.file });
  if (backup.header.kind === "pg-dump")
    throw new BackupError(
      `${options.file} is a pg_dump archive of a PostgreSQL server; the embedded database cannot load one. ` +
        "Make a logical backup of the server (npm run db:backup -- --format logical) and restore that.",
    );
  options.log?.(verifiedLine(options.file, backup.header));
  const running = readEmbeddedServer(options.dataDir);
  if (running)
    throw new BackupError(
      `The portal (process ${running.pid}) is running on the embedded database in ${options.dataDir}: ` +
        "stop the portal first, then run the restore again.",
    );
  let owner;
  try {
    owner = await startEmbeddedDatabase({ dataDir: options.dataDir });
  } catch (error) {
    if (!(error instanceof EmbeddedDatabaseBusyError)) throw error;
    throw new BackupError(
      `Another process holds the embedded database in ${options.dataDir} (a portal starting, or another command): ` +
        "stop the portal first, or let the command finish, then run the restore again.",
    );
  }
  try {
    const result = await applyBackup({
      databaseUrl: owner.url,
      backup,
      force: options.force,
      raiseContentEpoch: false,
      log: options.log,
    });
    return { ...result, header: backup.header };
  } finally {
    await owner.stop();
  }
}
