// npm run db:backup -- --out FILE [--format auto|logical|pg-dump] [--force]
// Backs up the database — DATABASE_URL's, or the embedded one, also while the portal runs — to FILE.
// What a backup holds: lib/database/backup/backup-file.ts; how to use them: README, "Backups".
import { parseArgs } from "node:util";
import { backupDatabase, type BackupFormat, type BackupResult } from "../database/backup/backup-database";
import { backupEmbeddedDatabase } from "../database/backup/backup-embedded";
import { BackupError } from "../database/backup/backup-error";
import { env } from "../env";

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

let values;
try {
  ({ values } = parseArgs({
    strict: true,
    allowPositionals: false,
    options: {
      out: { type: "string" },
      format: { type: "string", default: "auto" },
      force: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  }));
} catch (error) {
  usageError((error as Error).message);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (!values.out) usageError("Name the file to write with --out FILE.");
if (!formats.includes(values.format as BackupFormat)) usageError(`--format is one of ${formats.join(", ")}.`);

const options = { out: values.out, force: values.force, format: values.format as BackupFormat };
try {
  const result: BackupResult & { whileRunning?: boolean } = env.DATABASE_URL
    ? await backupDatabase({ ...options, databaseUrl: env.DATABASE_URL })
    : await backupEmbeddedDatabase({ ...options, dataDir: env.dataDir });
  const { header } = result;
  const source = env.DATABASE_URL
    ? "the PostgreSQL database"
    : `the embedded database in ${env.dataDir}${result.whileRunning ? " (through the running portal)" : ""}`;
  console.log(
    `Backed up ${source} to ${values.out}: ${header.kind} format, ${header.tables.length} tables, ` +
      `${result.rows.toLocaleString("en-GB")} rows, ${header.migrations.length} migrations (newest ${header.migrations.at(-1)}), ` +
      `${Math.ceil(header.payloadBytes / 1024).toLocaleString("en-GB")} KiB.\nSHA-256 ${header.sha256}`,
  );
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(error.message);
  process.exit(1);
}

function usageError(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}
