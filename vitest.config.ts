import path from "node:path";
import { defineConfig } from "vitest/config";
import "./tests/support/node20-polyfills.ts";

const root = import.meta.dirname;
const integration = (name: "integration-pglite" | "integration-postgres") => ({
  test: {
    name,
    include: ["tests/integration/**/*.test.ts"],
    globalSetup: ["tests/support/database.global.ts"],
    setupFiles: ["tests/support/database.setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
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
    setupFiles: [
      "tests/support/node20-polyfills.ts",
      "tests/support/fail-on-console-error.ts",
      "tests/support/prototype-guard.ts",
    ],
    projects: [
      { test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"] } },
      integration("integration-pglite"),
      integration("integration-postgres"),
    ],
  },
});
