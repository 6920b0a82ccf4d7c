// npm run db:migrate — applies pending migrations from prisma/migrations (idempotent).
import { applyMigrations } from "../database/migrations";
import { withDatabaseUrl } from "./database-url";

const applied = await withDatabaseUrl((databaseUrl) => applyMigrations({ databaseUrl }));
console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
