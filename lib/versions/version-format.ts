// Pure helpers for the version pages and the Atom feed: parsing version numbers from URLs, choosing
// what a compare request means, restricting a document to what an actor may see, and labels.
import type { ProviderDocument } from "@/lib/validation/provider-document";

/** A version number as it appears in a URL: a positive integer without sign, leading zeros or decimals. */
export function parseVersionNumber(raw: unknown): number | null {
  if (typeof raw !== "string" || !/^[1-9][0-9]{0,8}$/.test(raw)) return null;
  return Number(raw);
}

/** The first characters of a SHA-256 content hash: enough to tell versions apart at a glance. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

/**
 * Who published, as shown to this reader. Staff (who may read drafts or edit the provider) see the
 * stored label (an email address or "system:seed"); everyone else sees no personal data.
 */
export function publisherLabel(publishedBy: string, reveal: boolean): string {
  if (reveal) return publishedBy;
  if (publishedBy === "system:seed") return "Initial import";
  return publishedBy.startsWith("system:") ? "Demarc operator" : "Demarc editor";
}

/**
 * A document as a reader sees it: of a private provider, a customer sees only the services their
 * organization subscribes to (`services`, by slug); null means every service.
 */
export function restrictDocument(document: ProviderDocument, services: ReadonlySet<string> | null): ProviderDocument {
  if (services === null) return document;
  return { ...document, services: document.services.filter((s) => services.has(s.slug)) };
}

export type Comparison =
  | { kind: "compare"; from: number; to: number }
  /** Nothing to show yet, or a request that cannot be answered: `message` says why. */
  | { kind: "message"; message: string; tone: "info" | "error"; from: number | null; to: number | null };

type Param = string | string[] | undefined;

function describeRange(numbers: readonly number[]): string {
  const sorted = [...numbers].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return "no versions";
  if (first === last) return `only version ${first}`;
  return sorted.length === last - first + 1
    ? `versions ${first}–${last}`
    : `versions ${sorted.slice(0, -1).join(", ")} and ${last}`;
}

/**
 * What `?from=&to=` asks for, given the versions that exist (any order). A missing `to` means the
 * newest version, a missing `from` the one before `to`; bad, unknown or equal numbers give a
 * message instead of a comparison.
 */
export function resolveComparison(params: { from?: Param; to?: Param }, available: readonly number[]): Comparison {
  const newestFirst = [...available].sort((a, b) => b - a);
  const newest = newestFirst[0];
  if (newest === undefined)
    return { kind: "message", tone: "info", message: "No version has been published yet.", from: null, to: null };
  const given = (p: Param) => (Array.isArray(p) ? p[0] : p)?.trim() || undefined;
  const rawFrom = given(params.from);
  const rawTo = given(params.to);

  const to = rawTo === undefined ? newest : parseVersionNumber(rawTo);
  if (to === null)
    return {
      kind: "message",
      tone: "error",
      message: `“${rawTo}” is not a version number. Choose two versions from the lists.`,
      from: null,
      to: null,
    };
  const from = rawFrom === undefined ? (newestFirst.find((n) => n < to) ?? null) : parseVersionNumber(rawFrom);
  if (from === null) {
    if (rawFrom !== undefined)
      return {
        kind: "message",
        tone: "error",
        message: `“${rawFrom}” is not a version number. Choose two versions from the lists.`,
        from: null,
        to,
      };
    return {
      kind: "message",
      tone: "info",
      message:
        newestFirst.length === 1
          ? "Only one version has been published, so there is nothing to compare yet."
          : `Version ${to} is the first version; choose an earlier and a later version to compare.`,
      from: null,
      to,
    };
  }
  const unknown = [from, to].filter((n) => !available.includes(n));
  if (unknown.length)
    return {
      kind: "message",
      tone: "error",
      message: `There is no version ${[...new Set(unknown)].join(" or ")}; this provider has ${describeRange(available)}.`,
      from,
      to,
    };
  if (from === to)
    return {
      kind: "message",
      tone: "error",
      message: `Both sides are version ${from}. Choose two different versions to compare.`,
      from,
      to,
    };
  return { kind: "compare", from, to };
}

/** Diff layouts of the compare page (`?view=`). */
export type DiffLayout = "inline" | "split";

export function parseDiffLayout(raw: Param): DiffLayout {
  return (Array.isArray(raw) ? raw[0] : raw) === "split" ? "split" : "inline";
}

/** The compare page's URL for two versions (and a layout; inline is the default and stays implicit). */
export function compareHref(provider: string, from: number, to: number, layout: DiffLayout = "inline"): string {
  const query = new URLSearchParams({ from: String(from), to: String(to) });
  if (layout === "split") query.set("view", "split");
  return `/providers/${encodeURIComponent(provider)}/versions/compare?${query.toString()}`;
}

export function versionHref(provider: string, number: number): string {
  return `/providers/${encodeURIComponent(provider)}/versions/${number}`;
}

export function feedHref(provider: string): string {
  return `/providers/${encodeURIComponent(provider)}/changelog.atom`;
}
