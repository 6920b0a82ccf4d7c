// npm run db:backup / db:restore against whole databases of the project's kind (PGlite over the wire, or
// new databases on the PostgreSQL server): a seeded database with published versions, a draft and audit
// entries is backed up and restored into a fresh one, and the two must agree — every version's content
// hash, the whole audit log, every row of every table. Damaged, truncated and foreign files are refused
// with the target untouched; so are backups of a newer Demarc, and a target newer than the backup. On
// the server: pg_dump's format, and a logical backup moved into an embedded folder. With PGlite: embedded
// folders backed up with and without a running portal, and restores refused while a portal owns one.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { recordAudit } from "@/lib/audit-trail/record-audit";
import type { Actor } from "@/lib/auth/permissions";
import { createSession } from "@/lib/auth/sessions";
import { backupDatabase } from "@/lib/database/backup/backup-database";
import { backupEmbeddedDatabase } from "@/lib/database/backup/backup-embedded";
import { parseBackupFile, writeBackupFile } from "@/lib/database/backup/backup-file";
import { readDatabaseFacts } from "@/lib/database/backup/database-facts";
import { readTableRows } from "@/lib/database/backup/dump-logical";
import { insertTableRows } from "@/lib/database/backup/load-logical";
import { restoreDatabase } from "@/lib/database/backup/restore-database";
import { restoreEmbeddedDatabase } from "@/lib/database/backup/restore-embedded";
import { inTransaction } from "@/lib/database/backup/sql-session";
import { prepareDatabase } from "@/lib/setup/bootstrap";
import { createPrismaClient } from "@/lib/database/client";
import { startEmbeddedDatabase } from "@/lib/database/embedded";
import { applyMigrations, readMigrations } from "@/lib/database/migrations";
import { changeDraft } from "@/lib/drafts/change-draft";
import { getDraft } from "@/lib/drafts/get-draft";
import { publishDraft } from "@/lib/drafts/publish-draft";
import { createOrganization } from "@/lib/organizations/create-organization";
import type { DocumentChange } from "@/lib/domain/document-changes";
import { contentHash } from "@/lib/versions/content-hash";
import { freshDatabase } from "../support/fresh-database";
import { holdEmbeddedDatabase } from "../support/embedded-holder";

const isPglite = new URL(inject("databaseUrl")).pathname === "/postgres";
const system: Actor = { kind: "system", command: "backup-test" };
const awkward = '«quotes» "escaped" \\ back\\slash, tab\tnew\nline, ünïcödé ✓ 🚀, {braces}, NULL';

/** Content beyond the seed: two published revisions, an open draft, an organization, a session, odd audit values. */
async function addContent(databaseUrl: string): Promise<void> {
  const db = createPrismaClient(databaseUrl, { max: 2 });
  try {
    const [first, second] = await db.provider.findMany({ orderBy: { slug: "asc" }, select: { slug: true } });
    for (const summary of [`Revised: ${awkward}`, "Revised again."]) {
      const draft = await getDraft({ db, actor: system, provider: first!.slug });
      const change: DocumentChange = { op: "set", path: ["summary"], expected: draft.document.summary, value: summary };
      const { version } = await changeDraft({ db, actor: system, provider: first!.slug, change });
      await publishDraft({ db, actor: system, provider: first!.slug, note: `Note: ${awkward}`, draftVersion: version });
    }
    const draft = await getDraft({ db, actor: system, provider: second!.slug });
    const rename: DocumentChange = { op: "set", path: ["name"], expected: draft.document.name, value: "Renamed" };
    await changeDraft({ db, actor: system, provider: second!.slug, change: rename });
    await createOrganization({ db, actor: system, slug: "backup-org", name: `Org ${awkward}` });
    const user = await db.user.findFirstOrThrow({ orderBy: { email: "asc" } });
    await createSession({ db, userId: user.id, userAgent: awkward });
    await recordAudit({
      tx: db,
      actor: system,
      action: "test.backup",
      target: { type: "test", id: awkward },
      before: { text: awkward, numbers: [0.1, 1e-7, -0, 12345678901234], nested: { empty: {}, list: [], none: null } },
      after: { 'key with "quote"': true, "": "empty key", deep: [[["x"]]] },
    });
  } finally {
    await db.$disconnect();
  }
}

interface Snapshot {
  /** Every table's rows as text (generated columns included), sorted. */
  tables: Record<string, string[]>;
  versions: { provider: string; number: number; contentHash: string; documentHash: string }[];
  audit: Record<string, unknown>[];
  /** Where each sequence stands (null: not used yet), so new rows continue after the restored ones. */
  sequences: Record<string, string | null>;
}

async function snapshotOf(databaseUrl: string): Promise<Snapshot> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows: names } = await client.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`,
    );
    const tables: Record<string, string[]> = {};
    for (const { name } of names)
      tables[name] = (await client.query<{ row: string }>(`SELECT t::text AS row FROM "${name}" t`)).rows
        .map((r) => r.row)
        .sort();
    const versions = await client.query<{ provider: string; number: number; contentHash: string; document: unknown }>(
      `SELECT p.slug AS provider, v.number, v."contentHash", v.document
         FROM "ProviderVersion" v JOIN "Provider" p ON p.id = v."providerId" ORDER BY p.slug, v.number`,
    );
    const audit = await client.query(`SELECT * FROM "AuditEntry" ORDER BY id`);
    const { rows: sequences } = await client.query<{ name: string; value: string | null }>(
      `SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public'`,
    );
    await client.query("COMMIT");
    return {
      sequences: Object.fromEntries(sequences.map((r) => [r.name, r.value])),
      tables,
      versions: versions.rows.map(({ document, ...v }) => ({ ...v, documentHash: contentHash(document) })),
      audit: audit.rows,
    };
  } finally {
    await client.end();
  }
}

/** Equal in every table; on a server restore the content epoch is raised above the source's instead. */
function expectSameContent(actual: Snapshot, expected: Snapshot, epoch: "same" | "raised") {
  expect(actual.versions).toEqual(expected.versions);
  for (const version of actual.versions) expect(version.documentHash).toBe(version.contentHash);
  expect(actual.audit).toEqual(expected.audit);
  expect(actual.sequences).toEqual(expected.sequences);
  const { ContentEpoch: actualEpoch, ...actualTables } = actual.tables;
  const { ContentEpoch: expectedEpoch, ...expectedTables } = expected.tables;
  expect(Object.keys(actualTables).sort()).toEqual(Object.keys(expectedTables).sort());
  for (const [name, rows] of Object.entries(expectedTables)) expect(actualTables[name], name).toEqual(rows);
  if (epoch === "same") expect(actualEpoch).toEqual(expectedEpoch);
  else expect(epochValue(actualEpoch)).toBeGreaterThan(epochValue(expectedEpoch));
}

/** Runs `npm run db:<name>`'s entry with DATABASE_URL set, as an operator would. */
async function command(name: "backup" | "restore", args: string[], databaseUrl: string) {
  const argv = ["--conditions=react-server", "--import", "tsx", `lib/cli/${name}.ts`, ...args];
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  return promisify(execFile)(process.execPath, argv, { env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

const epochValue = (rows: string[] | undefined) => Number(/^\(1,(\d+)\)$/.exec(rows?.[0] ?? "")?.[1] ?? NaN);

let workDir: string;
let source: Awaited<ReturnType<typeof freshDatabase>>;
let target: Awaited<ReturnType<typeof freshDatabase>>;
let sourceSnapshot: Snapshot;
let backupFile: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), "demarc-backup-test-"));
  [source, target] = await Promise.all([freshDatabase("bk_src"), freshDatabase("bk_dst")]);
  await prepareDatabase({ databaseUrl: source.url, demoAccounts: true });
  await addContent(source.url);
  sourceSnapshot = await snapshotOf(source.url);
  backupFile = path.join(workDir, "source.backup");
  await backupDatabase({ databaseUrl: source.url, out: backupFile });
  await restoreDatabase({ databaseUrl: target.url, file: backupFile });
}, 300_000);

afterAll(async () => {
  await Promise.all([source?.drop(), target?.drop()]);
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  test("the source has the content the comparison relies on", () => {
    expect(sourceSnapshot.versions.length).toBeGreaterThanOrEqual(7); // five seeded, two revisions
    expect(sourceSnapshot.audit.length).toBeGreaterThanOrEqual(6);
    expect(sourceSnapshot.tables.ProviderDraft).toHaveLength(1);
    expect(sourceSnapshot.tables.Session).toHaveLength(1);
  });

  test("a backup's header names its format, migrations and row counts, and it restores as it was", async () => {
    const { header } = parseBackupFile(await readFile(backupFile), "the backup");
    expect(header.kind).toBe(isPglite ? "logical" : "pg-dump");
    expect(header.migrations).toEqual((await readMigrations()).migrationDirectories.map((m) => m.path));
    const counts = Object.fromEntries(Object.entries(sourceSnapshot.tables).map(([name, rows]) => [name, rows.length]));
    expect(Object.fromEntries(header.tables.map((t) => [t.name, t.rows]))).toEqual(counts);
    expect(header.tables.find((t) => t.name === "_prisma_migrations")?.rows).toBe(header.migrations.length);
    expectSameContent(await snapshotOf(target.url), sourceSnapshot, "raised");
  });

  test("a database that holds content is replaced only with --force, and says what it holds", async () => {
    await expect(restoreDatabase({ databaseUrl: target.url, file: backupFile })).rejects.toThrow(
      /holds 5 providers, 7 published versions, 1 draft, \d+ audit entries, 4 accounts, \d+ organizations and \d+ other rows\. .*--force/,
    );
    const lines: string[] = [];
    await restoreDatabase({ databaseUrl: target.url, file: backupFile, force: true, log: (l) => lines.push(l) });
    expect(lines.join("\n")).toMatch(/SHA-256 checksum correct[\s\S]*Replacing what the database held: 5 providers/);
    expectSameContent(await snapshotOf(target.url), sourceSnapshot, "raised");
  }, 120_000);

  test("damaged, truncated and foreign files are refused before the database changes", async () => {
    const before = await snapshotOf(target.url);
    const bytes = await readFile(backupFile);
    const payloadStart = bytes.indexOf(0x0a) + 1;
    const variant = async (name: string, content: Buffer | string) => {
      const file = path.join(workDir, name);
      await writeFile(file, content);
      return restoreDatabase({ databaseUrl: target.url, file, force: true });
    };
    const flip = (at: number) => {
      const copy = Buffer.from(bytes);
      copy[at] = copy[at]! ^ 0x04;
      return copy;
    };
    for (const at of [payloadStart + 10, Math.floor((payloadStart + bytes.length) / 2), bytes.length - 1])
      await expect(variant(`flip-${at}.backup`, flip(at))).rejects.toThrow(/is damaged: its SHA-256 checksum/);
    // In the header: a row count changed from one digit to another still fails the checksum.
    const count = bytes.subarray(0, payloadStart).indexOf(Buffer.from('"rows":')) + 7;
    await expect(variant("header.backup", flip(count))).rejects.toThrow(/is damaged/);
    await expect(variant("cut.backup", bytes.subarray(0, Math.floor(bytes.length * 0.6)))).rejects.toThrow(
      /is truncated: \d+ of its \d+ payload bytes/,
    );
    // Every other shape of file (empty, foreign, cut in its header, extended): tests/unit/backup-file.test.ts.
    await expect(variant("notes.txt", "just some notes\n")).rejects.toThrow(/is not a Demarc backup/);
    await expect(restoreDatabase({ databaseUrl: target.url, file: path.join(workDir, "missing") })).rejects.toThrow(
      /does not exist/,
    );
    expectSameContent(await snapshotOf(target.url), before, "same");
  }, 120_000);

  test("the commands: --out and --in are required, an existing file is kept unless --force", async () => {
    const file = path.join(workDir, "exists.backup");
    await writeFile(file, "keep me");
    expect(await command("backup", [], source.url)).toMatchObject({ code: 2, stderr: /--out FILE/ });
    expect(await command("backup", ["--out", file], source.url)).toMatchObject({ code: 1, stderr: /already exists/ });
    expect(await readFile(file, "utf8")).toBe("keep me");
    const done = await command("backup", ["--out", file, "--force", "--format", "logical"], source.url);
    expect(done).toMatchObject({ code: 0, stdout: /Backed up the PostgreSQL database .* logical format, 26 tables/ });
    expect(parseBackupFile(await readFile(file), file).header.kind).toBe("logical");
    expect(await command("restore", [], target.url)).toMatchObject({ code: 2, stderr: /--in FILE/ });
    expect(await command("restore", ["--in", file], target.url)).toMatchObject({ code: 1, stderr: /--force/ });
    await expect(
      backupDatabase({ databaseUrl: source.url, out: path.join(workDir, "no", "such.backup") }),
    ).rejects.toThrow(/its folder does not exist/);
  }, 120_000);

  test("a restore that fails while loading leaves the database as it was", async () => {
    const before = await snapshotOf(target.url);
    const logical = path.join(workDir, "to-break.backup");
    await backupDatabase({ databaseUrl: source.url, out: logical, format: "logical" });
    const { header, payload } = parseBackupFile(await readFile(logical), logical);
    // The last table's last row gets a value its integer column cannot take: it fails after every other table is loaded.
    const lines = gunzipSync(payload).toString("utf8").trimEnd().split("\n");
    const last = header.tables.at(-1)!;
    const row = JSON.parse(lines.at(-1)!) as (string | null)[];
    row[last.columns.findIndex((c) => c.type === "integer")] = "not a number";
    lines[lines.length - 1] = JSON.stringify(row);
    const broken = path.join(workDir, "broken.backup");
    await writeBackupFile({ path: broken, header, payload: gzipSync(`${lines.join("\n")}\n`) });
    await expect(restoreDatabase({ databaseUrl: target.url, file: broken, force: true })).rejects.toThrow(
      /invalid input syntax for type integer/,
    );
    const miscounted = path.join(workDir, "miscounted.backup");
    const tables = header.tables.map((t) => (t.name === "User" ? { ...t, rows: t.rows + 1 } : t));
    await writeBackupFile({ path: miscounted, header: { ...header, tables }, payload });
    await expect(restoreDatabase({ databaseUrl: target.url, file: miscounted, force: true })).rejects.toThrow(
      /content is damaged \("User" holds 4 rows, its header says 5\); nothing was restored/,
    );
    if (!isPglite) {
      // pg_restore stops at the cut and its single transaction rolls back.
      const archive = parseBackupFile(await readFile(backupFile), backupFile);
      const cut = path.join(workDir, "cut-archive.backup");
      await writeBackupFile({ path: cut, header: archive.header, payload: archive.payload.subarray(0, 60_000) });
      await expect(restoreDatabase({ databaseUrl: target.url, file: cut, force: true })).rejects.toThrow(
        /pg_restore failed/,
      );
    }
    expectSameContent(await snapshotOf(target.url), before, "same");
  }, 120_000);

  test("a backup of a newer Demarc (a migration this code lacks) is refused", async () => {
    const { header, payload } = parseBackupFile(await readFile(backupFile), "the backup");
    const file = path.join(workDir, "future.backup");
    await writeBackupFile({
      path: file,
      payload,
      header: { ...header, migrations: [...header.migrations, "29990101000000_future"] },
    });
    await expect(restoreDatabase({ databaseUrl: target.url, file, force: true })).rejects.toThrow(
      /made by a newer version of Demarc: this one does not know its migration\(s\) 29990101000000_future/,
    );
  });

  test("a backup with fewer migrations restores into an empty database, and is refused by a newer one", async () => {
    const migrations = (await readMigrations()).migrationDirectories.map((m) => m.path);
    const until = migrations.at(-2)!;
    const [older, empty] = await Promise.all([freshDatabase("bk_old"), freshDatabase("bk_empty")]);
    try {
      await applyMigrations({ databaseUrl: older.url, until });
      const file = path.join(workDir, "older.backup");
      await backupDatabase({ databaseUrl: older.url, out: file, format: "logical" });
      await expect(restoreDatabase({ databaseUrl: target.url, file, force: true })).rejects.toThrow(
        `has 1 migration newer than the backup (${migrations.at(-1)})`,
      );
      const result = await restoreDatabase({ databaseUrl: empty.url, file });
      expect(result.migrated).toEqual(migrations.slice(0, -1));
      expect(result.replaced).toBeNull();
      // Restored into a server, so the content epoch is raised (portals may be running against it).
      expectSameContent(await snapshotOf(empty.url), await snapshotOf(older.url), "raised");
    } finally {
      await Promise.all([older.drop(), empty.drop()]);
    }
  }, 180_000);

  test("the logical format's text forms read back every column type exactly", async () => {
    const scratch = await freshDatabase("bk_types");
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    try {
      await client.query(`CREATE TYPE "Mood" AS ENUM ('calm', 'odd ''quoted''', 'ünï')`);
      await client.query(`CREATE TABLE "Types" (
        id integer PRIMARY KEY, big bigint, num numeric(20,6), real4 real, dbl double precision, flag boolean,
        label text, short varchar(12), stamp timestamp(3), stamptz timestamptz, day date, clock time, span interval,
        doc jsonb, raw json, bytes bytea, tags text[], nums integer[], grid integer[][], mood "Mood", moods "Mood"[],
        uid uuid, ip inet, words tsvector)`);
      await client.query(`CREATE TABLE "Copy" (LIKE "Types" INCLUDING ALL)`);
      await client.query(`INSERT INTO "Types" (id) VALUES (1)`);
      await client.query(
        `INSERT INTO "Types" VALUES (2, -9223372036854775808, 12345678901234.123456, 3.4028235e38, 0.1 + 0.2, true,
          $1, 'a,b "c"', '2024-02-29 23:59:59.999', '2024-06-30 22:00:00.123456+02', '0044-03-15 BC', '24:00:00',
          '1 year 2 mons -3 days 04:05:06.789', '{"a": [1, 2.50, {"b": null}], "ü": "é", "n": 12345678901234567890}',
          '{"b":1,  "a":2, "a":3}', '\\x00ff10', ARRAY['a', 'b c', '"q"', 'NULL', NULL, '', 'x,y', '{}', $1],
          ARRAY[1, NULL, 3], '{{1,2},{3,4}}', 'odd ''quoted''', '{calm,ünï}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
          '::1/128', to_tsvector('simple', $1))`,
        [awkward],
      );
      await client.query(
        `INSERT INTO "Types" (id, dbl, label, doc, raw, tags, real4) VALUES
          (3, 'NaN', 'null', 'null', '""', '{}', '-Infinity'), (4, -0.0, '', '"just a string"', '[]', '{NULL}', 1e-45)`,
      );
      const facts = await inTransaction(client, "BEGIN", () => readDatabaseFacts({ client }));
      const types = facts.tables.find((t) => t.name === "Types")!;
      // Backed up and restored under session settings that disagree (day-month against month-day): only the
      // backup's own settings make the text read back as the same values.
      await client.query("SET DateStyle = 'SQL, DMY'; SET TimeZone = 'Asia/Kathmandu'; SET extra_float_digits = -3");
      const rows: string[] = [];
      await inTransaction(client, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", async () => {
        for await (const batch of readTableRows({ client, table: types }))
          rows.push(...batch.map((r) => JSON.stringify(r)));
      });
      // Loaded through JSON text, as a backup file carries it.
      const reread = rows.map((row) => JSON.stringify(JSON.parse(row)));
      await client.query("SET DateStyle = 'SQL, MDY'; SET TimeZone = 'America/St_Johns'; SET bytea_output = 'escape'");
      await inTransaction(client, "BEGIN", () =>
        insertTableRows({ client, table: { ...types, name: "Copy" }, rows: reread }),
      );
      // Compared in another time zone and date style than the backup's, so only equal values compare equal.
      await client.query("BEGIN");
      await client.query("SET LOCAL TimeZone = 'America/St_Johns'; SET LOCAL DateStyle = 'German'");
      const text = async (table: string) =>
        (await client.query(`SELECT t::text AS row, md5(t.bytes) AS bytes FROM "${table}" t ORDER BY id`)).rows;
      const [original, copied] = [await text("Types"), await text("Copy")];
      await client.query("COMMIT");
      expect(original).toHaveLength(4);
      expect(copied).toEqual(original);
    } finally {
      await client.end();
      await scratch.drop();
    }
  }, 60_000);
});

describe.runIf(!isPglite)("a PostgreSQL server", () => {
  test("a logical backup moves into a new embedded folder, and restores into a server too", async () => {
    const file = path.join(workDir, "server-logical.backup");
    await backupDatabase({ databaseUrl: source.url, out: file, format: "logical" });
    const dataDir = path.join(workDir, "moved-in");
    await restoreEmbeddedDatabase({ dataDir, file });
    const owner = await startEmbeddedDatabase({ dataDir });
    try {
      expectSameContent(await snapshotOf(owner.url), sourceSnapshot, "same");
    } finally {
      await owner.stop();
    }
    await restoreDatabase({ databaseUrl: target.url, file, force: true });
    expectSameContent(await snapshotOf(target.url), sourceSnapshot, "raised");
  }, 180_000);

  test("pg_dump's format is refused for the embedded database, whose server pg_dump cannot read", async () => {
    const embedded = await startEmbeddedDatabase({ dataDir: null });
    try {
      await expect(
        backupDatabase({ databaseUrl: embedded.url, out: path.join(workDir, "x.backup"), format: "pg-dump" }),
      ).rejects.toThrow(/embedded database \(PGlite\): pg_dump cannot read it/);
      await expect(restoreDatabase({ databaseUrl: embedded.url, file: backupFile })).rejects.toThrow(
        /the embedded database cannot load one/,
      );
    } finally {
      await embedded.stop();
    }
    await expect(restoreEmbeddedDatabase({ dataDir: path.join(workDir, "never"), file: backupFile })).rejects.toThrow(
      /pg_dump archive of a PostgreSQL server/,
    );
  }, 60_000);
});

describe.runIf(isPglite)("the embedded database folder", () => {
  test("is backed up through a running portal and on its own, restored into a new folder, refused while running", async () => {
    const sourceDir = path.join(workDir, "portal");
    const portal = await startEmbeddedDatabase({ dataDir: sourceDir });
    let expected: Snapshot;
    const running = path.join(workDir, "running.backup");
    try {
      await prepareDatabase({ databaseUrl: portal.url, demoAccounts: true });
      await addContent(portal.url);
      expected = await snapshotOf(portal.url);
      expect((await backupEmbeddedDatabase({ dataDir: sourceDir, out: running })).whileRunning).toBe(true);
      await expect(restoreEmbeddedDatabase({ dataDir: sourceDir, file: running, force: true })).rejects.toThrow(
        /The portal \(process \d+\) is running .*: stop the portal first/,
      );
      expectSameContent(await snapshotOf(portal.url), expected, "same");
    } finally {
      await portal.stop();
    }
    const stopped = path.join(workDir, "stopped.backup");
    expect((await backupEmbeddedDatabase({ dataDir: sourceDir, out: stopped })).whileRunning).toBe(false);
    const payload = async (file: string) => gunzipSync(parseBackupFile(await readFile(file), file).payload);
    expect((await payload(stopped)).equals(await payload(running))).toBe(true);

    const restoredDir = path.join(workDir, "restored");
    const result = await restoreEmbeddedDatabase({ dataDir: restoredDir, file: stopped });
    expect(result.replaced).toBeNull();
    const restored = await startEmbeddedDatabase({ dataDir: restoredDir });
    try {
      expectSameContent(await snapshotOf(restored.url), expected, "same");
    } finally {
      await restored.stop();
    }
    await expect(backupEmbeddedDatabase({ dataDir: sourceDir, out: stopped, format: "pg-dump" })).rejects.toThrow(
      /cannot be read by pg_dump/,
    );
    await expect(
      backupEmbeddedDatabase({ dataDir: path.join(workDir, "nothing"), out: path.join(workDir, "n.backup") }),
    ).rejects.toThrow(/There is no embedded database in/);
  }, 300_000);

  test("a restore is refused while another process owns the folder, which it leaves alone", async () => {
    const dataDir = path.join(workDir, "held");
    const holder = await holdEmbeddedDatabase(dataDir);
    try {
      await expect(restoreEmbeddedDatabase({ dataDir, file: backupFile, force: true })).rejects.toThrow(
        /stop the portal first/,
      );
    } finally {
      await holder.kill();
    }
    const owner = await startEmbeddedDatabase({ dataDir });
    try {
      const client = new pg.Client({ connectionString: owner.url });
      await client.connect();
      const { rows } = await client.query(`SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace`);
      await client.end();
      expect(rows).toEqual([]); // the holder's empty database, with no table the restore would have made
    } finally {
      await owner.stop();
    }
  }, 60_000);
});
