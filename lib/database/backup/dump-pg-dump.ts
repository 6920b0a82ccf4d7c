// The pg-dump payload: pg_dump's custom-format archive of a PostgreSQL server, taken in the caller's
// REPEATABLE READ transaction's snapshot (exported to pg_dump), so the archive holds exactly the rows
// and migrations the backup's header counts.
import "server-only";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type pg from "pg";
import { runPgTool } from "./pg-tools";

export async function dumpWithPgDump(options: { client: pg.Client; databaseUrl: string }): Promise<Buffer> {
  const { rows } = await options.client.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
  // mkdtemp makes the folder readable by this user only: the archive holds password hashes.
  const folder = await mkdtemp(path.join(tmpdir(), "demarc-backup-"));
  try {
    const archive = path.join(folder, "archive.dump");
    await runPgTool({
      tool: "pg_dump",
      databaseUrl: options.databaseUrl,
      args: ["--format=custom", `--snapshot=${rows[0]!.id}`, `--file=${archive}`],
    });
    return await readFile(archive);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
