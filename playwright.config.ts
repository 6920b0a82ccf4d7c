import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

// Playwright cannot download browsers here: use Debian's Chromium (CI installs it with apt).
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  throw new Error(`No Chromium at ${chromium}: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH.`);
}

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = "tests/e2e/.artifacts/data";

export default defineConfig({
  testDir: "tests/e2e",
  // Specs prepare data with the server's own modules; this maps their server-only marker away.
  tsconfig: "./tests/e2e/tsconfig.json",
  outputDir: "tests/e2e/.artifacts/results",
  forbidOnly: Boolean(process.env.CI),
  workers: 2,
  // CI machines are slower and busier than a laptop: one retry, and a flaky test is still listed
  // as "flaky" in the report (with its trace) so it gets fixed rather than hidden.
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  timeout: 60_000,
  // A save under load on a 2-core machine can take longer than Playwright's default of 5 s.
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
      ],
    },
  },
  // The README's start command on a fresh embedded database: migrate, seed, build, serve.
  webServer: {
    command: `rm -rf ${dataDir} && npx tsx --conditions=react-server lib/cli/start.ts --port ${port}`,
    url: `${baseURL}/api/v1/providers`,
    // The browser tests act as a proxy that names each test's own client address (./tests/e2e/fixtures.ts),
    // so the per-address sign-in limit never couples tests.
    // The change spec's webhook receiver listens on this machine's loopback address.
    env: { DEMARC_DATA_DIR: dataDir, DEMARC_TRUSTED_PROXY_HOPS: "1", DEMARC_WEBHOOK_PRIVATE_NETWORKS: "allow" },
    // E2E_REUSE_SERVER=1 runs specs against a server already started with this command (iterating on
    // one spec without a rebuild); otherwise every run starts from a fresh database.
    reuseExistingServer: process.env.E2E_REUSE_SERVER === "1",
    timeout: 600_000,
    stdout: "pipe",
  },
});
