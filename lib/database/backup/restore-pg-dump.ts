// Restores a pg-dump backup's archive into a PostgreSQL server with pg_restore, in one transaction
// (--single-transaction --exit-on-error: a failure leaves the database as it was). --clean --if-exists
// drops the archive's objects before recreating them; objects the archive does not have stay, which is
// why a target with newer migrations than the backup is refused before this runs (apply-backup.ts).
import "server-only";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { BackupError } from "./backup-error";
import type { BackupHeader } from "./backup-file";
import type { ServerInfo } from "./database-facts";
import { majorVersion, pgToolVersion, runPgTool } from "./pg-tools";

/** Refuses when pg_restore is missing, older than the pg_dump that wrote the archive, or the server older than the source. */
export async function checkPgRestore(options: { header: BackupHeader; server: ServerInfo }): Promise<void> {
  const { header, server } = options;
  if (server.embedded)
    throw new BackupError(
      "This backup is a pg_dump archive of a PostgreSQL server; the embedded database cannot load one. " +
        "Make a logical backup of the server (npm run db:backup -- --format logical) and restore that.",
    );
  const tool = await pgToolVersion("pg_restore");
  const dumpMajor = majorVersion(header.pgDumpVersion ?? "");
  if (dumpMajor > tool.major)
    throw new BackupError(
      `The backup was written by pg_dump ${dumpMajor}, and pg_restore here is version ${tool.major} (${tool.text}), ` +
        `which cannot read it. Install pg_restore ${dumpMajor} or newer (Debian: postgresql-client-${dumpMajor}).`,
    );
  const sourceMajor = Math.floor(header.source.serverVersionNum / 10_000);
  if (server.major < sourceMajor)
    throw new BackupError(
      `The backup comes from PostgreSQL ${sourceMajor}; this server runs ${server.major}. Restore it into a server ` +
        `of version ${sourceMajor} or newer, or make a logical backup of the source (--format logical).`,
    );
}

export async function restorePgDump(options: { databaseUrl: string; payload: Buffer }): Promise<void> {
  // pg_restore reads a file; mkdtemp makes its folder readable by this user only (the archive holds password hashes).
  const folder = await mkdtemp(path.join(tmpdir(), "demarc-restore-"));
  try {
    const archive = path.join(folder, "archive.dump");
    await writeFile(archive, options.payload, { mode: 0o600 });
    await runPgTool({
      tool: "pg_restore",
      databaseUrl: options.databaseUrl,
      args: [
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        archive,
      ],
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
