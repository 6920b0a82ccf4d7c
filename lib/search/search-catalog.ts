// The catalog search, in the database. Text is indexed in generated tsvector columns (GIN) of
// providers, services and areas, with the `demarc_search` configuration (migration
// `full_text_search`: 'simple', accents removed); the words of all of them are kept in "SearchWord"
// with a trigram index. A query runs in two steps:
//  1. resolve-terms.ts: each term becomes a tsquery: exact (a quoted phrase in order), the last word
//     also as a prefix, and a word found nowhere the reader may look replaced by resembling visible
//     words (trigram similarity: typos and parts of words).
//  2. search-named-hits.ts and search-areas.ts: every term must match (in any order, across a hit's
//     own text and the names of what it belongs to), ranked by ts_rank plus the trigram similarity of
//     the hit's name to the query, counted, cut to the first hits, and highlighted by ts_headline.
// Both steps filter by the actor's visibility inside the SQL (search-sql.ts), so hidden content is
// never read, ranked, counted or suggested. The terms are ANDed by hand rather than with
// websearch_to_tsquery because each term may be widened (prefix, near misses) and may be matched by a
// service's or provider's name instead of the area's own text.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/permissions";
import type { Database } from "@/lib/database/client";
import { getDb } from "@/lib/db";
import { searchResultsDto, type SearchResultsDto } from "@/lib/validation/api";
import { resolveTerms } from "./resolve-terms";
import { searchAreas } from "./search-areas";
import { searchProviders, searchServices, type HitSearch } from "./search-named-hits";
import { searchTerms } from "./search-query";
import { searchScope } from "./search-sql";

export const searchQuerySchema = z
  .string()
  .trim()
  .min(2, "Type at least 2 characters")
  .max(100, "Use at most 100 characters");

/** Hits listed per kind on a page of results; the totals say how many there are. */
export const searchHitLimit = 20;

/**
 * Searches the providers, services and areas (names, summaries, duties, notes, framework controls)
 * the actor may see for every word of the query, in any order.
 */
export async function searchCatalog(options: {
  actor: Actor;
  query: string;
  db?: Database;
  /** Hits per kind (default 20). */
  limit?: number;
  /** Which page of hits, from 1. */
  page?: number;
}): Promise<SearchResultsDto> {
  const db = options.db ?? getDb();
  const terms = searchTerms(options.query);
  const scope = searchScope(options.actor);
  const resolved = await resolveTerms({ db, scope, terms });
  const words = terms.map((t) => t.word);
  const corrections = resolved
    .filter((t) => t.alternatives.length > 0)
    .map((t) => ({ word: t.word, alternatives: t.alternatives }));
  if (resolved.length === 0)
    return searchResultsDto.parse({
      words,
      corrections,
      providers: [],
      services: [],
      areas: [],
      totals: { providers: 0, services: 0, areas: 0 },
    });
  const search: HitSearch = {
    db,
    scope,
    queries: resolved.map((t) => t.query),
    text: options.query,
    limit: options.limit ?? searchHitLimit,
    offset: ((options.page ?? 1) - 1) * (options.limit ?? searchHitLimit),
  };
  const [providers, services, areas] = await Promise.all([
    searchProviders(search),
    searchServices(search),
    searchAreas(search),
  ]);
  return searchResultsDto.parse({
    words,
    corrections,
    providers: providers.hits,
    services: services.hits,
    areas: areas.hits,
    totals: { providers: providers.total, services: services.total, areas: areas.total },
  });
}
