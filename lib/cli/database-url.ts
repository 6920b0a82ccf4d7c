// For CLI commands: the PostgreSQL server named by DATABASE_URL, or the embedded database through
// a temporary owner. While the portal owns the embedded folder they refuse: it migrates and seeds
// at start, and only the owner process may bootstrap the embedded database.
import { env } from "../env";
import { startEmbeddedDatabase } from "../database/embedded";
import { readEmbeddedServer } from "../database/embedded-server-file";

export async function withDatabaseUrl<T>(run: (databaseUrl: string) => Promise<T>): Promise<T> {
  if (env.DATABASE_URL) return run(env.DATABASE_URL);
  if (readEmbeddedServer(env.dataDir)) {
    console.error(
      `The portal is running on ${env.dataDir}; it applies migrations and seeds when it starts. ` +
        "Stop it and run this command again, or restart it.",
    );
    process.exit(1);
  }
  const owner = await startEmbeddedDatabase({ dataDir: env.dataDir });
  try {
    return await run(owner.url);
  } finally {
    await owner.stop();
  }
}
