// Pieces of pages' <head> metadata shared by several pages. Pure.
import type { Metadata } from "next";
import { feedHref } from "@/lib/versions/version-format";

/** Search engines show about this many characters of a description. */
const descriptionLength = 160;

/** A meta description from free text: one line, cut at a word with "…" when longer than ~160 characters. */
export function metaDescription(text: string, maxLength = descriptionLength): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= maxLength) return line;
  const cut = line.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, "")}…`;
}

/** Announces a provider's Atom changelog to browsers and feed readers (`<link rel="alternate">`). */
export function changelogFeedAlternates(provider: { slug: string; name: string }): Metadata["alternates"] {
  return {
    types: { "application/atom+xml": [{ url: feedHref(provider.slug), title: `${provider.name} changelog` }] },
  };
}
