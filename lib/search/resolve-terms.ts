// Turns a query's terms into the tsqueries the search runs: each term exactly (a phrase keeps its
// word order), the last word also as a prefix while it is being typed, and a word found nowhere the
// reader may look replaced by the visible words that resemble it (trigram similarity: typos such as
// "backpu", and parts of words such as "snapsh" anywhere in the query).
import "server-only";
import type { Database } from "@/lib/database/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { isNearMiss, type SearchTerm } from "./search-query";
import { lexemeQuery, matchesVisibleContent, searchConfig, visibleCatalog, type SearchScope } from "./search-sql";

export interface ResolvedTerm {
  word: string;
  /** tsquery text. */
  query: string;
  /** Visible words standing in for a word found nowhere; empty when the word itself matched. */
  alternatives: string[];
}

/** Words the trigram index offers per word; those that are near misses (isNearMiss) … */
const candidateLimit = 30;
/** … and occur in visible content are searched for, at most this many. */
const alternativeLimit = 5;
/** Shorter words have too few trigrams to resemble anything meaningfully. */
const minFuzzyLength = 3;

interface TermRow {
  ord: number;
  query: string;
  lexeme: string | null;
  /** Whether any row, visible or not, holds the lexeme (typed last: a word it begins); null for phrases. */
  known: boolean | null;
}

/** Terms without lexemes are dropped; an empty result means the query can match nothing. */
export async function resolveTerms(options: {
  db: Database;
  scope: SearchScope;
  terms: readonly SearchTerm[];
}): Promise<ResolvedTerm[]> {
  const { db, scope, terms } = options;
  if (terms.length === 0) return [];
  const last = terms.length;
  const prefixable = !terms[last - 1]!.phrase;
  // Parsing only: each term's tsquery becomes a constant of the statements below, so their plans can
  // use the GIN indexes (a tsquery computed per row would make them scan every area).
  const rows = await db.$queryRaw<TermRow[]>`
    WITH typed AS (
      SELECT t.ord::int AS ord, t.text, phraseto_tsquery(${searchConfig}, t.text) AS exact
      FROM unnest(${terms.map((t) => t.text)}::text[]) WITH ORDINALITY AS t(text, ord)
    ),
    single AS (
      SELECT typed.*, ord = ${last}::int AND ${prefixable}::boolean AND numnode(exact) = 1 AS prefix,
             CASE WHEN numnode(exact) = 1
               THEN (SELECT v.lexeme FROM unnest(to_tsvector(${searchConfig}, text)) v LIMIT 1) END AS lexeme
      FROM typed WHERE numnode(exact) > 0
    )
    SELECT ord, lexeme,
           (CASE WHEN prefix THEN (exact::text || ':*')::tsquery ELSE exact END)::text AS query,
           CASE WHEN lexeme IS NOT NULL THEN EXISTS (
             SELECT 1 FROM "SearchWord" w
             WHERE w."word" = lexeme
                OR (prefix AND w."word" LIKE replace(replace(replace(lexeme, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')
           ) END AS known
    FROM single ORDER BY ord`;

  const resolved: ResolvedTerm[] = [];
  for (const row of rows) {
    const word = terms[row.ord - 1]!.word;
    // The word list tells cheaply that a word occurs nowhere (where EXISTS would scan every area);
    // otherwise look in what the reader may see.
    const found = row.known !== false && (await isVisible({ db, scope, query: row.query }));
    if (found || row.lexeme === null || [...row.lexeme].length < minFuzzyLength) {
      resolved.push({ word, query: row.query, alternatives: [] });
      continue;
    }
    const alternatives = await nearMisses({ db, scope, lexeme: row.lexeme });
    const query = [row.query, ...alternatives.map((a) => a.query)].map((q) => `(${q})`).join(" | ");
    resolved.push({ word, query, alternatives: alternatives.map((a) => a.word) });
  }
  return resolved;
}

/** Whether the tsquery matches something the reader may see. */
async function isVisible(options: { db: Database; scope: SearchScope; query: string }): Promise<boolean> {
  const [row] = await options.db.$queryRaw<{ found: boolean }[]>`
    WITH ${visibleCatalog(options.scope)}
    SELECT ${matchesVisibleContent(Prisma.sql`${options.query}::tsquery`)} AS found`;
  return row?.found ?? false;
}

/** Words resembling the lexeme, or holding it, that occur in what the reader may see; best first. */
async function nearMisses(options: { db: Database; scope: SearchScope; lexeme: string }) {
  const { db, lexeme } = options;
  const candidates = await db.$queryRaw<{ word: string; query: string }[]>`
    SELECT c."word", c.query::text AS query FROM (
      SELECT w."word", ${lexemeQuery(Prisma.sql`w."word"`)} AS query,
             greatest(similarity(w."word", ${lexeme}), word_similarity(${lexeme}, w."word")) AS score
      FROM "SearchWord" w
      WHERE (w."word" % ${lexeme} OR ${lexeme} <% w."word") AND w."word" <> ${lexeme}
    ) c ORDER BY c.score DESC, c."word" LIMIT ${candidateLimit}::int`;
  const visible: { word: string; query: string }[] = [];
  for (const candidate of candidates.filter((c) => isNearMiss(lexeme, c.word))) {
    if (visible.length === alternativeLimit) break;
    if (await isVisible({ db, scope: options.scope, query: candidate.query })) visible.push(candidate);
  }
  return visible;
}
