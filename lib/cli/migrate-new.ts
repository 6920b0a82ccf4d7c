// Usage: npm run db:migration -- <name>. Writes prisma/migrations/<timestamp>_<name>/migration.sql.
import { createMigration } from "../database/migrations";

const name = process.argv[2];
if (!name) {
  console.error("Usage: npm run db:migration -- <name>");
  process.exit(2);
}
const folder = await createMigration({ name });
console.log(folder ? `Wrote ${folder}` : "The schema matches the migrations: nothing to write.");
