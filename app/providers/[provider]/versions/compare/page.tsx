import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ExportMenu } from "@/components/exports/export-menu";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { CompareForm } from "@/components/versions/compare-form";
import { DiffView } from "@/components/versions/diff-view";
import { formatDateTime } from "@/lib/format";
import { getActor } from "@/lib/auth/current-actor";
import { diffProviderDocuments } from "@/lib/model/diff";
import { versionDiffExportChoices } from "@/lib/exports/export-formats";
import {
  compareHref,
  parseDiffLayout,
  resolveComparison,
  versionHref,
  type DiffLayout,
} from "@/lib/versions/version-format";
import { getScopedDocuments, listVersionHistory } from "@/lib/versions/version-history";

export const dynamic = "force-dynamic";

type Param = string | string[] | undefined;
type Props = {
  params: Promise<{ provider: string }>;
  searchParams: Promise<{ from?: Param; to?: Param; view?: Param }>;
};

const loadHistory = cache(async (provider: string) => listVersionHistory({ actor: await getActor(), provider }));

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const data = await loadHistory((await params).provider);
  if (!data) return { title: "Not found" };
  const comparison = resolveComparison(
    await searchParams,
    data.versions.map((v) => v.number),
  );
  const name = data.scope.provider.name;
  return {
    title:
      comparison.kind === "compare"
        ? `Version ${comparison.from} → ${comparison.to} — ${name}`
        : `Compare versions — ${name}`,
    description:
      comparison.kind === "compare"
        ? `What changed in the ${name} shared responsibility model from version ${comparison.from} to version ${comparison.to}, place by place.`
        : `Choose two published versions of the ${name} shared responsibility model to see what changed between them.`,
  };
}

export default async function CompareVersionsPage({ params, searchParams }: Props) {
  const { provider: slug } = await params;
  const query = await searchParams;
  const layout = parseDiffLayout(query.view);
  const history = await loadHistory(slug);
  if (!history) notFound();
  const comparison = resolveComparison(
    query,
    history.versions.map((v) => v.number),
  );
  const documents =
    comparison.kind === "compare"
      ? await getScopedDocuments({ scope: history.scope, numbers: [comparison.from, comparison.to] })
      : null;
  const from = comparison.kind === "compare" ? documents?.get(comparison.from) : undefined;
  const to = comparison.kind === "compare" ? documents?.get(comparison.to) : undefined;
  const { provider } = history.scope;

  const layoutLink = (target: DiffLayout, label: string) =>
    from && to ? (
      <Link
        href={compareHref(provider.slug, from.number, to.number, target)}
        aria-current={layout === target ? "true" : undefined}
        className={`rounded-md px-3 py-1 ${
          layout === target ? "bg-slate-900 font-medium text-white" : "text-slate-700 hover:bg-slate-100"
        }`}
      >
        {label}
      </Link>
    ) : null;

  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", label: "Catalog" },
          { href: `/providers/${provider.slug}`, label: provider.name },
          { href: `/providers/${provider.slug}/versions`, label: "History" },
          { label: "Compare" },
        ]}
      />
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
        {from && to
          ? `${provider.name}: version ${from.number} → ${to.number}`
          : `Compare versions of ${provider.name}`}
      </h1>

      <div className="mt-4">
        {history.versions.length > 0 ? (
          <CompareForm
            provider={provider.slug}
            versions={history.versions}
            from={comparison.from}
            to={comparison.to}
            layout={layout}
          />
        ) : null}
      </div>

      {comparison.kind === "message" ? (
        <p
          role={comparison.tone === "error" ? "alert" : "status"}
          className={`mt-6 max-w-3xl rounded-lg border px-4 py-3 text-sm ${
            comparison.tone === "error"
              ? "border-red-300 bg-red-50 text-red-900"
              : "border-slate-200 bg-slate-50 text-slate-700"
          }`}
        >
          {comparison.message}
        </p>
      ) : null}

      {from && to ? (
        <>
          <div className="mt-4 flex">
            <ExportMenu
              href={`/api/v1/providers/${encodeURIComponent(provider.slug)}/versions/compare/export`}
              params={{ from: String(from.number), to: String(to.number) }}
              formats={versionDiffExportChoices}
            />
          </div>
          <div className="mt-6 grid gap-3 text-sm sm:grid-cols-2">
            {[
              { side: "Before", v: from },
              { side: "After", v: to },
            ].map(({ side, v }) => (
              <div key={side} className="rounded-lg border border-slate-200 bg-white p-3">
                <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{side}</p>
                <p className="mt-1 font-medium text-slate-900">
                  <Link href={versionHref(provider.slug, v.number)} className="hover:underline">
                    Version {v.number}
                  </Link>{" "}
                  <span className="font-normal text-slate-600">· {formatDateTime(v.publishedAt)}</span>
                </p>
                <p className="mt-1 text-slate-600">
                  Published by <span className="text-slate-900">{v.publisher}</span>
                </p>
                <p className="mt-1 whitespace-pre-line text-slate-700">
                  <span className="font-medium text-slate-900">Changelog note: </span>
                  {v.note}
                </p>
              </div>
            ))}
          </div>
          {from.number > to.number ? (
            <p className="mt-3 text-sm text-amber-800">
              You are comparing a newer version with an older one: “added” means only in version {to.number}.{" "}
              <Link className="underline" href={compareHref(provider.slug, to.number, from.number, layout)}>
                Swap
              </Link>
            </p>
          ) : null}
          <nav
            aria-label="Diff layout"
            className="no-print mt-6 inline-flex gap-1 rounded-lg border border-slate-200 bg-white p-1 text-sm"
          >
            {layoutLink("inline", "Inline")}
            {layoutLink("split", "Side by side")}
          </nav>
          <div className="mt-4">
            <DiffView
              diff={diffProviderDocuments(from.document, to.document)}
              before={from.document}
              after={to.document}
              layout={layout}
              beforeLabel={`Version ${from.number}`}
              afterLabel={`Version ${to.number}`}
              serviceHref={(service) => `${versionHref(provider.slug, to.number)}/services/${service}`}
            />
          </div>
        </>
      ) : null}
    </>
  );
}
