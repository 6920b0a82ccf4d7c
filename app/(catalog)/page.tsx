import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { SearchForm } from "@/components/ui/search-form";
import { countProviders, listProviders } from "@/lib/providers/list-providers";
import { searchCatalog, searchHitLimit, searchQuerySchema } from "@/lib/search/search-catalog";
import { SearchResults } from "@/components/search/search-results";
import { LinkButton } from "@/components/ui/link-button";
import { getActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { clip, plural } from "@/lib/format";
import { PageLinks, pageNumber } from "@/components/ui/page-links";
import { getSubscribedServices, subscriptionKey } from "@/lib/subscriptions/get-subscribed-services";
import { SubscribedBadge } from "@/components/provider/subscribed-badge";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  description:
    "Search and browse cloud shared responsibility models: who does what — provider, customer, both or a third party — for every area of every service.",
};

/** Providers per catalog page: at a hundred providers the page stays small. */
const providersPerPage = 18;

type CatalogParams = { q?: string | string[]; page?: string | string[]; hits?: string | string[] };

export default async function CatalogPage({ searchParams }: { searchParams: Promise<CatalogParams> }) {
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q : undefined;
  const parsedQuery = q === undefined || q.trim() === "" ? null : searchQuerySchema.safeParse(q);
  const page = pageNumber(params.page);
  const hitsPage = pageNumber(params.hits);
  const actor = await getActor();
  const [providers, providerCount, results, subscriptions] = await Promise.all([
    listProviders({ actor, offset: (page - 1) * providersPerPage, limit: providersPerPage }),
    countProviders({ actor }),
    parsedQuery?.success ? searchCatalog({ actor, query: parsedQuery.data, page: hitsPage }) : Promise.resolve(null),
    getSubscribedServices({ actor }),
  ]);
  const pageCount = Math.ceil(providerCount / providersPerPage);
  const catalogHref = (next: { page?: number; hits?: number }) => {
    const query = new URLSearchParams();
    if (q) query.set("q", q);
    if (next.hits && next.hits > 1) query.set("hits", String(next.hits));
    if (next.page && next.page > 1) query.set("page", String(next.page));
    const text = query.toString();
    return text ? `/?${text}` : "/";
  };
  const subscribedCount = (provider: string) =>
    [...subscriptions].filter((key) => key.startsWith(subscriptionKey(provider, ""))).length;
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
      {results && parsedQuery?.success ? (
        <SearchResults
          query={parsedQuery.data}
          results={results}
          page={hitsPage}
          perPage={searchHitLimit}
          pageHref={(hits) => catalogHref({ hits, page })}
        />
      ) : null}
      <h2 className="sr-only">Providers</h2>
      {pageCount > 1 ? (
        <p className="mb-3 text-sm text-slate-600">
          {`Providers ${Math.min(providerCount, (page - 1) * providersPerPage + 1)}–${Math.min(providerCount, page * providersPerPage)} of ${providerCount}, by name`}
        </p>
      ) : null}
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
                <p className="mt-2 line-clamp-3 text-sm text-slate-600">{clip(p.summary, 160)}</p>
                <p className="mt-4 text-xs font-medium text-slate-500">
                  {p.serviceCount} {p.serviceCount === 1 ? "service" : "services"} · {p.areaCount} responsibility areas
                </p>
                {subscribedCount(p.slug) > 0 ? (
                  <SubscribedBadge className="mt-3">
                    {`Your organization subscribes to ${plural(subscribedCount(p.slug), "service")}`}
                  </SubscribedBadge>
                ) : null}
              </Link>
            </Card>
          </li>
        ))}
      </ul>
      {providers.length === 0 ? (
        <p className="text-slate-600">{providerCount === 0 ? "No providers yet." : "No providers on this page."}</p>
      ) : null}
      <PageLinks
        label="Provider pages"
        page={page}
        pageCount={pageCount}
        href={(next) => catalogHref({ page: next, hits: hitsPage })}
      />
    </>
  );
}
