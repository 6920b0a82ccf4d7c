// Which requests may change state: those whose Origin is one of the portal's configured public
// origins. The check never trusts a header the client writes about where the portal is (Host,
// X-Forwarded-Host): only configuration says that. Pure, for the proxy and for tests.

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

export interface OriginCheck {
  method: string;
  pathname: string;
  /** The request's Origin header, or null when it sent none. */
  origin: string | null;
  /** The request's Authorization header, or null. */
  authorization: string | null;
}

/**
 * Why the request must be refused (403), or null when it may go on. Reads are always allowed. A
 * state-changing request needs an Origin from `allowed`, except an API call that carries a bearer
 * token: cross-site forgery rides on cookies a browser adds by itself, and an API request with a
 * token is authenticated by that token alone (lib/auth/current-actor.ts never falls back to the
 * session when an Authorization header is present).
 */
export function originProblem(request: OriginCheck, allowed: ReadonlySet<string>): string | null {
  if (safeMethods.has(request.method.toUpperCase())) return null;
  if (request.pathname.startsWith("/api/v1/") && /^Bearer\s+\S+$/i.test(request.authorization ?? "")) return null;
  // One-click unsubscribe (RFC 8058): mail clients send no Origin; the signed token in the address is
  // the only credential and the route reads no cookie, so a forged request can do nothing a link cannot.
  if (request.pathname === "/api/v1/email/unsubscribe") return null;
  if (request.origin === null)
    return "This request changes data but says nothing about the page it came from (no Origin header), so it was refused.";
  if (!allowed.has(request.origin))
    return `Requests that change data are accepted only from this portal's own pages; ${JSON.stringify(request.origin)} is not one of them.`;
  return null;
}

/** "https://demarc.example.com/path" → "https://demarc.example.com"; invalid entries are errors. */
export function parseOrigins(values: readonly string[]): { origins: Set<string>; invalid: string[] } {
  const origins = new Set<string>();
  const invalid: string[] = [];
  for (const value of values.map((v) => v.trim()).filter(Boolean)) {
    try {
      const url = new URL(value);
      if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("not a web origin");
      origins.add(url.origin);
    } catch {
      invalid.push(value);
    }
  }
  return { origins, invalid };
}
