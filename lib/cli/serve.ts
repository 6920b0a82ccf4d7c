// The production HTTP server `npm start` runs (lib/cli/start.ts): Next.js behind the page cache
// (lib/page-cache), which answers anonymous published reads from memory while the content epoch in
// the database is unchanged. Runs without the react-server condition, like `next start`, so it
// imports no `server-only` module: only the env, the embedded server file and the page cache.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import next from "next";
import pg from "pg";
import { readEmbeddedServer } from "../database/embedded-server-file";
import { env } from "../env";
import { createDatabaseGate } from "../operations/database-gate";
import { runWithRequestContext } from "../operations/request-context";
import { installJsonConsole } from "../operations/request-log";
import { unavailablePage, unavailableProblem } from "../operations/unavailable-response";
import { createEpochReader, epochQuery, type Epoch } from "../page-cache/content-epoch";
import { createPageCache } from "../page-cache/page-cache";
import { clientAddress } from "../security/client-address";
import { secureResponse } from "../security/secure-response";
import { staticSecurityHeaders } from "../security/static-headers";

if (env.DEMARC_LOG_FORMAT === "json") installJsonConsole();

const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "3000" },
    hostname: { type: "string", default: "127.0.0.1" },
  },
});
const port = Number(args.port);

const app = next({ dev: false, dir: path.resolve(import.meta.dirname, "../.."), hostname: args.hostname, port });
const renderWithNext = app.getRequestHandler();
// Next.js loads while the launcher opens the database (seconds each, so in parallel).
const [databaseUrl] = await Promise.all([databaseAddress(), app.prepare()]);

/**
 * Started by `npm start` (an IPC channel to the launcher): the address it sends once the database is
 * migrated and seeded. Started on its own: DATABASE_URL, or the running embedded database's.
 */
function databaseAddress(): Promise<string> {
  if (process.send) {
    // The launcher gone before the database was ready: there is nothing to serve.
    const launcherGone = () => process.exit(1);
    process.once("disconnect", launcherGone);
    return new Promise((resolve) =>
      process.once("message", (message: { databaseUrl: string }) => {
        process.off("disconnect", launcherGone);
        resolve(message.databaseUrl);
      }),
    );
  }
  const url = env.DATABASE_URL ?? readEmbeddedServer(env.dataDir)?.url;
  if (url) return Promise.resolve(url);
  console.error(`No embedded database is running for ${env.dataDir}: start the portal with \`npm start\`.`);
  process.exit(1);
}

// Short timeouts: while the database is away, requests are answered 503 at once rather than hang.
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, connectionTimeoutMillis: 1000, query_timeout: 2000 });
pool.on("error", () => undefined); // a dropped idle connection is replaced on the next reading
const database = createDatabaseGate(() => pool.query("SELECT 1"));
// Files that never touch the database are served whatever its state; the probes report it themselves.
const bypassesDatabaseGate = (url = "") =>
  /^\/(?:_next\/static\/|favicon\.ico|icon\.svg|api\/(?:health|ready)(?:[/?]|$))/.test(url);
const logStatements = env.DEMARC_LOG_STATEMENTS === "1";
const pageCache = createPageCache({
  readEpoch: createEpochReader(async () => {
    if (logStatements) process.stdout.write(`[statement] ${epochQuery}\n`);
    const { rows } = await pool.query<Epoch>(epochQuery);
    if (!rows[0]) throw new Error("The content epoch is missing: run the migrations.");
    return rows[0];
  }),
  maxBytes: 64 * 1024 * 1024,
  maxAgeMs: 10 * 60_000,
  signedInMaxAgeMs: 60_000,
});

// Browsers keep to HTTPS once told so, which only holds where the portal is served over HTTPS.
const strictTransport = env.publicOrigin?.startsWith("https://") ?? false;

const server = createServer((request, response) => {
  // Every log line of this request names it; so does the response, for a user quoting an error.
  const context = { requestId: randomUUID(), connectionLost: false };
  request.headers["x-request-id"] = context.requestId;
  response.setHeader("X-Request-Id", context.requestId);
  for (const { key, value } of staticSecurityHeaders) response.setHeader(key, value);
  secureResponse(response, {
    // A page that failed because the database connection was lost, or while the database is away,
    // is "temporarily unavailable" (503), not an internal error.
    replaceFailedPage: async () =>
      context.connectionLost || !(await database.confirm()) ? unavailablePage(context.requestId) : null,
  });
  if (strictTransport) response.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  // The only client address the app sees: a header the client wrote is never trusted on its own.
  request.headers["x-forwarded-for"] = clientAddress({
    forwardedFor: request.headers["x-forwarded-for"],
    socketAddress: request.socket.remoteAddress,
    trustedHops: env.DEMARC_TRUSTED_PROXY_HOPS,
  });
  // The app answered "unavailable" itself (a lost connection): ask the database before the next request.
  response.once("finish", () => {
    if (response.statusCode === 503) void database.confirm();
  });
  runWithRequestContext(context, () => {
    serve(request, response, context.requestId).catch((error: unknown) => {
      console.error("Request failed:", error instanceof Error ? error.message : error);
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain" });
      response.end("Internal server error");
    });
  });
});

async function serve(request: IncomingMessage, response: ServerResponse, requestId: string) {
  if (!bypassesDatabaseGate(request.url) && !(await database.reachable())) {
    const unavailable = request.url?.startsWith("/api/") ? unavailableProblem() : unavailablePage(requestId);
    response.writeHead(unavailable.status, unavailable.headers).end(unavailable.body);
    return;
  }
  await pageCache.handle(request, response, () => renderWithNext(request, response));
}
server.listen(port, args.hostname, () => console.log(`Serving on http://${args.hostname}:${port}`));

// Graceful stop: accept nothing new, close idle keep-alive connections (busy ones close as their
// response ends), let requests in flight finish within the deadline, then close the pool and exit,
// so the launcher can release the embedded database. Also when the launcher itself is gone.
let stopping = false;
function stopGracefully() {
  if (stopping) return;
  stopping = true;
  const exit = () => void pool.end().finally(() => process.exit(0));
  server.close(exit);
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
    exit();
  }, env.DEMARC_SHUTDOWN_SECONDS * 1000).unref();
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, stopGracefully);
process.once("disconnect", stopGracefully);
