// Direct access to the e2e server's embedded database (through its owner's socket), for tests
// that prepare accounts and private data the way an administrator would.
import path from "node:path";
import { createPrismaClient, type Database } from "@/lib/database/client";
import { readEmbeddedServer } from "@/lib/database/embedded-server-file";

export const e2eDataDir = path.resolve("tests/e2e/.artifacts/data");

export function e2eDatabase(): Database {
  const server = readEmbeddedServer(e2eDataDir);
  if (!server) throw new Error(`The e2e portal's embedded database in ${e2eDataDir} is not running.`);
  return createPrismaClient(server.url, { max: 2 });
}
