import { expect, test } from "vitest";
import { diffMigrationsToSchema } from "@/lib/database/migrations";

test("prisma/migrations matches schema.prisma (run `npm run db:migration -- <name>` after a schema change)", async () => {
  expect(await diffMigrationsToSchema()).toBeNull();
}, 60_000);
