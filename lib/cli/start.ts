// npm start — the portal on the embedded database (or DATABASE_URL): migrate, seed an empty
// database, build when the sources changed, then serve. `--dev` runs `next dev` instead.
// With the build current, the server process starts first and loads Next.js while the database
// opens (both take seconds), and listens once told the database is ready (lib/cli/serve.ts).
import "./supported-node";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { env } from "../env";
import { buildIsStale, buildPortal } from "./build";

const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "3000" },
    hostname: { type: "string", default: "127.0.0.1" },
    dev: { type: "boolean", default: false },
  },
});
const root = path.resolve(import.meta.dirname, "../..");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");

let owner: Awaited<ReturnType<typeof startEmbeddedDatabase>> | undefined;
const running: { server?: ChildProcess } = {};
let stopping: Promise<never> | undefined;
// A stop request ends the server (which finishes what it accepted) and then the database; before
// the server runs, it releases the database at once.
const stop = (signal: NodeJS.Signals) => (running.server ? void running.server.kill(signal) : void shutdown(1));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stop(signal));
// npm passes no signal on when it is stopped itself: a launcher whose parent is gone (re-parented)
// stops as on SIGTERM instead of serving on as an orphan.
const launchedBy = process.ppid;
setInterval(() => {
  if (process.ppid !== launchedBy) stop("SIGTERM");
}, 500).unref();

const childEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  DEMARC_DATA_DIR: env.dataDir,
  // next-auth builds callback URLs from the request's host unless NEXTAUTH_URL pins one.
  AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true",
  DEMARC_ALLOWED_ORIGINS: allowedOrigins(),
};
// A stale build must wait for the database: `next build` reads it.
const buildStale = !args.dev && buildIsStale();
if (!args.dev && !buildStale) startServer();

// Imported here, not above: they load PGlite, which the server process need not wait for.
const { prepareDatabase } = await import("../setup/bootstrap");
const { EmbeddedDatabaseBusyError, startEmbeddedDatabase } = await import("../database/embedded");
try {
  if (!env.DATABASE_URL) {
    owner = await startEmbeddedDatabase({ dataDir: env.dataDir });
    console.log(`Embedded database (PGlite) in ${env.dataDir}`);
  } else {
    console.log("Using the PostgreSQL server in DATABASE_URL");
  }
  await prepareDatabase({
    databaseUrl: env.DATABASE_URL ?? owner!.url,
    demoAccounts: !env.DATABASE_URL,
    log: console.log,
  });
} catch (error) {
  if (error instanceof EmbeddedDatabaseBusyError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

// Delivers change notifications (lib/notifications): each instance's worker claims its own rows.
const { startNotificationWorker } = await import("../notifications/notification-worker");
startNotificationWorker({
  databaseUrl: env.DATABASE_URL ?? owner!.url,
  origin:
    env.publicOrigin ?? `http://${args.hostname.includes(":") ? `[${args.hostname}]` : args.hostname}:${args.port}`,
  log: console.log,
});
if (buildStale) {
  console.log("Building the portal (next build)…");
  if (!buildPortal(childEnv)) await shutdown(1);
}
const server = running.server ?? startServer();
if (!args.dev) server.send({ databaseUrl: env.DATABASE_URL ?? owner!.url });
console.log(`Demarc on http://${args.hostname}:${args.port}`);

function startServer(): ChildProcess {
  const listen = ["--port", args.port, "--hostname", args.hostname];
  // Production: Next.js behind the page cache (lib/cli/serve.ts), without the react-server condition;
  // told the database's address over the IPC channel.
  const child = (running.server = args.dev
    ? spawn(process.execPath, [nextBin, "dev", ...listen], { cwd: root, stdio: "inherit", env: childEnv })
    : spawn(process.execPath, ["--import", "tsx", path.join(root, "lib/cli/serve.ts"), ...listen], {
        cwd: root,
        stdio: ["inherit", "inherit", "inherit", "ipc"],
        env: { ...childEnv, NODE_ENV: "production" },
      }));
  child.on("exit", (code) => void shutdown(code ?? 0));
  return child;
}

function shutdown(code: number): Promise<never> {
  // Open connections (a migration in progress) may keep the socket server from closing: give it 5 s.
  stopping ??= Promise.race([
    owner?.stop().catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, 5_000).unref()),
  ]).then(() => process.exit(code));
  return stopping;
}

/**
 * Pages that may change data (lib/security/request-origin.ts). Configured: NEXTAUTH_URL,
 * DEMARC_PUBLIC_ORIGIN and DEMARC_ALLOWED_ORIGINS. Unconfigured, the portal trusts only the address it serves on.
 */
function allowedOrigins(): string {
  if (env.NEXTAUTH_URL || env.DEMARC_PUBLIC_ORIGIN || env.DEMARC_ALLOWED_ORIGINS) return env.DEMARC_ALLOWED_ORIGINS;
  const loopback = ["127.0.0.1", "localhost", "::1"];
  const hosts = loopback.includes(args.hostname) ? loopback : [args.hostname];
  if (!loopback.includes(args.hostname))
    console.log(
      `Forms work only on http://${args.hostname}:${args.port}: set NEXTAUTH_URL to the address people use (and DEMARC_ALLOWED_ORIGINS for more).`,
    );
  return hosts.map((host) => `http://${host.includes(":") ? `[${host}]` : host}:${args.port}`).join(",");
}

/** A build is stale when any source file is newer than the last build. */
