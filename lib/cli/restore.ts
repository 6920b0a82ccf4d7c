// npm run db:restore -- --in FILE [--force]
// Restores a backup of npm run db:backup into DATABASE_URL's database, or into the embedded database's
// folder (with the portal stopped). The file is verified first (format, checksum, known migrations);
// the restore is one transaction, so a failure leaves the database as it was. README, "Backups".
import { BackupError } from "../database/backup/backup-error";
import { restoreDatabase } from "../database/backup/restore-database";
import { restoreEmbeddedDatabase } from "../database/backup/restore-embedded";
import { env } from "../env";
import { readCommandLine, runCommand } from "./command-line";

const usage = `Usage: npm run db:restore -- --in FILE [--force]

Restores a backup made by npm run db:backup into DATABASE_URL's PostgreSQL database, else into the
embedded database in DEMARC_DATA_DIR (${env.dataDir}; stop the portal first). The file is verified
before anything changes: format, SHA-256 checksum, and migrations this version of Demarc knows.

  --in FILE      the backup to restore
  --force        replace a database that holds content (it says what it holds when refusing)
  --help         show this text`;

const { values, usageError } = readCommandLine(usage, {
  in: { type: "string" },
  force: { type: "boolean", default: false },
});
const file = values.in ?? usageError("Name the backup to restore with --in FILE.");

const options = { file, force: values.force, log: console.log };
await runCommand(BackupError, async () => {
  const result = env.DATABASE_URL
    ? await restoreDatabase({ ...options, databaseUrl: env.DATABASE_URL })
    : await restoreEmbeddedDatabase({ ...options, dataDir: env.dataDir });
  const target = env.DATABASE_URL ? "the PostgreSQL database" : `the embedded database in ${env.dataDir}`;
  console.log(
    `Restored ${result.rows.toLocaleString("en-GB")} rows in ${result.tables} tables into ${target}, ` +
      `as they were at ${result.header.createdAt}. Start the portal: it applies any newer migrations of this version.`,
  );
});
