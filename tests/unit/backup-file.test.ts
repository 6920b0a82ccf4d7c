// Backup files (lib/database/backup/backup-file.ts): what is written reads back; every single changed
// byte and every cut anywhere in a file is refused; foreign files are named for what they are. Also the
// small readings the commands rely on: tools' version lines, and a database's content in words.
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { BackupError } from "@/lib/database/backup/backup-error";
import {
  checkOutputPath,
  parseBackupFile,
  readBackupFile,
  writeBackupFile,
  type BackupHeaderFields,
} from "@/lib/database/backup/backup-file";
import { describeContents, holdsContent } from "@/lib/database/backup/describe-contents";
import { majorVersion } from "@/lib/database/backup/pg-tools";

const fields: BackupHeaderFields = {
  kind: "logical",
  createdAt: "2026-12-03T10:00:00.000Z",
  source: { embedded: true, serverVersion: "PostgreSQL 18.6 (PGlite 0.5.14)", serverVersionNum: 180006 },
  pgDumpVersion: null,
  migrations: ["20261122063209_init", "20261122065945_accounts"],
  tables: [{ name: "Provider", rows: 2, columns: [{ name: "id", type: "text" }] }],
  sequences: [{ name: "AuditEntry_id_seq", lastValue: "41", isCalled: true }],
};
const payload = Buffer.from([0x1f, 0x8b, 0x00, 0x0a, 0xff, ...Buffer.from("payload with a newline\ninside")]);

let folder: string;
let file: string;
let bytes: Buffer;
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), "demarc-backup-file-"));
  file = path.join(folder, "a.backup");
  await writeBackupFile({ path: file, header: fields, payload });
  bytes = await readFile(file);
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe("backup files", () => {
  test("read back as written: the header on the first line, the payload after it, readable by the owner only", async () => {
    const { header, payload: read } = await readBackupFile({ path: file });
    expect(header).toMatchObject({ format: "demarc-backup", version: 1, ...fields, payloadBytes: payload.length });
    expect(header.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(read.equals(payload)).toBe(true);
    expect(JSON.parse(bytes.subarray(0, bytes.indexOf(0x0a)).toString())).toEqual(header);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  test("refuse every single changed byte and every cut, anywhere in the file", () => {
    for (let at = 0; at < bytes.length; at++) {
      const changed = Buffer.from(bytes);
      changed[at] = changed[at]! ^ 0x01;
      expect(() => parseBackupFile(changed, "f"), `byte ${at}`).toThrow(BackupError);
    }
    for (let length = 0; length < bytes.length; length++)
      expect(() => parseBackupFile(bytes.subarray(0, length), "f"), `cut at ${length}`).toThrow(BackupError);
    const payloadStart = bytes.indexOf(0x0a) + 1;
    expect(() => parseBackupFile(bytes.subarray(0, payloadStart + 3), "f")).toThrow(
      `f is truncated: 3 of its ${payload.length} payload bytes are there`,
    );
    expect(() => parseBackupFile(Buffer.concat([bytes, Buffer.from("x")]), "f")).toThrow(/1 bytes more/);
  });

  test("name foreign files for what they are", () => {
    const parse = (text: string | Buffer) => () => parseBackupFile(Buffer.from(text), "f");
    expect(parse("")).toThrow("f is not a Demarc backup (it is empty)");
    expect(parse("PGDMP\x01\x0e\x00")).toThrow(/plain pg_dump archive: restore it with pg_restore itself/);
    expect(parse(Buffer.from([0x1f, 0x8b, 0x08, 0x00]))).toThrow(/gzip data without a backup header/);
    expect(parse("just some notes\n")).toThrow(/does not start with a backup header/);
    expect(parse('{"format":"other"}\n')).toThrow(/its header names the format "other"/);
    expect(parse('{"format":"demarc-backup","version":2}\n')).toThrow(/format version 2, written by a newer Demarc/);
    expect(parse('{"format":"demarc-backup","version":1}\n')).toThrow(/its header does not describe a backup/);
    expect(parse('{"format": broken\n')).toThrow(/f is damaged: its header is not valid JSON/);
  });

  test("an existing output file is refused unless forced, a folder always, a missing folder is named", async () => {
    await expect(checkOutputPath({ path: file })).rejects.toThrow(/already exists\. .*--force/);
    await expect(checkOutputPath({ path: file, force: true })).resolves.toBeUndefined();
    await expect(checkOutputPath({ path: folder, force: true })).rejects.toThrow(/is a folder/);
    await writeFile(path.join(folder, "kept"), "kept");
    await expect(writeBackupFile({ path: path.join(folder, "kept"), header: fields, payload })).rejects.toThrow(
      /already exists/,
    );
    expect(await readFile(path.join(folder, "kept"), "utf8")).toBe("kept");
    await expect(
      writeBackupFile({ path: path.join(folder, "none", "b.backup"), header: fields, payload }),
    ).rejects.toThrow(/its folder does not exist/);
    await expect(readBackupFile({ path: path.join(folder, "missing") })).rejects.toThrow(/missing does not exist/);
    await expect(readBackupFile({ path: folder })).rejects.toThrow(/is a folder, not a backup file/);
  });
});

test("majorVersion reads the client tools' version lines", () => {
  expect(majorVersion("pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)")).toBe(15);
  expect(majorVersion("pg_restore (PostgreSQL) 17.2")).toBe(17);
  expect(majorVersion("pg_dump (PostgreSQL) 9.6.24")).toBe(9);
  expect(majorVersion("pg_dump (PostgreSQL) 18beta1")).toBe(18);
  expect(majorVersion("something else")).toBeNaN();
});

test("describeContents names what a database holds; migration rows and search words are not content", () => {
  const tables = (rows: Record<string, number>) => Object.entries(rows).map(([name, n]) => ({ name, rows: n }));
  const fresh = tables({ _prisma_migrations: 12, ContentEpoch: 1, SearchWord: 0, Provider: 0 });
  expect(holdsContent(fresh)).toBe(false);
  expect(describeContents(fresh)).toBe("no content");
  const used = tables({ Provider: 5, ProviderVersion: 1, AuditEntry: 2, User: 1, Session: 3, SearchWord: 900 });
  expect(holdsContent(used)).toBe(true);
  expect(describeContents(used)).toBe("5 providers, 1 published version, 2 audit entries, 1 account and 3 other rows");
  expect(describeContents(tables({ Session: 1 }))).toBe("1 row");
});
