// npm run admin:create -- --email you@example.com --name "Your Name"
// Makes an administrator (the way to the first account when DATABASE_URL is set: no default
// passwords exist there). The password comes from DEMARC_ADMIN_PASSWORD or is asked for.
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { createPrismaClient } from "../database/client";
import { AppError } from "../errors";
import { createUser } from "../users/create-user";
import { withDatabaseUrl } from "./database-url";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
if (!values.email || !values.name) {
  console.error('Usage: npm run admin:create -- --email you@example.com --name "Your Name"');
  process.exit(2);
}

async function askPassword(): Promise<string> {
  if (process.env.DEMARC_ADMIN_PASSWORD) return process.env.DEMARC_ADMIN_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const first = await rl.question("Password (at least 12 characters): ");
    const again = await rl.question("Repeat the password: ");
    if (first !== again) throw new AppError("INVALID_INPUT", "The passwords differ.");
    return first;
  } finally {
    rl.close();
  }
}

try {
  const password = await askPassword();
  await withDatabaseUrl(async (databaseUrl) => {
    const db = createPrismaClient(databaseUrl, { max: 1 });
    try {
      await createUser({
        db,
        actor: { kind: "system", command: "admin:create" },
        user: { email: values.email!, name: values.name!, role: "admin", password },
      });
    } finally {
      await db.$disconnect();
    }
  });
  console.log(`Administrator ${values.email} created.`);
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  const details = error.fieldErrors?.map((f) => `  ${f.path}: ${f.message}`).join("\n");
  console.error(details ? `${error.message}\n${details}` : error.message);
  process.exit(1);
}
