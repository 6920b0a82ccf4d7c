import pg from "pg";
import { inject } from "vitest";
import { startEmbeddedDatabase } from "@/lib/database/embedded";

/**
 * A brand-new empty database of the kind the current integration project tests: an in-memory
 * PGlite served over the wire protocol, or a new database on the PostgreSQL server. For tests whose
 * subject is a whole database (start-up, generated content), not rows in the shared one.
 */
export async function freshDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const projectUrl = new URL(inject("databaseUrl"));
  if (projectUrl.pathname === "/postgres") {
    const owner = await startEmbeddedDatabase({ dataDir: null });
    return { url: owner.url, drop: owner.stop };
  }
  const name = `demarc_${label}_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: projectUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(projectUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
