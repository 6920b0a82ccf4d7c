// Brings a database up to date: pending migrations, then the seed when it holds no provider.
// Several app instances may start at once against one PostgreSQL server: an advisory lock
// makes them take turns. The embedded server multiplexes every connection onto one backend
// session, where advisory locks exclude nothing; there only the owner process bootstraps, and
// an in-process queue makes its callers take turns.
import "server-only";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createPrismaClient } from "@/lib/database/client";
import { applyMigrations } from "@/lib/database/migrations";
import { seedDatabase } from "./seed";
import { seedDemoAccounts } from "./seed-demo-accounts";

const BOOTSTRAP_LOCK = 0x64656d61; // "dema"

type Options = {
  databaseUrl: string;
  seed?: boolean;
  /** Demo accounts with a documented password: only for the embedded demo database. */
  demoAccounts?: boolean;
  log?: (line: string) => void;
};
type Result = { applied: string[]; seeded: string[] };

const queues = ((
  globalThis as unknown as { demarcBootstrapQueues?: Map<string, Promise<unknown>> }
).demarcBootstrapQueues ??= new Map());

export function prepareDatabase(options: Options): Promise<Result> {
  const previous = queues.get(options.databaseUrl) ?? Promise.resolve();
  const next = previous.catch(() => {}).then(() => prepareExclusively(options));
  queues.set(options.databaseUrl, next);
  return next;
}

async function prepareExclusively(options: Options): Promise<Result> {
  const log = options.log ?? (() => {});
  const lockClient = new pg.Client({ connectionString: options.databaseUrl });
  // Failures surface through the awaited queries; an idle client's late error must not crash the process.
  lockClient.on("error", () => {});
  await lockClient.connect();
  try {
    await lockClient.query("SELECT pg_advisory_lock($1)", [BOOTSTRAP_LOCK]);
    const applied = await applyMigrations({ databaseUrl: options.databaseUrl });
    log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
    for (const line of await unsafeLinkReport(lockClient)) log(line);
    await ensureAuthSecret(lockClient);
    if (options.seed === false) return { applied, seeded: [] };
    // Asked over the plain connection: a Prisma client takes a moment to start, needed only to seed.
    const { rows } = await lockClient.query<{ empty: boolean }>(
      `SELECT NOT EXISTS (SELECT 1 FROM "Provider") AS empty`,
    );
    if (!rows[0]!.empty) {
      log("Database already holds content; not seeding.");
      return { applied, seeded: [] };
    }
    const db = createPrismaClient(options.databaseUrl, { max: 2 });
    try {
      const seeded = await seedDatabase({ db });
      log(`Seeded providers: ${seeded.join(", ")}`);
      if (options.demoAccounts) log(`Demo accounts: ${(await seedDemoAccounts({ db })).join(", ")}`);
      return { applied, seeded };
    } finally {
      await db.$disconnect();
    }
  } finally {
    await lockClient.query("SELECT pg_advisory_unlock($1)", [BOOTSTRAP_LOCK]).catch(() => {});
    await lockClient.end();
  }
}

/**
 * The session-signing secret used when NEXTAUTH_SECRET is unset (lib/auth/secret.ts), created here at
 * start-up so that no request ever has to write it: a fresh portal's first page is a plain read.
 */
async function ensureAuthSecret(client: pg.Client): Promise<void> {
  await client.query(
    `INSERT INTO "AppSetting" ("key", "value") VALUES ('auth.secret', $1) ON CONFLICT ("key") DO NOTHING`,
    [randomBytes(48).toString("base64url")],
  );
}

/** Stored links that are not web addresses (see the unsafe_links migration), as lines to print. */
export async function unsafeLinkReport(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ place: string; provider: string; value: string }>(
    `SELECT "place", "provider", "value" FROM "UnsafeStoredLink" ORDER BY "provider", "place"`,
  );
  if (rows.length === 0) return [];
  return [
    `${rows.length} stored link(s) are not web addresses; readers and the API no longer get them. Correct them in the editor:`,
    ...rows.map((r) => `  ${r.provider}: ${r.place}: ${JSON.stringify(r.value)}`),
  ];
}
