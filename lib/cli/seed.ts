// npm run db:seed — migrates, then seeds the five source documents if the database holds no provider.
import { prepareDatabase } from "../setup/bootstrap";
import { env } from "../env";
import { withDatabaseUrl } from "./database-url";

await withDatabaseUrl((databaseUrl) =>
  prepareDatabase({ databaseUrl, demoAccounts: !env.DATABASE_URL, log: console.log }),
);
