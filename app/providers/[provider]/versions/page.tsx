import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { LinkButton } from "@/components/ui/link-button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHeader } from "@/components/ui/table";
import { CompareForm } from "@/components/versions/compare-form";
import { formatDateTime } from "@/lib/format";
import { getActor } from "@/lib/auth/current-actor";
import { listVersionHistory } from "@/lib/versions/version-history";
import { compareHref, feedHref, shortHash, versionHref } from "@/lib/versions/version-format";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ provider: string }> };

const load = cache(async (provider: string) => listVersionHistory({ actor: await getActor(), provider }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await load((await params).provider);
  if (!data) return { title: "Not found" };
  const { slug, name } = data.scope.provider;
  return {
    title: `History — ${name}`,
    description: `Published versions of the ${name} shared responsibility model, with changelog notes and content hashes; compare any two, or follow the Atom feed.`,
    alternates: { types: { "application/atom+xml": [{ url: feedHref(slug), title: `${name} changelog` }] } },
  };
}

export default async function VersionsPage({ params }: Props) {
  const data = await load((await params).provider);
  if (!data) notFound();
  const { provider } = data.scope;
  const { versions } = data;
  const latest = versions[0]?.number;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", label: "Catalog" },
          { href: `/providers/${provider.slug}`, label: provider.name },
          { label: "History" },
        ]}
      />
      <header className="border-l-4 pl-4" style={{ borderColor: provider.brandColor }}>
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">History of {provider.name}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          Every published version of this responsibility model, newest first. Published versions never change: open one
          to see the model as it was, or compare two to see what changed.
        </p>
        <div className="no-print mt-4 flex flex-wrap gap-3 text-sm">
          <LinkButton raw href={feedHref(provider.slug)}>
            <span aria-hidden="true" className="mr-1.5 text-orange-600">
              ◉
            </span>
            Atom feed
          </LinkButton>
        </div>
      </header>

      {versions.length > 1 ? (
        <section aria-labelledby="compare" className="mt-8">
          <h2 id="compare" className="mb-3 text-lg font-semibold text-slate-900">
            Compare two versions
          </h2>
          <CompareForm provider={provider.slug} versions={versions} from={null} to={null} />
        </section>
      ) : null}

      <section aria-labelledby="versions" className="mt-8">
        <h2 id="versions" className="mb-3 text-lg font-semibold text-slate-900">
          Versions
        </h2>
        {versions.length === 0 ? (
          <p className="text-sm text-slate-600">No version has been published yet.</p>
        ) : (
          <Table cards caption={`Published versions of ${provider.name}, newest first`}>
            <TableHeader>
              <TableRow>
                <TableHead>Version</TableHead>
                <TableHead>Published</TableHead>
                <TableHead>By</TableHead>
                <TableHead>Changelog note</TableHead>
                <TableHead>Content hash</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {versions.map((v, i) => {
                const previous = versions[i + 1];
                return (
                  <TableRow key={v.number}>
                    <TableRowHeader className="whitespace-nowrap">
                      Version {v.number}
                      {v.number === latest ? (
                        <>
                          {" "}
                          <span className="ml-1 rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-900">
                            current
                          </span>
                        </>
                      ) : null}
                    </TableRowHeader>
                    <TableCell label="Published" className="whitespace-nowrap text-slate-700">
                      <time dateTime={v.publishedAt.toISOString()}>{formatDateTime(v.publishedAt)}</time>
                    </TableCell>
                    <TableCell label="By" className="text-slate-700">
                      {v.publisher}
                    </TableCell>
                    <TableCell label="Changelog note" className="max-w-xl whitespace-pre-line text-slate-800">
                      {v.note}
                    </TableCell>
                    <TableCell label="Content hash">
                      <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700" title={v.contentHash}>
                        {shortHash(v.contentHash)}
                      </code>
                    </TableCell>
                    <TableCell className="whitespace-nowrap">
                      <div className="flex gap-3">
                        <Link
                          href={versionHref(provider.slug, v.number)}
                          className="font-medium text-blue-700 underline hover:no-underline"
                        >
                          View<span className="sr-only"> version {v.number}</span>
                        </Link>
                        {previous ? (
                          <Link
                            href={compareHref(provider.slug, previous.number, v.number)}
                            className="font-medium text-blue-700 underline hover:no-underline"
                          >
                            Compare with previous
                            <span className="sr-only">
                              {" "}
                              (version {previous.number} → {v.number})
                            </span>
                          </Link>
                        ) : null}
                      </div>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </section>
    </>
  );
}
