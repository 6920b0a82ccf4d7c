// Security headers every response carries, whoever answers it: next.config.ts gives them to
// everything Next.js sends, and lib/cli/serve.ts to what it answers itself (the 503 while the
// database is away). The Content-Security-Policy depends on the response: ./secure-response.ts.
export const staticSecurityHeaders: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  // The portal uses none of these powerful features; nothing it embeds may either.
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()",
  },
];
