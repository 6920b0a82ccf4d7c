// Atom 1.0 (RFC 4287) serialization of a provider's changelog. Pure: the route handler gathers the
// versions and absolute URLs; everything here is text, escaped for XML.
import { createHash } from "node:crypto";

// Characters XML 1.0 does not allow at all (C0 controls other than tab, LF, CR; U+FFFE/U+FFFF;
// unpaired surrogates). They are dropped: escaping cannot make them legal.
const illegalXmlChars =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text safe inside an XML element or a quoted attribute. */
export function xmlEscape(text: string): string {
  return text.replace(illegalXmlChars, "").replace(/[&<>"']/g, (c) => entities[c]!);
}

/** Text safe inside HTML (the same five characters; `&apos;` is valid HTML5 too). */
export const htmlEscape = xmlEscape;

// Fixed namespace for Demarc's name-based UUIDs (a random UUID chosen once; never change it, or
// every feed reader sees every entry as new).
const namespace = Buffer.from("6f1c2b7e4d3a4e8f9b0a1c2d3e4f5a6b", "hex");

/**
 * A name-based UUID (RFC 9562 version 5: SHA-1 of namespace + name) as a `urn:uuid:` IRI. The same
 * name always gives the same id, so feed and entry ids stay stable without exposing database ids.
 */
export function nameUuidUrn(name: string): string {
  const hash = createHash("sha1").update(namespace).update(name, "utf8").digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The HTML body of an entry: the note, what changed as a list, and a link to the full comparison. */
export function entryContentHtml(options: { note: string; changes: readonly string[]; compareUrl: string | null }) {
  const note = options.note
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${htmlEscape(paragraph).replace(/\n/g, "<br>")}</p>`)
    .join("");
  const changes = options.changes.length
    ? `<p>What changed:</p><ul>${options.changes.map((line) => `<li>${htmlEscape(line)}</li>`).join("")}</ul>`
    : "";
  const link = options.compareUrl
    ? `<p><a href="${htmlEscape(options.compareUrl)}">Compare with the previous version</a></p>`
    : "";
  return note + changes + link;
}

export interface AtomEntryInput {
  id: string;
  title: string;
  updated: Date;
  /** Absolute URL of the entry's page. */
  link: string;
  /** Plain text. */
  summary: string;
  /** HTML, escaped here. */
  contentHtml: string;
}

export interface AtomFeedInput {
  id: string;
  title: string;
  subtitle: string;
  updated: Date;
  /** Absolute URL of the feed itself. */
  selfUrl: string;
  /** Absolute URL of the page the feed mirrors. */
  alternateUrl: string;
  author: string;
  entries: readonly AtomEntryInput[];
}

const element = (name: string, text: string, attributes = "") => `<${name}${attributes}>${xmlEscape(text)}</${name}>`;

export function renderAtomFeed(feed: AtomFeedInput): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  ${element("id", feed.id)}`,
    `  ${element("title", feed.title, ' type="text"')}`,
    `  ${element("subtitle", feed.subtitle, ' type="text"')}`,
    `  ${element("updated", feed.updated.toISOString())}`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(feed.alternateUrl)}"/>`,
    `  <author>${element("name", feed.author)}</author>`,
    `  ${element("generator", "Demarc")}`,
    ...feed.entries.flatMap((entry) => [
      "  <entry>",
      `    ${element("id", entry.id)}`,
      `    ${element("title", entry.title, ' type="text"')}`,
      `    ${element("updated", entry.updated.toISOString())}`,
      `    ${element("published", entry.updated.toISOString())}`,
      `    <link rel="alternate" type="text/html" href="${xmlEscape(entry.link)}"/>`,
      `    ${element("summary", entry.summary, ' type="text"')}`,
      `    ${element("content", entry.contentHtml, ' type="html"')}`,
      "  </entry>",
    ]),
    "</feed>",
    "",
  ];
  return lines.join("\n");
}
