// A pg client that runs the queries it is given one after another itself. Prisma's query plans run
// sibling reads concurrently, and inside an interactive transaction they all share one connection;
// pg queues them but warns that its queue is deprecated ("client.query() when the client is already
// executing a query", to be removed in pg 9). Waiting here keeps the same order without the queue.
import pg from "pg";

type Query = (...args: unknown[]) => unknown;

export class SerialClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as Query;
    let last: Promise<unknown> = Promise.resolve();
    // Promise-style calls wait their turn; callback and stream calls (pg-pool's own) pass through.
    this.query = ((...args: unknown[]) => {
      const [config] = args;
      const submittable = typeof config === "object" && config !== null && "submit" in config;
      if (submittable || args.some((arg) => typeof arg === "function")) return query(...args);
      const run = () => query(...args);
      const result = last.then(run, run);
      last = result.catch(() => undefined);
      return result;
    }) as typeof this.query;
  }
}
