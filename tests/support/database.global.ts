// Each integration project gets a fresh database, migrated and seeded by the same code as `npm start`:
// an in-memory PGlite served over the wire protocol, or a new database on the PostgreSQL server.
import pg from "pg";
import type { TestProject } from "vitest/node";
import { prepareDatabase } from "@/lib/setup/bootstrap";
import { startEmbeddedDatabase } from "@/lib/database/embedded";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

const SERVER = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export default async function setup(project: TestProject) {
  if (project.name === "integration-pglite") {
    const owner = await startEmbeddedDatabase({ dataDir: null });
    await prepareDatabase({ databaseUrl: owner.url });
    project.provide("databaseUrl", owner.url);
    return () => owner.stop();
  }

  const name = `demarc_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: SERVER });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `The PostgreSQL server at ${SERVER} is not reachable (${(error as Error).message}). ` +
        "Start it (see README) or set TEST_POSTGRES_URL.",
    );
  }
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  await prepareDatabase({ databaseUrl: url.toString() });
  project.provide("databaseUrl", url.toString());
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
}
