// The request a piece of work belongs to, without passing it around: lib/cli/serve.ts runs each
// request inside a context holding its id, and whatever runs for that request — the app, Next.js,
// the database driver — can read it. The storage lives on globalThis because serve.ts and the code
// Next.js bundled are separate copies of this module in one process. No Node-only APIs beyond
// AsyncLocalStorage, so Next.js may bundle it for any runtime (instrumentation.ts imports it).
import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestContext {
  requestId: string;
  /** Set when the request failed because the database connection was lost (instrumentation.ts). */
  connectionLost?: boolean;
}

const shared = globalThis as unknown as { demarcRequestContext?: AsyncLocalStorage<RequestContext> };
const storage = (shared.demarcRequestContext ??= new AsyncLocalStorage<RequestContext>());

export function runWithRequestContext<T>(context: RequestContext, run: () => T): T {
  return storage.run(context, run);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
