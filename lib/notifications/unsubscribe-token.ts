// The token in every change email's unsubscribe link: the user's id and an HMAC of it under the
// portal's auth secret (lib/auth/secret.ts), so a link works without signing in and cannot be
// made for someone else. It does not expire: an old email's link must still work.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

// Keeps these MACs apart from anything else the same secret signs.
const purpose = "demarc.unsubscribe.v1";

function mac(secret: string, userId: string): Buffer {
  return createHmac("sha256", secret).update(`${purpose}:${userId}`, "utf8").digest();
}

export function signUnsubscribeToken(options: { secret: string; userId: string }): string {
  return `${options.userId}.${mac(options.secret, options.userId).toString("base64url")}`;
}

/** The user id the token was made for, or null for anything else. */
export function verifyUnsubscribeToken(options: { secret: string; token: string }): string | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/i.exec(options.token.trim());
  if (!match) return null;
  const [, userId, signature] = match as unknown as [string, string, string];
  const given = Buffer.from(signature, "base64url");
  const expected = mac(options.secret, userId);
  return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
}
