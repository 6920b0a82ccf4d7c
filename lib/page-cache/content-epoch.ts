// The content epoch (one row, raised by triggers whenever published content changes; see the
// ContentEpoch model) decides whether a cached page may still be served. Every cacheable request
// needs a reading that started after the request arrived — an older reading could predate a publish
// that committed just before it — but concurrent requests may share one: callers that arrive while a
// reading runs wait for the next one, so a busy instance runs at most one reading at a time.
//
// Plain Node module: it runs in the HTTP server in front of Next.js (lib/cli/serve.ts), outside
// Next's bundler, where the `server-only` marker cannot be imported.

export type EpochReader = () => Promise<string>;

export function createEpochReader(query: () => Promise<string>): EpochReader {
  let running: Promise<string> | null = null;
  let next: Promise<string> | null = null;

  function launch(): Promise<string> {
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
