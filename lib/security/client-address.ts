// Which address a request came from, decided where the socket is known (lib/cli/serve.ts) and handed
// to the app as the only X-Forwarded-For entry. Without trusted proxies it is the socket's peer, so a
// client cannot choose the address its sign-in attempts are limited under; behind N trusted proxies
// (DEMARC_TRUSTED_PROXY_HOPS) each appended the address it saw, so the client is the entry the
// outermost trusted proxy wrote: N from the right of the header plus the socket's peer.
//
// Plain Node module: it runs outside Next's bundler (see lib/page-cache/content-epoch.ts).

export function clientAddress(options: {
  forwardedFor: string | string[] | undefined;
  socketAddress: string | undefined;
  trustedHops: number;
}): string {
  const socket = (options.socketAddress ?? "unknown").replace(/^::ffff:/, "");
  if (options.trustedHops === 0) return socket;
  const header = Array.isArray(options.forwardedFor) ? options.forwardedFor.join(",") : (options.forwardedFor ?? "");
  const chain = [
    ...header
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
    socket,
  ];
  return chain[Math.max(0, chain.length - 1 - options.trustedHops)]!;
}
