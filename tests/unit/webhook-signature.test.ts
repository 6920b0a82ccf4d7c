// Webhook bodies are signed with HMAC-SHA256 over "<timestamp>.<body>": a receiver accepts exactly
// the body sent, under its own secret, within five minutes of the signing time.
import { createHmac } from "node:crypto";
import { describe, expect, test } from "vitest";
import { newWebhookSecret, signWebhookBody, verifyWebhookSignature } from "@/lib/notifications/webhook-signature";
import { webhookUrlProblem } from "@/lib/notifications/webhook-url";

const secret = "whsec_test-secret-that-is-long-enough";
const body = JSON.stringify({ type: "obligations.changed", id: "1" });
const at = new Date("2026-12-03T10:00:00Z");

describe("webhook signatures", () => {
  test("the header is t=<unix seconds>,v1=<hex HMAC-SHA256 of '<t>.<body>'>, as documented", () => {
    const header = signWebhookBody({ secret, body, timestamp: at });
    const t = at.getTime() / 1000;
    const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
    expect(header).toBe(`t=${t},v1=${expected}`);
    expect(verifyWebhookSignature({ secret, header, body, now: at })).toBe(true);
  });

  test("a changed body, another secret, a missing or garbled header are refused", () => {
    const header = signWebhookBody({ secret, body, timestamp: at });
    expect(verifyWebhookSignature({ secret, header, body: body.replace('"1"', '"2"'), now: at })).toBe(false);
    expect(verifyWebhookSignature({ secret: `${secret}x`, header, body, now: at })).toBe(false);
    expect(verifyWebhookSignature({ secret, header: null, body, now: at })).toBe(false);
    expect(verifyWebhookSignature({ secret, header: "t=abc,v1=00", body, now: at })).toBe(false);
    expect(verifyWebhookSignature({ secret, header: header.replace(/v1=../, "v1=zz"), body, now: at })).toBe(false);
    // The timestamp is signed: moving it forward breaks the signature.
    const moved = header.replace(/^t=\d+/, `t=${at.getTime() / 1000 + 60}`);
    expect(verifyWebhookSignature({ secret, header: moved, body, now: at })).toBe(false);
  });

  test("an old (or future) timestamp is refused outside the tolerance", () => {
    const header = signWebhookBody({ secret, body, timestamp: at });
    const later = (seconds: number) => new Date(at.getTime() + seconds * 1000);
    expect(verifyWebhookSignature({ secret, header, body, now: later(299) })).toBe(true);
    expect(verifyWebhookSignature({ secret, header, body, now: later(301) })).toBe(false);
    expect(verifyWebhookSignature({ secret, header, body, now: later(-301) })).toBe(false);
    expect(verifyWebhookSignature({ secret, header, body, now: later(3600), toleranceSeconds: 7200 })).toBe(true);
  });

  test("any of several v1 signatures may match (a secret being rotated)", () => {
    const header = signWebhookBody({ secret, body, timestamp: at });
    const other = signWebhookBody({ secret: "old-secret", body, timestamp: at }).split(",")[1];
    expect(verifyWebhookSignature({ secret, header: `${header},${other}`, body, now: at })).toBe(true);
  });

  test("new secrets are whsec_ and 32 random bytes", () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(a);
  });
});

describe("webhook addresses", () => {
  const allow = { privateNetworks: "allow" } as const;
  const deny = { privateNetworks: "deny" } as const;

  test.each([
    "https://hooks.example.com/demarc",
    "https://hooks.example.com:8443/x?y=1",
    "https://93.184.215.14/hook",
    "https://[2606:4700::1111]/hook",
  ])("%s is accepted on every portal", (url) => {
    expect(webhookUrlProblem(url, allow)).toBeNull();
    expect(webhookUrlProblem(url, deny)).toBeNull();
  });

  test.each(["http://localhost:8080/hook", "http://127.0.0.1:9000/", "http://[::1]:9000/", "https://10.0.0.1/x"])(
    "%s is accepted only where private networks are allowed",
    (url) => {
      expect(webhookUrlProblem(url, allow)).toBeNull();
      expect(webhookUrlProblem(url, deny)).toMatch(/this machine or a private network/);
    },
  );

  test.each([
    "https://localhost/x",
    "https://api.localhost/x",
    "https://localhost./x",
    "https://127.1/x",
    "https://0x7f000001/x",
    "https://169.254.169.254/latest/meta-data",
    "https://192.168.1.10/x",
    "https://[fd00::1]/x",
    "https://[::ffff:10.0.0.1]/x",
    "https://[fe80::1]/x",
  ])("%s names this machine or a private network: refused where those are denied", (url) =>
    expect(webhookUrlProblem(url, deny)).toMatch(/public internet addresses only/),
  );

  test.each([
    ["", /Enter/],
    ["not a url", /not a web address/],
    ["http://hooks.example.com/x", /https/],
    ["http://10.0.0.1/x", /https/],
    ["ftp://hooks.example.com/x", /ftp addresses are not accepted/],
    ["https://user:pass@hooks.example.com/x", /user name or password/],
    [`https://hooks.example.com/${"a".repeat(2000)}`, /at most 2000/],
  ])("%s is refused with a reason", (url, reason) => {
    expect(webhookUrlProblem(url, allow)).toMatch(reason);
    expect(webhookUrlProblem(url, deny)).not.toBeNull();
  });
});
