/**
 * The client's address for per-IP rate limits. In production the server in front of Next.js
 * (lib/cli/serve.ts) replaces X-Forwarded-For with the one address it determined from the socket and
 * the trusted proxies (lib/security/client-address.ts), so whatever a client writes there is never
 * used. Under `npm run dev` the header reaches the app as sent.
 */
export function clientIp(forwardedFor: string | null | undefined): string {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  return entries.at(-1) ?? "unknown";
}
