// npm run db:backup -- --out FILE [--format auto|logical|pg-dump] [--force]
// Backs up the database — DATABASE_URL's, or the embedded one, also while the portal runs — to FILE.
// What a backup holds: lib/database/backup/backup-file.ts; how to use them: README, "Backups".
import { backupDatabase, type BackupFormat, type BackupResult } from "../database/backup/backup-database";
import { backupEmbeddedDatabase } from "../database/backup/backup-embedded";
import { BackupError } from "../database/backup/backup-error";
import { env } from "../env";
import { readCommandLine, runCommand } from "./command-line";

const usage = `Usage: npm run db:backup -- --out FILE [--format auto|logical|pg-dump] [--force]

Writes a backup of the database to FILE: DATABASE_URL's PostgreSQL server, else the embedded
database in DEMARC_DATA_DIR (${env.dataDir}), also while the portal runs. All tables come from
one snapshot. Restore it with npm run db:restore -- --in FILE.

  --out FILE     the file to write (readable by its owner only)
  --format F     auto (default): pg-dump for a server (pg_dump's custom format; needs pg_dump of the
                 server's major version or newer), logical for the embedded database; logical on a
                 server makes a backup the embedded database can restore
  --force        replace FILE if it exists
  --help         show this text`;

const formats: BackupFormat[] = ["auto", "logical", "pg-dump"];

const { values, usageError } = readCommandLine(usage, {
  out: { type: "string" },
  format: { type: "string", default: "auto" },
  force: { type: "boolean", default: false },
});
const out = values.out ?? usageError("Name the file to write with --out FILE.");
if (!formats.includes(values.format as BackupFormat)) usageError(`--format is one of ${formats.join(", ")}.`);

const options = { out, force: values.force, format: values.format as BackupFormat };
await runCommand(BackupError, async () => {
  const result: BackupResult & { whileRunning?: boolean } = env.DATABASE_URL
    ? await backupDatabase({ ...options, databaseUrl: env.DATABASE_URL })
    : await backupEmbeddedDatabase({ ...options, dataDir: env.dataDir });
  const { header } = result;
  const source = env.DATABASE_URL
    ? "the PostgreSQL database"
    : `the embedded database in ${env.dataDir}${result.whileRunning ? " (through the running portal)" : ""}`;
  console.log(
    `Backed up ${source} to ${out}: ${header.kind} format, ${header.tables.length} tables, ` +
      `${result.rows.toLocaleString("en-GB")} rows, ${header.migrations.length} migrations (newest ${header.migrations.at(-1)}), ` +
      `${Math.ceil(header.payloadBytes / 1024).toLocaleString("en-GB")} KiB.\nSHA-256 ${header.sha256}`,
  );
});
