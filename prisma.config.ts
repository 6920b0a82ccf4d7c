import { defineConfig } from "prisma/config";

// The Prisma CLI is used here only for `prisma generate`; migrations run through
// prisma/migrate.ts (Prisma's wasm schema engine), which works offline.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
