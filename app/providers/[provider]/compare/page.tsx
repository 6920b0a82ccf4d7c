import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AssignmentLegend } from "@/components/assignment/assignment-badge";
import { columnHref, HandsTable } from "@/components/compare/hands-table";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { getActor } from "@/lib/auth/current-actor";
import { getComparison } from "@/lib/providers/get-comparison";
import type { ComparisonDto } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ provider: string }>;
  searchParams: Promise<{ service?: string | string[] }>;
};

async function load({ params, searchParams }: Props) {
  const service = (await searchParams).service;
  return getComparison({
    actor: await getActor(),
    slug: (await params).provider,
    service: typeof service === "string" && service ? service : null,
  });
}

function heading(data: ComparisonDto): string {
  return data.service
    ? `Compare the deployment models of ${data.service.name}`
    : `Compare ${data.provider.name} services`;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const data = await load(props);
  if (!data) return { title: "Not found" };
  return { title: heading(data), description: data.caption };
}

/** What can be compared: the services (when there are two), and each service's deployment models. */
function Choices({ data }: { data: ComparisonDto }) {
  const base = `/providers/${encodeURIComponent(data.provider.slug)}/compare`;
  const choices = [
    ...(data.serviceCount >= 2
      ? [{ href: base, label: `Services (${data.serviceCount})`, current: data.service === null }]
      : []),
    ...data.modelChoices.map((s) => ({
      href: `${base}?service=${encodeURIComponent(s.slug)}`,
      label: `${s.name}: deployment models (${s.modelCount})`,
      current: data.service?.slug === s.slug,
    })),
  ];
  if (choices.length < 2) return null;
  return (
    <nav aria-label="What to compare" className="mt-4 flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-700">Compare:</span>
      {choices.map((c) => (
        <Link
          key={c.href}
          href={c.href}
          aria-current={c.current ? "page" : undefined}
          className={
            c.current
              ? "rounded-md bg-slate-900 px-3 py-1 font-medium text-white"
              : "rounded-md px-3 py-1 text-slate-800 ring-1 ring-slate-300 hover:bg-slate-100"
          }
        >
          {c.label}
        </Link>
      ))}
    </nav>
  );
}

export default async function ComparePage(props: Props) {
  const data = await load(props);
  if (!data) notFound();
  const { provider, columns, changing, stable, onlyInOne } = data;
  const one = data.service ? "deployment model" : "service";
  const many = data.service ? "deployment models" : "services";
  const used = [...new Set([...changing, ...stable].flatMap((r) => r.cells).flatMap((c) => (c ? [c.assignment] : [])))];
  return (
    <>
      <Breadcrumbs
        items={[
          { href: `/`, label: "Catalog" },
          { href: `/providers/${provider.slug}`, label: provider.name },
          ...(data.service
            ? [
                { href: `/providers/${provider.slug}/services/${data.service.slug}`, label: data.service.name },
                { label: "Compare deployment models" },
              ]
            : [{ label: "Compare" }]),
        ]}
      />
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{heading(data)}</h1>
      <Choices data={data} />
      {columns.length < 2 ? (
        <div className="mt-4 max-w-3xl rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
          {data.service ? (
            <p>
              {data.service.name} has {columns.length === 1 ? "a single deployment model" : "no deployment models"} with
              responsibilities of its own, so there is nothing to compare between models.
              {data.leftOpen.length > 0 ? ` The source leaves these open: ${data.leftOpen.join(", ")}.` : null}
            </p>
          ) : (
            <p>
              {columns[0]
                ? `${provider.name} has one service you can see, ${columns[0].name}, and it has fewer than two deployment models, so there is nothing to compare.`
                : `${provider.name} has no service you can see, so there is nothing to compare.`}
            </p>
          )}
          {columns[0] ? (
            <p className="mt-2">
              <Link href={columnHref(provider.slug, columns[0])} className="font-medium text-slate-900 underline">
                Read {columns[0].name}
              </Link>
            </p>
          ) : null}
        </div>
      ) : (
        <>
          <p className="mt-4 max-w-3xl text-base font-medium text-slate-900" data-testid="compare-summary">
            {data.caption}
          </p>
          <p className="mt-2 max-w-3xl text-sm text-slate-700">
            {data.service
              ? `Each column applies one deployment model to ${data.service.name}'s default assignments. `
              : "Each column is a service with its default assignments. "}
            An area counts as the same in two {many} when its name is the same, ignoring case, punctuation and “&amp;”
            versus “and”. It changes hands when its assignment, or the parties carrying it, differ between them. Each
            cell links to the area&apos;s row on that page.
          </p>
          {data.leftOpen.length > 0 ? (
            <p className="mt-2 max-w-3xl text-sm text-slate-700">
              Not compared, because the source leaves their responsibilities open: {data.leftOpen.join(", ")}.
            </p>
          ) : null}
          {columns.length > 2 ? (
            <p className="mt-2 text-sm text-slate-700 sm:hidden">
              Tables scroll sideways; the area names stay in view.
            </p>
          ) : null}

          {changing.length > 0 ? (
            <section aria-labelledby="changing-heading" className="mt-6">
              <h2 id="changing-heading" className="text-lg font-semibold text-slate-900">
                {changing.length} {changing.length === 1 ? "area changes" : "areas change"} hands
              </h2>
              <p className="mt-1 mb-3 text-sm text-slate-700">
                Sorted by how many different hands hold each area, most first.
              </p>
              <HandsTable
                data={data}
                rows={changing}
                caption={`${provider.name}: areas that change hands between ${many}`}
                showHands
              />
            </section>
          ) : null}

          {stable.length > 0 ? (
            <details className="mt-6" open={changing.length === 0}>
              <summary className="cursor-pointer text-lg font-semibold text-slate-900">
                {stable.length} {stable.length === 1 ? "area never changes" : "areas never change"} hands
              </summary>
              <p className="mt-1 mb-3 text-sm text-slate-700">
                Assigned alike in every {one} that has {stable.length === 1 ? "it" : "them"}.
              </p>
              <HandsTable
                data={data}
                rows={stable}
                caption={`${provider.name}: areas assigned alike in every ${one} that has them`}
                showHands={false}
              />
            </details>
          ) : null}

          {onlyInOne.length > 0 ? (
            <details className="mt-6">
              <summary className="cursor-pointer text-base font-semibold text-slate-900">
                {onlyInOne.length} {onlyInOne.length === 1 ? "area appears" : "areas appear"} in only one {one}
              </summary>
              <p className="mt-1 text-sm text-slate-700">No other {one} has an area of that name to compare with.</p>
              <ul className="mt-2 grid gap-1 text-sm text-slate-800 sm:grid-cols-2">
                {onlyInOne.map((a, i) => (
                  <li key={`${a.column}-${a.name}-${i}`}>
                    {a.name} <span className="text-slate-700">({a.column})</span>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}

          {used.length > 0 ? (
            <div className="mt-6">
              <AssignmentLegend only={used} />
            </div>
          ) : null}
        </>
      )}
    </>
  );
}
