import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
// Each project extends this file's root settings (aliases, setup files).
const integration = (
  name: "integration-pglite" | "integration-postgres" | "fuzz",
  include = "tests/integration/**/*.test.ts",
) => ({
  extends: true as const,
  test: {
    name,
    include: [include],
    globalSetup: ["tests/support/database.global.ts"],
    setupFiles: ["tests/support/database.setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // The tests' webhook receivers listen on loopback, as a receiver on the portal's own host would;
    // tests/unit/send-webhook.test.ts checks the default that refuses them.
    env: { DEMARC_WEBHOOK_PRIVATE_NETWORKS: "allow" },
  },
});

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside React Server Components; tests import server modules directly.
      "server-only": path.join(root, "tests/support/server-only.ts"),
    },
  },
  test: {
    environment: "node",
    setupFiles: ["tests/support/fail-on-console-error.ts", "tests/support/prototype-guard.ts"],
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"] } },
      integration("integration-pglite"),
      integration("integration-postgres"),
      // Generated hostile input against the routes, actions and import formats, on PostgreSQL.
      integration("fuzz", "tests/fuzz/**/*.test.ts"),
    ],
  },
});
