// The catalog search over an already visibility-filtered catalog. Pure. Every query word must occur
// in a hit's own text or in the names of what it belongs to ("vps backup" finds VPS's backup
// area), and at least one word in its own text, so "danubedata" lists the provider rather than
// every area of it. Each hit says which fields matched, with the words marked in a short excerpt.
import { areaHref, providerHref, serviceHref } from "@/lib/domain/area-anchor";
import type { AssignmentValue } from "@/lib/domain/assignment";
import type { serviceCategories } from "@/lib/domain/vocabulary";
import type { SearchMatchDto, SearchResultsDto } from "@/lib/validation/api";
import { matchText, segmentText, snippet, type TextMatch, type TextSegment } from "./search-text";

export interface SearchableCatalog {
  /** In display order. */
  providers: { slug: string; name: string; summary: string }[];
  /** In display order (by provider, then position). */
  services: {
    provider: string;
    slug: string;
    name: string;
    summary: string;
    category: (typeof serviceCategories)[number];
  }[];
  /** In display order (by provider, cross-cutting first, then service and position). */
  areas: {
    provider: string;
    /** Null for a cross-cutting area. */
    service: string | null;
    key: string;
    name: string;
    assignment: AssignmentValue;
    notes: string | null;
    references: { framework: string; control: string }[];
    /** Each party's duties with the party's name. */
    duties: { party: string; text: string }[];
  }[];
}

/** Hits listed per kind; the totals say how many more there were. */
export const searchHitLimit = 50;

/** Excerpts shown per hit besides its name. */
const maxMatchesShown = 2;

interface Field {
  field: SearchMatchDto["field"];
  label: string;
  text: string;
}

interface Evaluated {
  title: TextSegment[];
  matches: SearchMatchDto[];
  /** Query words in the hit's name: hits named after the query come first. */
  wordsInName: number;
}

const union = (matches: readonly TextMatch[]) => new Set(matches.flatMap((m) => [...m.words]));

/**
 * Whether a thing is a hit, and how to show it: its name marked, then the fewest fields (at most
 * two) that show the query words its name does not hold.
 */
function evaluate(
  words: readonly string[],
  named: { name: string; slug?: string },
  fields: readonly Field[],
  context: readonly TextMatch[],
): Evaluated | null {
  const nameMatch = matchName(named, words);
  const fieldMatches = fields.map((f) => matchText(f.text, words));
  const own = union([nameMatch, ...fieldMatches]);
  if (own.size === 0) return null;
  const all = new Set([...own, ...union(context)]);
  if (all.size < words.length) return null;

  const covered = new Set([...nameMatch.words, ...union(context)]);
  const shown = new Set<number>();
  const matches: SearchMatchDto[] = [];
  while (matches.length < maxMatchesShown) {
    let best = -1;
    let bestGain = 0;
    fieldMatches.forEach((m, i) => {
      if (shown.has(i)) return;
      const gain = [...m.words].filter((w) => !covered.has(w)).length;
      if (gain > bestGain) [best, bestGain] = [i, gain];
    });
    if (best === -1) break;
    shown.add(best);
    for (const w of fieldMatches[best]!.words) covered.add(w);
    const { field, label, text } = fields[best]!;
    matches.push({ field, label, snippet: snippet(text, fieldMatches[best]!.ranges) });
  }
  return { title: segmentText(named.name, nameMatch.ranges), matches, wordsInName: nameMatch.words.size };
}

/** A name, and the slug in its address ("vps" for Virtual Private Servers), which counts as part of it. */
function matchName(named: { name: string; slug?: string }, words: readonly string[]): TextMatch {
  const match = matchText(named.name, words);
  if (named.slug === undefined) return match;
  return { words: new Set([...match.words, ...matchText(named.slug, words).words]), ranges: match.ranges };
}

const separator: TextSegment = { text: " · ", match: false };

export function matchCatalog(catalog: SearchableCatalog, words: readonly string[]): SearchResultsDto {
  const empty = { words: [...words], providers: [], services: [], areas: [] };
  if (words.length === 0) return { ...empty, totals: { providers: 0, services: 0, areas: 0 } };

  const providerNames = new Map(catalog.providers.map((p) => [p.slug, p.name]));
  const serviceNames = new Map(catalog.services.map((s) => [`${s.provider}/${s.slug}`, s.name]));
  const nameMatches = new Map<string, TextMatch>();
  const contextMatch = (key: string, named: { name: string; slug: string }) => {
    let match = nameMatches.get(key);
    if (!match) nameMatches.set(key, (match = matchName(named, words)));
    return match;
  };

  const providers: SearchResultsDto["providers"] = [];
  for (const p of catalog.providers) {
    const fields: Field[] = [{ field: "summary", label: "Summary", text: p.summary }];
    const hit = evaluate(words, p, fields, []);
    if (hit) providers.push({ slug: p.slug, href: providerHref(p.slug), name: p.name, ...hitView(hit) });
  }

  const services: SearchResultsDto["services"] = [];
  for (const s of catalog.services) {
    const providerName = providerNames.get(s.provider) ?? s.provider;
    const providerMatch = contextMatch(`p:${s.provider}`, { name: providerName, slug: s.provider });
    const fields: Field[] = [
      { field: "summary", label: "Summary", text: s.summary },
      { field: "category", label: "Category", text: s.category },
    ];
    const hit = evaluate(words, s, fields, [providerMatch]);
    if (!hit) continue;
    services.push({
      slug: s.slug,
      provider: s.provider,
      providerName,
      category: s.category,
      href: serviceHref(s.provider, s.slug),
      name: s.name,
      context: segmentText(providerName, providerMatch.ranges),
      ...hitView(hit),
    });
  }

  const areaHits: (SearchResultsDto["areas"][number] & { rank: number })[] = [];
  for (const a of catalog.areas) {
    const providerName = providerNames.get(a.provider) ?? a.provider;
    const serviceName = a.service === null ? null : (serviceNames.get(`${a.provider}/${a.service}`) ?? a.service);
    const providerMatch = contextMatch(`p:${a.provider}`, { name: providerName, slug: a.provider });
    const serviceMatch =
      a.service === null || serviceName === null
        ? null
        : contextMatch(`s:${a.provider}/${a.service}`, { name: serviceName, slug: a.service });
    const fields: Field[] = [
      ...a.duties.map((d): Field => ({ field: "duty", label: `${d.party} duty`, text: d.text })),
      ...(a.notes ? [{ field: "notes", label: "Notes", text: a.notes } as const] : []),
      ...a.references.map((r): Field => ({
        field: "reference",
        label: "Framework control",
        text: `${r.framework} ${r.control}`,
      })),
    ];
    const hit = evaluate(
      words,
      { name: a.name },
      fields,
      serviceMatch ? [providerMatch, serviceMatch] : [providerMatch],
    );
    if (!hit) continue;
    areaHits.push({
      key: a.key,
      provider: a.provider,
      providerName,
      service: a.service,
      serviceName,
      assignment: a.assignment,
      href: areaHref({ provider: a.provider, service: a.service, area: a.key }),
      name: a.name,
      context: [
        ...segmentText(providerName, providerMatch.ranges),
        separator,
        ...(serviceMatch && serviceName !== null
          ? segmentText(serviceName, serviceMatch.ranges)
          : [{ text: "all services", match: false }]),
      ],
      ...hitView(hit),
      rank: hit.wordsInName,
    });
  }
  // Stable sort: within the same rank the catalog's order stays.
  areaHits.sort((a, b) => b.rank - a.rank);
  const areas = areaHits.map(({ rank: _rank, ...hit }) => hit);

  return {
    words: [...words],
    providers: providers.slice(0, searchHitLimit),
    services: services.slice(0, searchHitLimit),
    areas: areas.slice(0, searchHitLimit),
    totals: { providers: providers.length, services: services.length, areas: areas.length },
  };
}

function hitView(hit: Evaluated) {
  return { title: hit.title, matches: hit.matches };
}
