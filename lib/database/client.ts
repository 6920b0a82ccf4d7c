import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { withReadRetry } from "./read-retry";
import { SerialClient } from "./serial-client";

/** The same driver adapter serves a PostgreSQL server and the embedded PGlite socket server. */
export function createPrismaClient(
  databaseUrl: string,
  options: { max?: number; logStatements?: boolean; transactionMaxWaitMs?: number } = {},
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
  // A transaction waits this long for a connection (Prisma's default is 2 s): under a burst of saves
  // it queues rather than fails; past it the user is told the portal is busy (lib/errors.ts).
  const transactionOptions = { maxWait: options.transactionMaxWaitMs ?? 10_000 };
  if (!options.logStatements) return new PrismaClient({ adapter, transactionOptions });
  const client = new PrismaClient({ adapter, transactionOptions, log: [{ emit: "event", level: "query" }] });
  // One line per statement, written synchronously, so a reader of the output can count them per request.
  client.$on("query", (event) =>
    process.stdout.write(`[statement] ${event.query.replace(/\s+/g, " ").slice(0, 160)}\n`),
  );
  return client;
}

export type Database = PrismaClient;
