// Published reads served from memory. A render is kept with the epoch read before it began (see
// ./content-epoch.ts), and served again only while the database still reports that epoch: a publish
// on any instance raises the content epoch in its own transaction, and any write at all changes the
// snapshot that signed-in pages are kept under, so every instance renders afresh on its next request
// and nothing is ever invalidated by hand. Next.js's own caches answer in-process only and
// still run its request pipeline (measured: a proxy answering with a constant manages under a tenth
// of a plain Node server's requests per second), hence this layer in front of it.
//
// Plain Node module (see ./content-epoch.ts for why).
import { createHash } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { LruCache } from "../cache/lru";
import { pageCacheKey } from "./cacheable-request";
import type { EpochReader } from "./content-epoch";

interface CachedPage {
  epoch: string;
  signedIn: boolean;
  storedAt: number;
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  gzipped?: Buffer;
  etag: string;
}

export interface PageCacheOptions {
  readEpoch: EpochReader;
  /** Bound on the bytes kept (bodies and their gzipped copies). */
  maxBytes: number;
  /** Longest an anonymous entry is served, whatever the epoch says: a bound on any change no trigger saw. */
  maxAgeMs: number;
  /**
   * Longest a signed-in entry is served: a session also ends by the clock, with nothing written, so
   * an expired session's pages are not answered for longer than this.
   */
  signedInMaxAgeMs: number;
  now?: () => number;
}

// Responses that say the same to every anonymous reader of the same content.
const storedStatuses = new Set([200, 404]);
// Not kept: hop-by-hop headers, those recomputed on sending (the policy too: lib/security), and the
// request id (each response has its own).
const hopHeaders = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "date",
  "content-length",
  "etag",
  "x-request-id",
]);

export function createPageCache(options: PageCacheOptions) {
  const now = options.now ?? Date.now;
  const pages = new LruCache<CachedPage>(
    options.maxBytes,
    (page) => page.body.length + (page.gzipped?.length ?? 0) + 1024,
  );

  /** Answers from the cache, or lets `render` answer and keeps what it sends. */
  async function handle(request: IncomingMessage, response: ServerResponse, render: () => Promise<void>) {
    const cacheable = pageCacheKey(request);
    if (!cacheable) return render();
    const { key, signedIn } = cacheable;
    let epoch: string;
    try {
      const reading = await options.readEpoch();
      epoch = signedIn ? `${reading.content}|${reading.snapshot}` : reading.content;
    } catch {
      return render(); // the database is unreachable: Next.js answers as it would without a cache
    }
    const page = pages.get(key);
    const maxAge = signedIn ? options.signedInMaxAgeMs : options.maxAgeMs;
    if (page && page.epoch === epoch && now() - page.storedAt < maxAge) return send(request, response, page);
    // Rendered uncompressed so one copy serves every reader; compressed copies are made on demand.
    delete request.headers["accept-encoding"];
    capture(response, (status, headers, body) => {
      if (!storedStatuses.has(status) || headers["set-cookie"] || headers["content-encoding"]) return;
      if (body.length * 2 > options.maxBytes) return;
      const etag =
        typeof headers.etag === "string" ? headers.etag : `"${createHash("sha1").update(body).digest("base64url")}"`;
      pages.set(key, { epoch, signedIn, storedAt: now(), status, headers: keptHeaders(headers), body, etag });
    });
    return render();
  }

  function send(request: IncomingMessage, response: ServerResponse, page: CachedPage) {
    // Header names as Node.js keeps them (lower case), so these replace what Next.js sent.
    const validators = { etag: page.etag, "cache-control": page.signedIn ? "private, no-cache" : "public, no-cache" };
    if (matchesEtag(request.headers["if-none-match"], page.etag)) {
      response.writeHead(304, { ...validators, vary: page.headers.vary ?? "Accept-Encoding" }).end();
      return;
    }
    let body = page.body;
    const headers: OutgoingHttpHeaders = { ...page.headers, ...validators, "x-demarc-cache": "hit" };
    headers.vary = [page.headers.vary, "Accept-Encoding"].filter(Boolean).join(", ");
    if (/\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) {
      if (!page.gzipped) {
        page.gzipped = gzipSync(page.body);
      }
      body = page.gzipped;
      headers["content-encoding"] = "gzip";
    }
    headers["content-length"] = body.length;
    response.writeHead(page.status, headers).end(body);
  }

  return { handle, size: () => pages.size };
}

function keptHeaders(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !hopHeaders.has(name)));
}

function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === etag);
}

/** Tees what Next.js writes to `response` and reports it once the response has been sent. */
function capture(
  response: ServerResponse,
  done: (status: number, headers: OutgoingHttpHeaders, body: Buffer) => void,
): void {
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    if (typeof chunk === "string")
      chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  const write = response.write.bind(response);
  const end = response.end.bind(response);
  response.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof response.write;
  response.end = ((chunk?: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return (end as (...args: unknown[]) => ServerResponse)(chunk, ...rest);
  }) as typeof response.end;
  response.once("finish", () => done(response.statusCode, response.getHeaders(), Buffer.concat(chunks)));
}
