// Restores a backup file into the database at a URL, a PostgreSQL server (npm run db:restore with
// DATABASE_URL): the file is read and proved whole first (backup-file.ts), then applied (apply-backup.ts).
// Portal instances may still be running against the server, so the content epoch is raised afterwards
// and they drop their cached pages; restarting them is still advised.
import "server-only";
import { applyBackup, type RestoreResult } from "./apply-backup";
import { readBackupFile, type BackupHeader } from "./backup-file";

export async function restoreDatabase(options: {
  databaseUrl: string;
  file: string;
  force?: boolean;
  log?: (line: string) => void;
}): Promise<RestoreResult & { header: BackupHeader }> {
  const backup = await readBackupFile({ path: options.file });
  options.log?.(verifiedLine(options.file, backup.header));
  const result = await applyBackup({ ...options, backup, raiseContentEpoch: true });
  return { ...result, header: backup.header };
}

/** "Verified backup.demarc: logical backup made 2026-…Z, 12 migrations, 26 tables, 1,234 rows, checksum correct." */
export function verifiedLine(file: string, header: BackupHeader): string {
  const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
  return (
    `Verified ${file}: ${header.kind} backup of ${header.source.embedded ? "an embedded database" : "a PostgreSQL server"} ` +
    `made ${header.createdAt}, ${header.migrations.length} migrations, ${header.tables.length} tables, ` +
    `${rows.toLocaleString("en-GB")} rows; SHA-256 checksum correct.`
  );
}
