/**
 * The client's address for per-IP rate limits. Behind N trusted proxies (DEMARC_TRUSTED_PROXY_HOPS),
 * the Nth X-Forwarded-For entry from the right is the one the outermost trusted proxy saw; entries to
 * its left came from the client and may be forged. With no proxy (0) the rightmost entry is used:
 * Next.js fills it from the socket only when the client sent none, so it can be forged then —
 * deploy behind a proxy for a per-IP limit that cannot be dodged (the per-account limit always holds).
 */
export function clientIp(forwardedFor: string | null | undefined, trustedHops: number): string {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const index = entries.length - Math.max(trustedHops, 1);
  return entries[Math.max(index, 0)] ?? "unknown";
}
