// The address readers use to reach the portal, for links that leave the page as absolute URLs
// (the Atom feed). Pure: the caller passes the configured origin (env.publicOrigin).

/**
 * The configured public origin when there is one; otherwise the origin the request was sent to,
 * from its Host header. Next.js builds `request.url` from the address it listens on
 * (`localhost:3000`), which is not where a reader behind a proxy or on another machine came from.
 * The Host header only shapes links in this response, never a decision about the request.
 */
export function publicOrigin(request: Request, configured: string | null): string {
  if (configured) return configured;
  const url = new URL(request.url);
  const host = request.headers.get("host");
  // Only a bare host name or IP address with an optional port; anything else is ignored.
  if (!host || !/^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i.test(host)) return url.origin;
  try {
    return new URL(`${url.protocol}//${host}`).origin;
  } catch {
    return url.origin;
  }
}
