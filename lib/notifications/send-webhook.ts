// POSTs one signed delivery to one endpoint. A 2xx answer is success; anything else — another
// status, a redirect (never followed: the registered address is the one that was checked), a
// timeout, a refused connection — is a failure the worker retries. Errors are short and name no
// internals, since the organization's admins read them in the delivery log.
import "server-only";
import http from "node:http";
import https from "node:https";
import { env } from "@/lib/env";
import { PRIVATE_ADDRESS_CODE, publicOnlyLookup } from "./public-lookup";
import { signWebhookBody, WEBHOOK_DELIVERY_HEADER, WEBHOOK_SIGNATURE_HEADER } from "./webhook-signature";
import { webhookUrlProblem, type PrivateNetworks } from "./webhook-url";

export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface WebhookResult {
  ok: boolean;
  /** The HTTP status answered, null when none was. */
  status: number | null;
  error: string | null;
  durationMs: number;
}

export async function sendWebhook(options: {
  url: string;
  secret: string;
  /** The JSON text exactly as sent: the signature covers these bytes. */
  body: string;
  deliveryId: string;
  timeoutMs?: number;
  /** Whether private networks may be reached; the portal's setting when not given. */
  privateNetworks?: PrivateNetworks;
}): Promise<WebhookResult> {
  const started = performance.now();
  const done = (result: Omit<WebhookResult, "durationMs">): WebhookResult => ({
    ...result,
    durationMs: Math.round(performance.now() - started),
  });
  const privateNetworks = options.privateNetworks ?? env.DEMARC_WEBHOOK_PRIVATE_NETWORKS;
  // Checked when registered; checked again in case the rules tightened since. This check is also what
  // refuses a literal private address, which connects without the lookup below.
  const problem = webhookUrlProblem(options.url, { privateNetworks });
  if (problem) return done({ ok: false, status: null, error: `address not accepted: ${problem}` });
  const url = new URL(options.url);
  const body = Buffer.from(options.body);
  return new Promise((resolve) => {
    // node:http rather than fetch: its `lookup` option lets the connection itself refuse private
    // addresses. Redirects are never followed (the registered address is the one that was checked).
    const request = (url.protocol === "https:" ? https : http).request(
      url,
      {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "Content-Length": body.length,
          "User-Agent": "Demarc-Webhooks",
          [WEBHOOK_SIGNATURE_HEADER]: signWebhookBody({ secret: options.secret, body: options.body }),
          [WEBHOOK_DELIVERY_HEADER]: options.deliveryId,
        },
        lookup: privateNetworks === "deny" ? publicOnlyLookup : undefined,
        signal: AbortSignal.timeout(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
      },
      (response) => {
        // The answer's body is not read: only its status counts, and the connection is freed.
        response.resume();
        const status = response.statusCode ?? 0;
        if (status >= 200 && status < 300) return resolve(done({ ok: true, status, error: null }));
        const redirected = status >= 300 && status < 400;
        resolve(
          done({
            ok: false,
            status,
            error: redirected ? `HTTP ${status} (redirects are not followed)` : `HTTP ${status}`,
          }),
        );
      },
    );
    request.on("error", (error) => resolve(done({ ok: false, status: null, error: describeRequestError(error) })));
    request.end(body);
  });
}

function describeRequestError(error: unknown): string {
  const name = (error as { name?: string }).name;
  const cause = (error as { cause?: { name?: string; code?: string } }).cause;
  if (name === "TimeoutError" || name === "AbortError" || cause?.name === "TimeoutError") return "timed out";
  const code = cause?.code ?? (error as { code?: string }).code ?? "";
  if (code === PRIVATE_ADDRESS_CODE) return "address not accepted: it is on this machine or a private network";
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ECONNRESET") return "connection reset";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host not found";
  if (code === "ETIMEDOUT") return "timed out";
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return "host unreachable";
  if (/CERT|SSL|TLS|SELF_SIGNED/i.test(code)) return "TLS certificate not accepted";
  return "request failed";
}
