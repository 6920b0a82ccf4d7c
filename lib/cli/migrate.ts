// npm run db:migrate — applies pending migrations from prisma/migrations (idempotent), then lists
// stored values that today's rules refuse (see lib/setup/bootstrap.ts).
import pg from "pg";
import { unsafeLinkReport } from "../setup/bootstrap";
import { applyMigrations } from "../database/migrations";
import { withDatabaseUrl } from "./database-url";

await withDatabaseUrl(async (databaseUrl) => {
  const applied = await applyMigrations({ databaseUrl });
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const line of await unsafeLinkReport(client)) console.log(line);
  } finally {
    await client.end();
  }
});
