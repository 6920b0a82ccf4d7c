// Whether an error means the database was too busy for the statement rather than that the request
// was wrong: a transaction that could not start in time (every connection taken), or one the
// database rolled back to resolve a deadlock or a serialization conflict. Nothing was written, and
// trying again shortly works, so the user is told that (503), never "internal error". Plain module,
// no `server-only`, like ./connection-lost.ts.

// P2028: transaction API error (could not start within maxWait, or expired). P2034: write conflict
// or deadlock, retry the transaction.
const busyPrismaCodes = new Set(["P2028", "P2034"]);
// SQLSTATE 40001 serialization_failure, 40P01 deadlock_detected, 55P03 lock_not_available.
const busyStates = new Set(["40001", "40P01", "55P03"]);

export function isDatabaseBusy(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta } = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: unknown } } };
  if (typeof code === "string" && busyPrismaCodes.has(code)) return true;
  const cause = meta?.driverAdapterError?.cause as { originalCode?: unknown } | undefined;
  return typeof cause?.originalCode === "string" && busyStates.has(cause.originalCode);
}
