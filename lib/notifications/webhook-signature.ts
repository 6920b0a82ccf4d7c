// Webhook bodies are signed so a receiver can tell they come from this portal and were not replayed:
// `Demarc-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. The timestamp is
// inside the signed text, so an old delivery cannot be re-sent later with a fresh time.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const WEBHOOK_SIGNATURE_HEADER = "Demarc-Signature";
export const WEBHOOK_DELIVERY_HEADER = "Demarc-Delivery";

/** A new endpoint secret, shown once to whoever registers the endpoint. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

const unixSeconds = (time: Date | number) =>
  typeof time === "number" ? Math.floor(time) : Math.floor(time.getTime() / 1000);

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

/** The header value for `body` (the exact bytes sent, as text); `timestamp` is a Date or unix seconds. */
export function signWebhookBody(options: { secret: string; body: string; timestamp?: Date | number }): string {
  const t = unixSeconds(options.timestamp ?? new Date());
  return `t=${t},v1=${hmacHex(options.secret, t, options.body)}`;
}

/**
 * Whether `header` signs `body` under `secret` within `toleranceSeconds` of `now`. Several `v1=`
 * values are accepted (any one may match), so a sender can sign with an old and a new secret.
 */
export function verifyWebhookSignature(options: {
  secret: string;
  header: string | null | undefined;
  body: string;
  now?: Date;
  toleranceSeconds?: number;
}): boolean {
  const { secret, header, body } = options;
  if (!header) return false;
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [key, value = ""] = part.trim().split("=", 2) as [string, string?];
    if (key === "t" && /^\d{1,15}$/.test(value)) timestamp = Number(value);
    else if (key === "v1" && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  if (timestamp === null || !signatures.length) return false;
  const age = Math.abs(unixSeconds(options.now ?? new Date()) - timestamp);
  if (age > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(hmacHex(secret, timestamp, body), "hex");
  // Every candidate is compared, in constant time, so timing says nothing about which matched.
  return signatures.map((s) => timingSafeEqual(Buffer.from(s, "hex"), expected)).includes(true);
}
