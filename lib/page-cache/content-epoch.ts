// Whether a cached page may still be served is decided by a reading of the database: the content
// epoch (one row, raised by triggers whenever published content changes; see the ContentEpoch model)
// for anonymous pages, and with it the database snapshot for signed-in ones. Every cacheable request
// needs a reading that started after the request arrived — an older reading could predate a publish
// that committed just before it — but concurrent requests may share one: callers that arrive while a
// reading runs wait for the next one, so a busy instance runs at most one reading at a time.
//
// Plain Node module: it runs in the HTTP server in front of Next.js (lib/cli/serve.ts), outside
// Next's bundler, where the `server-only` marker cannot be imported.

export interface Epoch {
  /** Changes when published content changes. */
  content: string;
  /**
   * The database snapshot (`pg_current_snapshot()`: xmin, xmax and the transactions in progress).
   * Two equal snapshots see exactly the same committed data, so while it is unchanged nothing at all
   * was written: what a signed-in reader sees can depend on any table.
   */
  snapshot: string;
}

export type EpochReader = () => Promise<Epoch>;

/** One statement, so both values come from the same snapshot. */
export const epochQuery = `SELECT "value"::text AS "content", pg_current_snapshot()::text AS "snapshot" FROM "ContentEpoch" WHERE "id" = 1`;

/** Shares readings as described above; `query` reads the database once. */
export function createEpochReader<T = Epoch>(query: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let next: Promise<T> | null = null;

  function launch(): Promise<T> {
    const reading = query();
    running = reading;
    const settle = () => {
      if (running === reading) running = null;
    };
    reading.then(settle, settle);
    return reading;
  }

  return function readEpoch() {
    if (next) return next; // queued behind the running reading: it starts after this call
    if (!running) return launch();
    const queued = running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        next = null;
        return launch();
      });
    next = queued;
    return queued;
  };
}
