// Which requests the page cache may answer: anonymous GETs of published reads. Everything signed in
// (a session cookie or an API token), every client-side navigation (React Server Component
// requests, whose payload depends on the router state), history, drafts, the editor, exports (each
// download is audited) and anything else goes to Next.js every time.
//
// Plain Node module (see ./content-epoch.ts for why).
import type { IncomingHttpHeaders } from "node:http";

const publishedReads: readonly RegExp[] = [
  /^\/$/,
  /^\/providers\/[^/]+$/,
  /^\/providers\/[^/]+\/services\/[^/]+$/,
  /^\/providers\/[^/]+\/compare$/,
  /^\/providers\/[^/]+\/changelog\.atom$/,
  /^\/api\/v1\/providers$/,
  /^\/api\/v1\/providers\/[^/]+$/,
  /^\/api\/v1\/providers\/[^/]+\/services\/[^/]+$/,
];

const routerHeaders = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-url", "next-action"];

export interface CacheableRequest {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
}

/** The cache key for a request the cache may answer, or null. */
export function pageCacheKey(request: CacheableRequest): string | null {
  if (request.method !== "GET" || !request.url) return null;
  const { headers } = request;
  if (headers.authorization || /(^|;\s*)(__Secure-)?next-auth\.session-token=/.test(headers.cookie ?? "")) return null;
  if (routerHeaders.some((name) => headers[name] !== undefined)) return null;
  const queryAt = request.url.indexOf("?");
  const pathname = queryAt === -1 ? request.url : request.url.slice(0, queryAt);
  if (request.url.includes("_rsc=") || !publishedReads.some((pattern) => pattern.test(pathname))) return null;
  // Pages and feeds write absolute links from the address the reader used.
  const origin = [headers["x-forwarded-proto"], headers["x-forwarded-host"], headers.host].join("|");
  return `${origin} ${request.url}`;
}
