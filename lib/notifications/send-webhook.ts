// POSTs one signed delivery to one endpoint. A 2xx answer is success; anything else — another
// status, a redirect (never followed: the registered address is the one that was checked), a
// timeout, a refused connection — is a failure the worker retries. Errors are short and name no
// internals, since the organization's admins read them in the delivery log.
import "server-only";
import { signWebhookBody, WEBHOOK_DELIVERY_HEADER, WEBHOOK_SIGNATURE_HEADER } from "./webhook-signature";
import { webhookUrlProblem } from "./webhook-url";

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
}): Promise<WebhookResult> {
  const started = performance.now();
  const done = (result: Omit<WebhookResult, "durationMs">): WebhookResult => ({
    ...result,
    durationMs: Math.round(performance.now() - started),
  });
  // Checked when registered; checked again in case the rules tightened since.
  const problem = webhookUrlProblem(options.url);
  if (problem) return done({ ok: false, status: null, error: `address not accepted: ${problem}` });
  try {
    const response = await fetch(options.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Demarc-Webhooks",
        [WEBHOOK_SIGNATURE_HEADER]: signWebhookBody({ secret: options.secret, body: options.body }),
        [WEBHOOK_DELIVERY_HEADER]: options.deliveryId,
      },
      body: options.body,
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
    });
    // The answer's body is not read: only its status counts, and the connection is freed.
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300)
      return done({ ok: true, status: response.status, error: null });
    const redirected = response.status >= 300 && response.status < 400;
    return done({
      ok: false,
      status: response.status,
      error: redirected ? `HTTP ${response.status} (redirects are not followed)` : `HTTP ${response.status}`,
    });
  } catch (error) {
    return done({ ok: false, status: null, error: describeFetchError(error) });
  }
}

function describeFetchError(error: unknown): string {
  const name = (error as { name?: string }).name;
  if (name === "TimeoutError" || name === "AbortError") return "timed out";
  const cause = (error as { cause?: { code?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code ?? "";
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return "connection reset";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host not found";
  if (code === "ETIMEDOUT" || code === "UND_ERR_CONNECT_TIMEOUT") return "timed out";
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return "host unreachable";
  if (/CERT|SSL|TLS|SELF_SIGNED/i.test(code)) return "TLS certificate not accepted";
  return "request failed";
}
