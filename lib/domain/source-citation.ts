// Citing a provider's source: its public address, the date it was read, and a link into the section a
// service was transcribed from ("§2.1"). Pure and dependency-free: pages, exports and tests share it.
import { isWebUrl } from "./web-url";

/** "§2.1", "§ 2.1" or "2.1" → "2.1"; null when the section is not a numbered one. */
export function sourceSectionNumber(section: string | null | undefined): string | null {
  const match = /^\s*§?\s*(\d+(?:\.\d+)*)\s*$/.exec(section ?? "");
  return match ? match[1]! : null;
}

/**
 * A link to `section` within the source at `url`, or null when there is no web address or no numbered
 * section. Sources name their sections by number in the heading ("2.1 Virtual Private Servers (VPS)")
 * but give no anchors we could rely on, so the link is a text fragment (`#:~:text=2.1`) that browsers
 * scroll to and highlight; one that does not support them opens the page at the top.
 */
export function sourceSectionHref(url: string | null | undefined, section: string | null | undefined): string | null {
  if (!url || !isWebUrl(url)) return null;
  const number = sourceSectionNumber(section);
  if (!number) return null;
  const base = url.split("#")[0]!;
  return `${base}#:~:text=${encodeURIComponent(number)}`;
}

/** "read 2026-11-22" — the date as recorded (ISO dates stay ISO; a free-text date stays as written). */
export function retrievedPhrase(retrieved: string | null | undefined): string | null {
  const value = retrieved?.trim();
  return value ? `read ${value}` : null;
}
