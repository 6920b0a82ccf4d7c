// Adds the Content-Security-Policy (./content-security-policy.ts) to whatever Next.js sends. An
// HTML page is held until it ends, so its header can name the hashes of every inline script in it
// (Next.js streams pages; a held page arrives whole, at once), and so a failed page can still be
// swapped for another (the 503 page while the database is away); anything else passes through as
// it comes, with the resource policy. Plain Node module, like its caller lib/cli/serve.ts.
import type { OutgoingHttpHeaders, ServerResponse } from "node:http";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { inlineScriptHashes, pagePolicy, resourcePolicy } from "./content-security-policy";

type Writer = (...args: unknown[]) => unknown;

export interface PageReplacement {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface SecureResponseOptions {
  /** Asked when a page fails (status 5xx): a page to send instead (e.g. "unavailable"), or null. */
  replaceFailedPage?: () => Promise<PageReplacement | null>;
}

/** Wraps `response` so every response it sends carries a Content-Security-Policy header. */
export function secureResponse(response: ServerResponse, options: SecureResponseOptions = {}): void {
  const writeHead = response.writeHead.bind(response) as Writer;
  const write = response.write.bind(response) as Writer;
  const end = response.end.bind(response) as Writer;
  let pendingHead: { status: number; message?: string } | undefined;
  let mode: "undecided" | "page" | "pass" = "undecided";
  const held: Buffer[] = [];

  response.writeHead = ((status: number, ...rest: unknown[]) => {
    // Headers given here are applied now and sent with the first byte, so the policy can join them.
    const message = typeof rest[0] === "string" ? rest[0] : undefined;
    const headers = (typeof rest[0] === "string" ? rest[1] : rest[0]) as OutgoingHttpHeaders | unknown[] | undefined;
    if (Array.isArray(headers))
      for (let i = 0; i + 1 < headers.length; i += 2) response.setHeader(String(headers[i]), headers[i + 1] as string);
    else if (headers)
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) response.setHeader(name, value);
    pendingHead = { status, message };
    response.statusCode = status;
    return response;
  }) as typeof response.writeHead;

  // Always explicit: Node's implicit head would call the deferring writeHead above and send nothing.
  const sendHead = () => {
    if (!response.headersSent) writeHead(pendingHead?.status ?? response.statusCode, pendingHead?.message);
    pendingHead = undefined;
  };
  const decide = () => {
    if (mode !== "undecided") return;
    const type = String(response.getHeader("content-type") ?? "");
    mode = /^text\/html\b/i.test(type) && !response.headersSent ? "page" : "pass";
    // Only a response known not to be a page gets the resource policy.
    if (mode === "pass" && type && !/html/i.test(type) && !response.headersSent)
      response.setHeader("Content-Security-Policy", resourcePolicy);
  };
  const hold = (chunk: unknown, encoding: unknown) => {
    if (typeof chunk === "string")
      held.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    else if (chunk instanceof Uint8Array) held.push(Buffer.from(chunk));
  };

  response.write = ((chunk: unknown, ...rest: unknown[]) => {
    decide();
    if (mode === "pass") {
      sendHead();
      return write(chunk, ...rest);
    }
    hold(chunk, rest[0]);
    const callback = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
    if (callback) queueMicrotask(callback);
    return true;
  }) as typeof response.write;

  response.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk === "function") return response.end(undefined, chunk as () => void);
    decide();
    if (mode === "pass") {
      sendHead();
      return end(chunk, ...rest);
    }
    hold(chunk, rest[0]);
    const callback = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
    const finish = (body: Buffer) => {
      const html = readable(body, response.getHeader("content-encoding"));
      response.setHeader("Content-Security-Policy", pagePolicy(inlineScriptHashes(html)));
      if (body.length > 0 && !response.hasHeader("transfer-encoding"))
        response.setHeader("Content-Length", body.length);
      sendHead();
      if (callback) end(body, callback);
      else end(body);
    };
    if (response.statusCode < 500 || !options.replaceFailedPage) finish(Buffer.concat(held));
    else
      void options
        .replaceFailedPage()
        .catch(() => null)
        .then((replacement) => {
          if (!replacement) return finish(Buffer.concat(held));
          pendingHead = undefined;
          response.statusCode = replacement.status;
          for (const name of ["content-type", "content-length", "content-encoding", "etag", "cache-control", "vary"])
            response.removeHeader(name);
          for (const [name, value] of Object.entries(replacement.headers)) response.setHeader(name, value);
          finish(Buffer.from(replacement.body, "utf8"));
        });
    return response;
  }) as typeof response.end;
}

function readable(body: Buffer, encoding: unknown): string {
  const coding = String(encoding ?? "").toLowerCase();
  if (coding === "gzip") return gunzipSync(body).toString("utf8");
  if (coding === "deflate") return inflateSync(body).toString("utf8");
  if (coding === "br") return brotliDecompressSync(body).toString("utf8");
  return body.toString("utf8");
}
