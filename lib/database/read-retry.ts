// Reads survive a dropped connection: a statement that only reads, run outside a transaction, is
// tried again on a fresh connection when the first attempt lost its connection (a terminated
// backend, a database restart). The pool drops a dead connection as it fails; when the server ended
// every connection at once, the next attempt may still draw another dead idle one, and connections
// that keep being ended (an administrator's or a failover's sweep) can end the next attempt too; so a
// read is tried up to six times, pausing twice as long each time (under a second in all). Writes and
// transactions are never repeated here: they fail, and the caller answers 503 (lib/api/problem.ts),
// so nothing is applied twice.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery } from "@prisma/driver-adapter-utils";
import { isConnectionLost } from "@/lib/database-errors/connection-lost";

const retryDelaysMs = [25, 50, 100, 200, 400];

/** SELECT statements (and WITH … SELECT without data-modifying parts). */
export function onlyReads(sql: string): boolean {
  const statement = sql.trimStart();
  if (/^select\b/i.test(statement)) return !/\bfor\s+(update|share|no key update|key share)\b/i.test(statement);
  return /^with\b/i.test(statement) && !/\b(insert|update|delete|merge)\b/i.test(statement);
}

export function withReadRetry(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return new Proxy(factory, {
    get(target, property, receiver) {
      if (property !== "connect") return Reflect.get(target, property, receiver);
      return async () => retryingReads(await target.connect());
    },
  });
}

function retryingReads(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property !== "queryRaw" || typeof value !== "function") return value;
      return async (query: SqlQuery) => {
        for (const delay of retryDelaysMs) {
          try {
            return await target.queryRaw(query);
          } catch (error) {
            if (!onlyReads(query.sql) || !isConnectionLost(error)) throw error;
            // Give the pool a moment to see its idle connections close, so the next attempt gets a fresh one.
            await new Promise((resolve) => setTimeout(resolve, delay));
          }
        }
        return target.queryRaw(query);
      };
    },
  });
}
