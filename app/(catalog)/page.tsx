import Link from "next/link";
import { AssignmentBadge } from "@/components/assignment/assignment-badge";
import { Card } from "@/components/ui/card";
import { SearchForm } from "@/components/ui/search-form";
import { listProviders } from "@/lib/providers/list-providers";
import { searchCatalog, searchQuerySchema, type SearchResults } from "@/lib/search/search-catalog";
import { LinkButton } from "@/components/ui/link-button";
import { getActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

export default async function CatalogPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const raw = (await searchParams).q;
  const q = typeof raw === "string" ? raw : undefined;
  const parsedQuery = q === undefined || q.trim() === "" ? null : searchQuerySchema.safeParse(q);
  const actor = await getActor();
  const [providers, results] = await Promise.all([
    listProviders({ actor }),
    parsedQuery?.success ? searchCatalog({ actor, query: parsedQuery.data }) : Promise.resolve(null),
  ]);
  return (
    <>
      <div className="mb-8">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Shared responsibility models</h1>
          {can(actor, "create:provider") ? <LinkButton href="/providers/new">New provider</LinkButton> : null}
        </div>
        <p className="mt-2 max-w-2xl text-slate-600">
          Who does what — the provider, you, both, or a third party — for every area of every cloud service, transcribed
          from each provider&apos;s own documents.
        </p>
        <div className="mt-6">
          <SearchForm
            defaultValue={q}
            error={parsedQuery && !parsedQuery.success ? parsedQuery.error.issues[0]?.message : undefined}
          />
        </div>
      </div>
      {results && parsedQuery?.success ? <SearchResultsList query={parsedQuery.data} results={results} /> : null}
      <h2 className="sr-only">Providers</h2>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Providers">
        {providers.map((p) => (
          <li key={p.slug}>
            <Card className="h-full transition hover:border-slate-300 hover:shadow-md">
              <Link href={`/providers/${p.slug}`} className="block h-full p-5">
                <div className="flex items-center gap-3">
                  <span aria-hidden="true" className="size-3 rounded-full" style={{ backgroundColor: p.brandColor }} />
                  <h3 className="font-semibold text-slate-900">{p.name}</h3>
                  {p.published ? null : (
                    <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
                      Draft only
                    </span>
                  )}
                </div>
                <p className="mt-2 line-clamp-3 text-sm text-slate-600">{p.summary}</p>
                <p className="mt-4 text-xs font-medium text-slate-500">
                  {p.serviceCount} {p.serviceCount === 1 ? "service" : "services"} · {p.areaCount} responsibility areas
                </p>
              </Link>
            </Card>
          </li>
        ))}
      </ul>
      {providers.length === 0 ? <p className="text-slate-600">No providers yet.</p> : null}
    </>
  );
}

function SearchResultsList({ query, results }: { query: string; results: SearchResults }) {
  const total = results.providers.length + results.services.length + results.areas.length;
  return (
    <section aria-labelledby="search-results" className="mb-10">
      <h2 id="search-results" className="text-lg font-semibold text-slate-900" aria-live="polite">
        {total === 0 ? `No results for “${query}”` : `${total} results for “${query}”`}
      </h2>
      <div className="mt-3 grid gap-6 lg:grid-cols-3">
        {results.providers.length > 0 ? (
          <ResultGroup title="Providers">
            {results.providers.map((p) => (
              <li key={p.slug}>
                <Link className="font-medium text-blue-700 hover:underline" href={`/providers/${p.slug}`}>
                  {p.name}
                </Link>
              </li>
            ))}
          </ResultGroup>
        ) : null}
        {results.services.length > 0 ? (
          <ResultGroup title="Services">
            {results.services.map((s) => (
              <li key={`${s.provider}/${s.slug}`}>
                <Link
                  className="font-medium text-blue-700 hover:underline"
                  href={`/providers/${s.provider}/services/${s.slug}`}
                >
                  {s.name}
                </Link>{" "}
                <span className="text-slate-500">
                  {s.providerName} · {s.category}
                </span>
              </li>
            ))}
          </ResultGroup>
        ) : null}
        {results.areas.length > 0 ? (
          <ResultGroup title="Responsibility areas">
            {results.areas.map((a, i) => (
              <li key={`${a.provider}/${a.service}/${a.name}/${i}`}>
                <div className="flex flex-wrap items-center gap-2">
                  <Link
                    className="font-medium text-blue-700 hover:underline"
                    href={
                      a.service
                        ? `/providers/${a.provider}/services/${a.service}`
                        : `/providers/${a.provider}#cross-cutting`
                    }
                  >
                    {a.name}
                  </Link>
                  <AssignmentBadge assignment={a.assignment} />
                </div>
                <div className="text-slate-500">
                  {a.providerName} · {a.serviceName ?? "All services"}
                </div>
                {a.matchedDuty ? <div className="text-slate-600">“{a.matchedDuty}”</div> : null}
              </li>
            ))}
          </ResultGroup>
        ) : null}
      </div>
    </section>
  );
}

function ResultGroup({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card className="p-4">
      <h3 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      <ul className="space-y-2 text-sm">{children}</ul>
    </Card>
  );
}
