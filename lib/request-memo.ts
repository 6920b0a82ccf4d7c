// Per-request memoization for route handlers, where React's `cache` does not deduplicate: the
// wrapper runs a request inside its own map, and lookups made twice in it (an ETag check, then the
// body) run once. Outside such a request (pages, where React's `cache` does it), nothing is kept.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

const storage = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

export function withRequestMemo<T>(run: () => Promise<T>): Promise<T> {
  return storage.run(new Map(), run);
}

export function requestMemo<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const store = storage.getStore();
  if (!store) return compute();
  let value = store.get(key) as Promise<T> | undefined;
  if (!value) store.set(key, (value = compute()));
  return value;
}
