import Link from "next/link";
import type { ReactNode } from "react";
import { AssignmentBadge } from "@/components/assignment/assignment-badge";
import { Card } from "@/components/ui/card";
import { PageLinks } from "@/components/ui/page-links";
import type { SearchMatchDto, SearchResultsDto } from "@/lib/validation/api";

type Segments = SearchMatchDto["snippet"];

/** Text with the query's words emphasised. */
function Marked({ segments }: { segments: Segments }) {
  return segments.map((segment, i) =>
    segment.match ? (
      <mark key={i} className="rounded-sm bg-amber-100 font-semibold text-slate-900">
        {segment.text}
      </mark>
    ) : (
      <span key={i}>{segment.text}</span>
    ),
  );
}

function Matches({ matches }: { matches: readonly SearchMatchDto[] }) {
  if (matches.length === 0) return null;
  return (
    <dl className="mt-1 space-y-0.5 text-slate-700">
      {matches.map((m, i) => (
        <div key={i}>
          <dt className="inline text-xs font-medium uppercase tracking-wide text-slate-600">{m.label}: </dt>
          <dd className="inline">
            <Marked segments={m.snippet} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function HitLink({ href, title }: { href: string; title: Segments }) {
  return (
    <Link className="font-medium text-blue-700 hover:underline" href={href}>
      <Marked segments={title} />
    </Link>
  );
}

function ResultGroup({
  title,
  first,
  shown,
  total,
  children,
}: {
  title: string;
  /** Hits on earlier pages. */
  first: number;
  shown: number;
  total: number;
  children: ReactNode;
}) {
  return (
    <Card className="p-4">
      <h3 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">
        {title}{" "}
        <span className="font-normal normal-case tracking-normal">
          ({shown < total ? `${first + 1}–${first + shown} of ${total}` : total})
        </span>
      </h3>
      <ul className="grid gap-x-6 gap-y-3 text-sm [overflow-wrap:anywhere] md:grid-cols-2">{children}</ul>
    </Card>
  );
}

/** The catalog search's hits: each links to its page (an area to its row) and shows what matched. */
export function SearchResults({
  query,
  results,
  page,
  perPage,
  pageHref,
}: {
  query: string;
  results: SearchResultsDto;
  /** Which page of hits this is, and how many of each kind a page lists (every kind is paged alike). */
  page: number;
  perPage: number;
  pageHref: (page: number) => string;
}) {
  const { totals } = results;
  const total = totals.providers + totals.services + totals.areas;
  const first = (page - 1) * perPage;
  const pageCount = Math.ceil(Math.max(totals.providers, totals.services, totals.areas) / perPage);
  return (
    <section aria-labelledby="search-results" className="mb-10">
      <h2 id="search-results" className="text-lg font-semibold text-slate-900" aria-live="polite">
        {total === 0 ? `No results for “${query}”` : `${total} ${total === 1 ? "result" : "results"} for “${query}”`}
      </h2>
      {results.corrections.map((c) => (
        <p key={c.word} className="mt-1 text-sm text-slate-600">
          {`Nothing matches “${c.word}” as typed; searched for ${c.alternatives.map((a) => `“${a}”`).join(" or ")} instead.`}
        </p>
      ))}
      {total === 0 ? (
        <p className="mt-1 text-sm text-slate-600">
          Every word must appear in a provider, service or area (its name, summary, duties or notes). Try fewer words.
        </p>
      ) : null}
      <div className="mt-3 space-y-4">
        {results.providers.length > 0 ? (
          <ResultGroup title="Providers" first={first} shown={results.providers.length} total={totals.providers}>
            {results.providers.map((p) => (
              <li key={p.slug}>
                <HitLink href={p.href} title={p.title} />
                <Matches matches={p.matches} />
              </li>
            ))}
          </ResultGroup>
        ) : null}
        {results.services.length > 0 ? (
          <ResultGroup title="Services" first={first} shown={results.services.length} total={totals.services}>
            {results.services.map((s) => (
              <li key={`${s.provider}/${s.slug}`}>
                <HitLink href={s.href} title={s.title} />{" "}
                <span className="text-slate-600">
                  <Marked segments={s.context} /> · {s.category}
                </span>
                <Matches matches={s.matches} />
              </li>
            ))}
          </ResultGroup>
        ) : null}
        {results.areas.length > 0 ? (
          <ResultGroup title="Responsibility areas" first={first} shown={results.areas.length} total={totals.areas}>
            {results.areas.map((a) => (
              <li key={`${a.provider}/${a.service ?? ""}/${a.key}`}>
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <HitLink href={a.href} title={a.title} />
                  <AssignmentBadge assignment={a.assignment} />
                </div>
                <div className="text-slate-600">
                  <Marked segments={a.context} />
                </div>
                <Matches matches={a.matches} />
              </li>
            ))}
          </ResultGroup>
        ) : null}
      </div>
      <PageLinks label="Search result pages" page={page} pageCount={pageCount} href={pageHref} />
    </section>
  );
}
