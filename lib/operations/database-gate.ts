// Whether the database answers, as the HTTP server (lib/cli/serve.ts) needs to know it: assumed up
// until a failure is seen, then asked again by each request until it answers, so the portal
// answers 503 quickly while the database is away and serves again by itself the moment it is back.
// One question at a time is in flight, whatever the load. Plain module, no `server-only`.

export interface DatabaseGate {
  /** True while the database is believed up; when it was down, asks it again first. */
  reachable(): Promise<boolean>;
  /** Something failed: asks the database now and remembers the answer. */
  confirm(): Promise<boolean>;
}

export function createDatabaseGate(ping: () => Promise<unknown>): DatabaseGate {
  let down = false;
  let asking: Promise<boolean> | undefined;

  function ask(): Promise<boolean> {
    asking ??= ping()
      .then(
        () => true,
        () => false,
      )
      .then((answered) => {
        down = !answered;
        asking = undefined;
        return answered;
      });
    return asking;
  }

  return {
    reachable: () => (down ? ask() : Promise.resolve(true)),
    confirm: ask,
  };
}
