// Readers as the reliability scenarios run them: N workers, each sending one GET after another
// (keep-alive, Node's fetch) until told to stop, and handing every answer — status, headers, body,
// latency, or the network error — to the scenario, which judges it. A plain loop rather than
// autocannon (tests/bench/load.ts) because each answer is checked on its own.

export interface Answer {
  reader: number;
  path: string;
  /** performance.now() when the request was sent. */
  startedAt: number;
  ms: number;
  status: number;
  headers: Headers | null;
  body: string;
  /** Set when no HTTP answer came (connection refused or reset, timeout). */
  error: string | null;
}

export async function readConcurrently(options: {
  origin: string;
  readers: number;
  keepGoing: () => boolean;
  /** The path of reader `reader`'s `i`-th request. */
  path: (reader: number, i: number) => string;
  onAnswer: (answer: Answer) => void;
  timeoutMs?: number;
}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const worker = async (reader: number) => {
    for (let i = 0; options.keepGoing(); i++) {
      const path = options.path(reader, i);
      const startedAt = performance.now();
      let answer: Answer;
      try {
        const response = await fetch(options.origin + path, { signal: AbortSignal.timeout(timeoutMs) });
        const body = await response.text();
        answer = {
          reader,
          path,
          startedAt,
          ms: performance.now() - startedAt,
          status: response.status,
          headers: response.headers,
          body,
          error: null,
        };
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause?.code;
        answer = {
          reader,
          path,
          startedAt,
          ms: performance.now() - startedAt,
          status: 0,
          headers: null,
          body: "",
          error: cause ?? (error instanceof Error ? error.name : String(error)),
        };
        // A refused connection answers at once: do not spin.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      options.onAnswer(answer);
    }
  };
  await Promise.all(Array.from({ length: options.readers }, (_, reader) => worker(reader)));
}

/** A query parameter no other request carries, so neither cache answers and the database is read. */
export const uniqueQuery = (reader: number, i: number) => `fresh=${reader}-${i}-${Date.now().toString(36)}`;

/**
 * A clean "temporarily unavailable": 503 with Retry-After, as problem details (API) or as the page
 * that says the portal cannot reach its database (lib/operations/unavailable-response.ts).
 */
export function isCleanUnavailable(answer: Answer): boolean {
  if (answer.status !== 503 || !answer.headers?.get("retry-after")) return false;
  const type = answer.headers.get("content-type") ?? "";
  if (type.startsWith("application/problem+json")) {
    try {
      return (JSON.parse(answer.body) as { status?: unknown }).status === 503;
    } catch {
      return false;
    }
  }
  return type.startsWith("text/html") && answer.body.includes("cannot reach its database");
}
