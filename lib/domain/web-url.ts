// Which links Demarc stores and hands out: web addresses only. A `javascript:` or `data:` link in
// the API would be live in any consumer that renders it, so such values are refused on input and
// never leave the server. Pure and dependency-free: client components use it too.

const webProtocols = new Set(["https:", "http:"]);

/** An absolute http(s) address with a host; with `mailto`, also a mailto: link. */
export function isWebUrl(value: string, options: { mailto?: boolean } = {}): boolean {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return false;
  }
  if (options.mailto && url.protocol === "mailto:") return url.pathname.includes("@");
  return webProtocols.has(url.protocol) && url.hostname !== "";
}

export const webUrlMessage = "Use a web address that starts with https:// or http://";
export const contactLinkMessage = "Use a link that starts with https://, http:// or mailto:";
