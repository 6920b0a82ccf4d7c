// Conditional GETs for published content: a strong ETag names exactly what the reader gets (the
// version's content hash, and their view of it), so a client or CDN that has it is answered 304
// without any rendering. Anonymous content may be stored by shared caches but is revalidated on
// every use (a publish shows at once); anything signed-in stays in the reader's own cache.
import type { Actor } from "@/lib/auth/permissions";

export function cacheHeaders(actor: Actor, etag: string): Record<string, string> {
  return {
    ETag: etag,
    "Cache-Control": actor.kind === "anonymous" ? "public, no-cache" : "private, no-cache",
    Vary: "Cookie, Authorization",
  };
}

/** Whether the request's If-None-Match already names this ETag (or "*"). */
export function isNotModified(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  return header.split(",").some((tag) => {
    const trimmed = tag.trim();
    // If-None-Match compares weakly (RFC 9110 §13.1.2): W/"x" matches "x".
    return trimmed === "*" || trimmed.replace(/^W\//, "") === etag;
  });
}
