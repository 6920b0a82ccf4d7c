// npm run db:generate -- --providers 100 --services 20 --areas 40 [--seed N] [--force]
// Migrates and seeds like db:seed, then adds generated providers, organizations and customer
// accounts (lib/setup/generate/generate-content.ts). On the embedded database the customer
// accounts get the demo password; with DATABASE_URL they get none (no documented passwords there).
import { prepareDatabase } from "../setup/bootstrap";
import { generateContent } from "../setup/generate/generate-content";
import { generateUsage, parseGenerateArgs, type GenerateArgs } from "../setup/generate/parse-generate-args";
import { DEMO_PASSWORD } from "../setup/seed-demo-accounts";
import { env } from "../env";
import { AppError } from "../errors";
import { withDatabaseUrl } from "./database-url";

let args: GenerateArgs;
try {
  args = parseGenerateArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.error(`${error.message}\n\n${generateUsage}`);
  process.exit(2);
}
if (args.help) {
  console.log(generateUsage);
  process.exit(0);
}
const sizes = args;

try {
  await withDatabaseUrl(async (databaseUrl) => {
    await prepareDatabase({ databaseUrl, demoAccounts: !env.DATABASE_URL, log: console.log });
    await generateContent({
      databaseUrl,
      ...sizes,
      customerPassword: env.DATABASE_URL ? null : DEMO_PASSWORD,
      log: console.log,
    });
    console.log(
      env.DATABASE_URL
        ? "Generated customer accounts have no password; give one a password in the admin area to sign in as a customer."
        : `Generated customer accounts (…@…generated.demarc.local) sign in with the demo password, ${DEMO_PASSWORD}.`,
    );
  });
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.error(error.message);
  process.exit(1);
}
