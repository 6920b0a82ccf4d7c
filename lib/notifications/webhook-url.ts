// Which addresses may receive webhooks: HTTPS, so the signed body cannot be read on the way, except
// plain HTTP to this machine's loopback address (a receiver on the same host, or a test's). Pure.

export const WEBHOOK_URL_MAX_LENGTH = 2000;

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Why `value` cannot be a webhook endpoint, as a sentence for the form; null when it can. */
export function webhookUrlProblem(value: string): string | null {
  const text = value.trim();
  if (!text) return "Enter the endpoint's address (https://…).";
  if (text.length > WEBHOOK_URL_MAX_LENGTH)
    return `The address is ${text.length} characters long; at most ${WEBHOOK_URL_MAX_LENGTH} are accepted.`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "This is not a web address: it should look like https://hooks.example.com/demarc.";
  }
  if (url.username || url.password)
    return "The address holds a user name or password; remove them (each delivery is signed with the endpoint's secret instead).";
  const loopback = loopbackHosts.has(url.hostname.toLowerCase());
  if (url.protocol === "http:" && !loopback)
    return "Use an https:// address: plain http:// is accepted only for a receiver on this machine (localhost, 127.0.0.1 or [::1]).";
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return `Webhooks are sent over HTTPS; ${url.protocol.replace(/:$/, "")} addresses are not accepted.`;
  return null;
}
