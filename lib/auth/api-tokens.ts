import { createHash, randomBytes } from "node:crypto";

const PREFIX = "dmc_";

/** A new token: the secret is shown once; only its hash is stored. */
export function generateApiToken(): { token: string; hash: string; prefix: string } {
  const token = PREFIX + randomBytes(32).toString("base64url");
  return { token, hash: hashApiToken(token), prefix: token.slice(0, PREFIX.length + 6) };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
