// Environment, validated once. Server-side only values; never import from client components.
import path from "node:path";
import { z } from "zod";
import { parseOrigins } from "./security/request-origin";

const schema = z
  .object({
    /** A PostgreSQL server. Unset means the embedded PGlite database (see lib/database/embedded.ts). */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
      .optional(),
    /** Folder of the embedded database and its server file; git-ignored. */
    DEMARC_DATA_DIR: z.string().min(1).default(".data"),
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** Signs session cookies. Unset: a secret generated once and kept in the database (shared by all instances). */
    NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
    /** Generic OpenID Connect SSO; the button shows only when all three are set. */
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().min(1).default("Single sign-on"),
    /** The portal's public address (next-auth's setting); state-changing requests must come from it. */
    NEXTAUTH_URL: z.url().optional(),
    /** The address readers use (https://demarc.example.com), for absolute links such as the Atom feed's; else NEXTAUTH_URL's. */
    DEMARC_PUBLIC_ORIGIN: z
      .url()
      .refine((value) => /^https?:\/\//i.test(value), "DEMARC_PUBLIC_ORIGIN must be an http:// or https:// address")
      .optional(),
    /** More origins whose pages may send state-changing requests, comma-separated (e.g. a second host name). */
    DEMARC_ALLOWED_ORIGINS: z.string().default(""),
    /** "1": print every SQL statement as a `[statement]` line (tests and the benchmark count them per page). */
    DEMARC_LOG_STATEMENTS: z.enum(["0", "1"]).default("0"),
    /** How the production server logs: JSON lines tagged with the request id (default), or plain text. */
    DEMARC_LOG_FORMAT: z.enum(["json", "text"]).default("json"),
    /** On SIGTERM or SIGINT, how long requests in flight may take before the server stops anyway. */
    DEMARC_SHUTDOWN_SECONDS: z.coerce.number().min(0).max(300).default(10),
    /** Where change emails go out (smtp://user:pass@host:587 or smtps://…); unset: email is not offered. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL")
      .optional(),
    /** The sender of change emails, e.g. "Demarc <demarc@example.com>"; needed with SMTP_URL. */
    SMTP_FROM: z.string().min(3).optional(),
    /**
     * Whether webhooks may go to this machine and private networks: "deny" (public addresses only, over
     * HTTPS) or "allow" (for a receiver on the same host or network; plain HTTP to loopback too).
     */
    DEMARC_WEBHOOK_PRIVATE_NETWORKS: z.enum(["deny", "allow"]).default("deny"),
    /** How many reverse proxies in front of the portal append to X-Forwarded-For (see lib/security/client-address.ts). */
    DEMARC_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  })
  .refine(
    (e) =>
      [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].every((v) => v === undefined) ||
      [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].every((v) => v !== undefined),
    { message: "Set all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or none", path: ["OIDC_ISSUER"] },
  )
  .refine((e) => !e.SMTP_URL || e.SMTP_FROM, {
    message: "Set SMTP_FROM (the sender's address) with SMTP_URL",
    path: ["SMTP_FROM"],
  })
  .superRefine((e, ctx) => {
    const { invalid } = parseOrigins(e.DEMARC_ALLOWED_ORIGINS.split(","));
    if (invalid.length)
      ctx.addIssue({
        code: "custom",
        path: ["DEMARC_ALLOWED_ORIGINS"],
        message: `Not an http(s) origin: ${invalid.join(", ")}`,
      });
  });

const parsed = schema.safeParse(process.env);
if (!parsed.success) {
  const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  throw new Error(`Invalid environment:\n${lines.join("\n")}`);
}

const oidc =
  parsed.data.OIDC_ISSUER && parsed.data.OIDC_CLIENT_ID && parsed.data.OIDC_CLIENT_SECRET
    ? {
        issuer: parsed.data.OIDC_ISSUER,
        clientId: parsed.data.OIDC_CLIENT_ID,
        clientSecret: parsed.data.OIDC_CLIENT_SECRET,
        name: parsed.data.OIDC_NAME,
      }
    : null;

// Unset: links are built from the request's own address (lib/public-origin.ts).
const configuredOrigin = parsed.data.DEMARC_PUBLIC_ORIGIN ?? parsed.data.NEXTAUTH_URL;

export const env = {
  ...parsed.data,
  oidc,
  /** The portal's public origin for absolute links: DEMARC_PUBLIC_ORIGIN's, else NEXTAUTH_URL's, else null. */
  publicOrigin: configuredOrigin ? new URL(configuredOrigin).origin : null,
  /**
   * Origins whose pages may change data: NEXTAUTH_URL's, DEMARC_PUBLIC_ORIGIN's and DEMARC_ALLOWED_ORIGINS (npm start sets
   * the latter to its own loopback address when neither is configured).
   */
  allowedOrigins: parseOrigins([
    parsed.data.NEXTAUTH_URL ?? "",
    parsed.data.DEMARC_PUBLIC_ORIGIN ?? "",
    ...parsed.data.DEMARC_ALLOWED_ORIGINS.split(","),
  ]).origins as ReadonlySet<string>,
  /** Change emails (lib/notifications/send-email.ts): null when SMTP_URL is unset, and email is not offered. */
  email: parsed.data.SMTP_URL ? { url: parsed.data.SMTP_URL, from: parsed.data.SMTP_FROM! } : null,
  /** Absolute path so every process (server, CLI, tests) agrees on one folder. */
  dataDir: path.resolve(parsed.data.DEMARC_DATA_DIR),
};
