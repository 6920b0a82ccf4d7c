import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { withReadRetry } from "./read-retry";
import { SerialClient } from "./serial-client";

/** The same driver adapter serves a PostgreSQL server and the embedded PGlite socket server. */
export function createPrismaClient(
  databaseUrl: string,
  options: { max?: number; logStatements?: boolean } = {},
): PrismaClient {
  const adapter = withReadRetry(
    // A database that does not answer fails a request within seconds instead of holding it.
    new PrismaPg({
      connectionString: databaseUrl,
      max: options.max ?? 10,
      connectionTimeoutMillis: 5000,
      Client: SerialClient,
    }),
  );
  if (!options.logStatements) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  // One line per statement, written synchronously, so a reader of the output can count them per request.
  client.$on("query", (event) =>
    process.stdout.write(`[statement] ${event.query.replace(/\s+/g, " ").slice(0, 160)}\n`),
  );
  return client;
}

export type Database = PrismaClient;
