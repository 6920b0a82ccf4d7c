// Which requests the page cache may answer: GETs of published reads, anonymous or with a session
// (then also My obligations), each session's pages kept apart. API tokens, every client-side
// navigation (React Server Component requests, whose payload depends on the router state), history,
// drafts, the editor, exports (each download is audited) and anything else go to Next.js every time.
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

const signedInReads: readonly RegExp[] = [...publishedReads, /^\/me\/obligations$/];

const sessionCookie = /(?:^|;\s*)((?:__Secure-)?next-auth\.session-token)=([^;]*)/;

const routerHeaders = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-url", "next-action"];

export interface CacheableRequest {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
}

/** The cache key for a request the cache may answer (and whether it is signed in), or null. */
export function pageCacheKey(request: CacheableRequest): { key: string; signedIn: boolean } | null {
  if (request.method !== "GET" || !request.url) return null;
  const { headers } = request;
  if (headers.authorization) return null;
  if (routerHeaders.some((name) => headers[name] !== undefined)) return null;
  const session = sessionCookie.exec(headers.cookie ?? "")?.[2];
  const queryAt = request.url.indexOf("?");
  const pathname = queryAt === -1 ? request.url : request.url.slice(0, queryAt);
  const reads = session ? signedInReads : publishedReads;
  if (request.url.includes("_rsc=") || !reads.some((pattern) => pattern.test(pathname))) return null;
  // Pages and feeds write absolute links from the address the reader used.
  const origin = [headers["x-forwarded-proto"], headers["x-forwarded-host"], headers.host].join("|");
  return session
    ? { key: `${origin} ${request.url} session=${session}`, signedIn: true }
    : { key: `${origin} ${request.url}`, signedIn: false };
}
