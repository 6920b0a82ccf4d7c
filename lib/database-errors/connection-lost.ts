// Whether an error means the database connection is gone (the server stopped, restarted, refused us,
// or terminated our backend) rather than that the statement itself failed. Such errors say nothing
// about the request: a read may be tried again on a fresh connection, and anything else is answered
// as "temporarily unavailable" (503), never as an internal error. Plain module, no `server-only`:
// lib/cli/serve.ts uses it too.

// SQLSTATE class 08 (connection exception); 57P01-03: admin_shutdown (pg_terminate_backend),
// crash_shutdown, cannot_connect_now (starting up or shutting down).
const lostStates = /^(08...|57P0[123])$/;
const lostKinds = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
const lostSocketCodes = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH"]);
// Prisma's own codes for the same: can't reach, timed out, server closed the connection.
const lostPrismaCodes = new Set(["P1001", "P1002", "P1017"]);
const lostMessages =
  /Connection terminated|connection error and is not queryable|Connection ended|timeout exceeded when trying to connect|Client was closed/i;

export function isConnectionLost(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length) {
    const current = pending.pop();
    if (typeof current !== "object" || current === null || seen.has(current)) continue;
    seen.add(current);
    const { code, kind, message, cause, meta } = current as Record<string, unknown>;
    if (typeof code === "string" && (lostStates.test(code) || lostSocketCodes.has(code) || lostPrismaCodes.has(code)))
      return true;
    if (typeof kind === "string" && lostKinds.has(kind)) return true;
    if (typeof message === "string" && lostMessages.test(message)) return true;
    pending.push(cause, (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError);
    if (Array.isArray((current as { errors?: unknown }).errors))
      pending.push(...(current as { errors: unknown[] }).errors);
  }
  return false;
}
