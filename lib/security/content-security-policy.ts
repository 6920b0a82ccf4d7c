// The Content-Security-Policy every response carries. Pages allow exactly the inline scripts they
// were rendered with, by hash: a hash is a property of the bytes, so a page kept by the page cache
// (lib/page-cache) stays valid for every reader, where a nonce would have to be fresh per response.
// Plain Node module: lib/cli/serve.ts runs it outside the react-server condition.
import { createHash } from "node:crypto";

// `<script …>…</script>` as the HTML parser sees it: the body runs to the first `</script`.
const scriptElement = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** The CSP source expressions ('sha256-…') of every inline script in `html`, each once. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = "", body = ""] of html.matchAll(scriptElement)) {
    if (/\ssrc\s*=/i.test(` ${attributes}`)) continue;
    hashes.add(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/**
 * The policy of an HTML page. Scripts: the app's own files and the page's inline scripts by hash,
 * never 'unsafe-inline'. Styles stay 'unsafe-inline' because React writes style attributes
 * (diagram geometry); a style cannot run code.
 */
export function pagePolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(" ")}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Everything that is not a page (JSON, feeds, files, downloads) may load and run nothing. */
export const resourcePolicy = "default-src 'none'; frame-ancestors 'none'; sandbox";
