// A backup file: one line of JSON saying what it holds (the header: `head -n 1 FILE` shows it), then the
// payload, a gzipped logical dump or a pg_dump custom archive. The header's SHA-256 covers every byte of
// the file, computed with the checksum's own 64 characters written as zeros, so a file that was changed,
// cut short or extended anywhere is refused before anything touches a database.
import "server-only";
import { createHash } from "node:crypto";
import { open, readFile, rename, rm, stat } from "node:fs/promises";
import { z } from "zod";
import { BackupError } from "./backup-error";

export const BACKUP_FORMAT = "demarc-backup";
export const BACKUP_FORMAT_VERSION = 1;
const ZERO_SHA = "0".repeat(64);
/** The header is a few kilobytes; a first line longer than this is not one. */
const MAX_HEADER_BYTES = 1024 * 1024;

const columnSchema = z.object({ name: z.string(), type: z.string() });

const headerSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_FORMAT_VERSION),
  /** "logical": rows as text, gzipped JSON lines (lib/database/backup/dump-logical.ts); "pg-dump": pg_dump's custom format. */
  kind: z.enum(["logical", "pg-dump"]),
  createdAt: z.string(),
  source: z.strictObject({
    /** PGlite (the embedded database), else a PostgreSQL server. */
    embedded: z.boolean(),
    serverVersion: z.string(),
    serverVersionNum: z.number().int(),
  }),
  /** `pg_dump --version` of the tool that wrote a pg-dump payload; null for logical backups. */
  pgDumpVersion: z.string().nullable(),
  /** Applied migrations, by folder name: a restore refuses names this code does not know. */
  migrations: z.array(z.string()),
  /** Every table of the public schema with its rows in the backup and its stored (not generated) columns. */
  tables: z.array(z.strictObject({ name: z.string(), rows: z.number().int().min(0), columns: z.array(columnSchema) })),
  /** Sequence positions, so new rows continue after the restored ones. */
  sequences: z.array(z.strictObject({ name: z.string(), lastValue: z.string(), isCalled: z.boolean() })),
  payloadBytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export type BackupHeader = z.infer<typeof headerSchema>;
export type BackupKind = BackupHeader["kind"];
export type BackupTable = BackupHeader["tables"][number];
/** What the writer supplies; the size and the checksum are computed. */
export type BackupHeaderFields = Omit<BackupHeader, "format" | "version" | "payloadBytes" | "sha256">;

export interface BackupFile {
  header: BackupHeader;
  payload: Buffer;
}

/** Refuses an existing file unless `force`: checked before a backup starts, and again when it is written. */
export async function checkOutputPath(options: { path: string; force?: boolean }): Promise<void> {
  const existing = await stat(options.path).catch(() => null);
  if (existing?.isDirectory())
    throw new BackupError(`${options.path} is a folder; name a file to write the backup to.`);
  if (existing && !options.force)
    throw new BackupError(`${options.path} already exists. Choose another name, or add --force to replace it.`);
}

/**
 * Writes header and payload to a temporary file next to `path` (readable by its owner only: a backup
 * holds password hashes and the session secret), then renames it into place, so `path` is never a
 * half-written backup.
 */
export async function writeBackupFile(options: {
  path: string;
  header: BackupHeaderFields;
  payload: Buffer;
  force?: boolean;
}): Promise<BackupHeader> {
  // Named one by one, so the checksum is always the last key whatever object the caller passes.
  const { kind, createdAt, source, pgDumpVersion, migrations, tables, sequences } = options.header;
  const zeroed = JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_FORMAT_VERSION,
    ...{ kind, createdAt, source, pgDumpVersion, migrations, tables, sequences },
    payloadBytes: options.payload.length,
    sha256: ZERO_SHA,
  } satisfies BackupHeader);
  const sha256 = createHash("sha256").update(zeroed).update("\n").update(options.payload).digest("hex");
  const line = zeroed.slice(0, -ZERO_SHA.length - 2) + `${sha256}"}`;
  const partial = `${options.path}.partial-${process.pid}`;
  const handle = await open(partial, "w", 0o600).catch((error: NodeJS.ErrnoException) => {
    throw new BackupError(
      `Cannot write ${options.path}: ${error.code === "ENOENT" ? "its folder does not exist" : error.message}.`,
    );
  });
  try {
    await handle.writeFile(Buffer.concat([Buffer.from(`${line}\n`), options.payload]));
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(partial, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await checkOutputPath(options);
    await rename(partial, options.path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return JSON.parse(line) as BackupHeader;
}

/** Reads a backup file and proves it whole: format, header, length and checksum. */
export async function readBackupFile(options: { path: string }): Promise<BackupFile> {
  const bytes = await readFile(options.path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") throw new BackupError(`${options.path} does not exist.`);
    if (error.code === "EISDIR") throw new BackupError(`${options.path} is a folder, not a backup file.`);
    throw new BackupError(`Cannot read ${options.path}: ${error.message}.`);
  });
  return parseBackupFile(bytes, options.path);
}

/** The checks of readBackupFile() on bytes already read; `name` is what messages call the file. */
export function parseBackupFile(bytes: Buffer, name: string): BackupFile {
  const notABackup = (why: string) =>
    new BackupError(`${name} is not a Demarc backup (${why}). Make one with \`npm run db:backup -- --out FILE\`.`);
  if (bytes.length === 0) throw notABackup("it is empty");
  if (bytes.subarray(0, 5).toString("latin1") === "PGDMP")
    throw notABackup("it is a plain pg_dump archive: restore it with pg_restore itself");
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) throw notABackup("it is gzip data without a backup header");
  const newline = bytes.subarray(0, MAX_HEADER_BYTES).indexOf(0x0a);
  if (bytes[0] !== 0x7b || newline === -1) throw notABackup("it does not start with a backup header");
  const line = bytes.subarray(0, newline).toString("utf8");
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw new BackupError(`${name} is damaged: its header is not valid JSON.`);
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (format !== BACKUP_FORMAT) throw notABackup(`its header names the format ${JSON.stringify(format ?? null)}`);
  const version = (raw as { version?: unknown }).version;
  if (typeof version === "number" && version > BACKUP_FORMAT_VERSION)
    throw new BackupError(
      `${name} is a backup in format version ${version}, written by a newer Demarc; this one reads version ${BACKUP_FORMAT_VERSION}. Restore it with that version.`,
    );
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) throw new BackupError(`${name} is damaged: its header does not describe a backup.`);
  const header = parsed.data;
  const payload = bytes.subarray(newline + 1);
  if (payload.length < header.payloadBytes)
    throw new BackupError(
      `${name} is truncated: ${payload.length} of its ${header.payloadBytes} payload bytes are there. Use a complete copy.`,
    );
  if (payload.length > header.payloadBytes)
    throw new BackupError(
      `${name} is damaged: it has ${payload.length - header.payloadBytes} bytes more than it should.`,
    );
  const tail = `"sha256":"${header.sha256}"}`;
  if (!line.endsWith(tail)) throw new BackupError(`${name} is damaged: its header does not end with its checksum.`);
  const zeroed = `${line.slice(0, -tail.length)}"sha256":"${ZERO_SHA}"}`;
  const actual = createHash("sha256").update(zeroed).update("\n").update(payload).digest("hex");
  if (actual !== header.sha256)
    throw new BackupError(`${name} is damaged: its SHA-256 checksum does not match its content. Use another copy.`);
  return { header, payload };
}
