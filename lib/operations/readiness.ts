// Whether this instance can serve: the database answers, and every migration in prisma/migrations
// has been applied to it (an instance started against an older schema would fail on its first
// write). What a load balancer or an orchestrator asks before sending traffic.
import "server-only";
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";

export interface Readiness {
  ready: boolean;
  database: "reachable" | "unreachable";
  migrations: "current" | "pending" | "unknown";
  /** Migrations in the code that the database lacks (names only: nothing internal). */
  pending: string[];
}

/** Anything slower than this counts as unreachable: a readiness probe must answer promptly. */
const timeoutMs = 2_000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function migrationFolders(directory: string): Promise<string[]> {
  const entries = await readdir(/*turbopackIgnore: true*/ directory, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
}

export async function checkReadiness(options: { db?: Database; migrationsDir?: string } = {}): Promise<Readiness> {
  const migrationsDir =
    options.migrationsDir ?? path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma/migrations");
  let applied: Set<string>;
  try {
    const db = options.db ?? getDb();
    const rows = await withTimeout(
      db.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    applied = new Set(rows.map((row) => row.migration_name));
  } catch {
    return { ready: false, database: "unreachable", migrations: "unknown", pending: [] };
  }
  const pending = (await migrationFolders(migrationsDir)).filter((name) => !applied.has(name)).sort();
  return {
    ready: pending.length === 0,
    database: "reachable",
    migrations: pending.length ? "pending" : "current",
    pending,
  };
}
