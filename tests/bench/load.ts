// Load generation with autocannon: `connections` clients for `seconds`, every response's latency
// kept (autocannon's own percentiles skip p95), plus a minimal static server for the baseline: the
// same bytes from plain Node.js, the ceiling any page could reach on this machine.
import { createServer, type Server } from "node:http";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";

export interface LoadFigures {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  bytesPerResponse: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export async function load(options: {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
  /** Adds a query parameter of its own to every request (no cache can answer). */
  uniqueQuery?: boolean;
  /** The status every answer should have (default 200); any other counts as an error. */
  expectedStatus?: number;
}): Promise<LoadFigures> {
  const latencies: number[] = [];
  let unexpected = 0;
  let sequence = 0;
  const unique: autocannon.Request = {
    setupRequest: (request) => ({
      ...request,
      path: `${request.path ?? "/"}${request.path?.includes("?") ? "&" : "?"}n=${sequence++}`,
    }),
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        headers: options.headers,
        connections: options.connections,
        duration: options.seconds,
        ...(options.uniqueQuery ? { requests: [unique] } : {}),
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, status, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (status !== (options.expectedStatus ?? 200)) unexpected++;
    });
  });
  latencies.sort((a, b) => a - b);
  const responses = result.requests.total || 1;
  return {
    requestsPerSecond: result.requests.total / options.seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts + unexpected,
    bytesPerResponse: result.throughput.total / responses,
  };
}

/** Serves each path's recorded body and content type, nothing else. */
export async function staticServer(
  pages: Map<string, { body: Buffer; type: string }>,
  port: number,
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const page = pages.get(request.url ?? "");
    if (!page) return void response.writeHead(404).end();
    response.writeHead(200, { "Content-Type": page.type, "Content-Length": page.body.length }).end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** First-load JavaScript of an HTML page: every script it references, gzipped, in KiB. */
export async function firstLoadJsKib(origin: string, html: string): Promise<number> {
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!))];
  let bytes = 0;
  for (const src of sources) {
    const response = await fetch(new URL(src.replace(/&amp;/g, "&"), origin));
    bytes += gzipSync(Buffer.from(await response.arrayBuffer())).length;
  }
  return bytes / 1024;
}
