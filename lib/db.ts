import "server-only";
import { env } from "@/lib/env";
import { createPrismaClient, type Database } from "@/lib/database/client";
import { readEmbeddedServer } from "@/lib/database/embedded-server-file";

const cache = globalThis as unknown as { demarcDb?: Database };

/**
 * The app's one Prisma client, created on first use (never at import, so `next build` needs no
 * database). DATABASE_URL selects a PostgreSQL server; otherwise the embedded database served by
 * the `npm start` owner process is used.
 */
export function getDb(): Database {
  cache.demarcDb ??= createPrismaClient(env.DATABASE_URL ?? embeddedUrl(), {
    logStatements: env.DEMARC_LOG_STATEMENTS === "1",
  });
  return cache.demarcDb;
}

function embeddedUrl(): string {
  const server = readEmbeddedServer(env.dataDir);
  if (!server)
    throw new Error(
      `No embedded database is running for ${env.dataDir}. Start the portal with \`npm start\`, or set DATABASE_URL.`,
    );
  return server.url;
}
