// Next.js calls this file's hooks (the file convention must sit at the project root, like proxy.ts).
// A request that failed because the database connection was lost is marked, so the server in front
// (lib/cli/serve.ts) answers it with the "temporarily unavailable" page (503) instead of a 500.
import { isConnectionLost } from "@/lib/database-errors/connection-lost";
import { currentRequestContext } from "@/lib/operations/request-context";

export function onRequestError(error: unknown): void {
  const context = currentRequestContext();
  if (context && isConnectionLost(error)) context.connectionLost = true;
}
