// Which addresses may receive webhooks. HTTPS, so the signed body cannot be read on the way. On a
// portal that delivers to private networks too (DEMARC_WEBHOOK_PRIVATE_NETWORKS=allow: a receiver on
// the same host, or a test's), plain HTTP to this machine's loopback address as well. Otherwise
// addresses naming this machine or a private network are refused here, and host names are checked
// again where a delivery connects (lib/notifications/public-lookup.ts).
import { isIP } from "node:net";
import { isPublicAddress } from "./public-address";

export const WEBHOOK_URL_MAX_LENGTH = 2000;

/** "deny": deliveries reach public internet addresses only; "allow": private networks too. */
export type PrivateNetworks = "allow" | "deny";

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Why `value` cannot be a webhook endpoint, as a sentence for the form; null when it can. */
export function webhookUrlProblem(value: string, options: { privateNetworks: PrivateNetworks }): string | null {
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
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return `Webhooks are sent over HTTPS; ${url.protocol.replace(/:$/, "")} addresses are not accepted.`;
  // "localhost." is localhost: a trailing dot only marks the name as fully qualified.
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (options.privateNetworks === "deny") {
    const literal = host.replace(/^\[|\]$/g, "");
    if (host === "localhost" || host.endsWith(".localhost") || (isIP(literal) && !isPublicAddress(literal)))
      return "This address is on this machine or a private network; webhooks are delivered to public internet addresses only.";
    if (url.protocol === "http:") return "Use an https:// address: plain http:// is not accepted.";
    return null;
  }
  if (url.protocol === "http:" && !loopbackHosts.has(host))
    return "Use an https:// address: plain http:// is accepted only for a receiver on this machine (localhost, 127.0.0.1 or [::1]).";
  return null;
}
