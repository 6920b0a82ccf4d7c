import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AssignmentLegend } from "@/components/assignment/assignment-badge";
import { assignmentClasses } from "@/components/assignment/assignment-styles";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHeader } from "@/components/ui/table";
import { assignmentMeta } from "@/lib/domain/assignment";
import { getComparison } from "@/lib/providers/get-comparison";
import { getActor } from "@/lib/auth/current-actor";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ provider: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await getComparison({ actor: await getActor(), slug: (await params).provider });
  return { title: data ? `Compare ${data.provider.name} services` : "Not found" };
}

export default async function ComparePage({ params }: Props) {
  const data = await getComparison({ actor: await getActor(), slug: (await params).provider });
  if (!data) notFound();
  const { provider, heatmap } = data;
  const used = [...new Set(heatmap.rows.flatMap((r) => r.cells).filter((c) => c !== null))];
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", label: "Catalog" },
          { href: `/providers/${provider.slug}`, label: provider.name },
          { label: "Compare" },
        ]}
      />
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Compare {provider.name} services</h1>
      <p className="mt-2 max-w-3xl text-sm text-slate-600">
        Responsibility areas (rows, matched by name) across services (columns). Services run from the one that leaves
        the most to the customer to the most managed one, so responsibility visibly shifts to the provider from left to
        right. An empty cell means the service has no such area.
      </p>
      <Table
        caption={`Heatmap of ${provider.name} responsibility areas by service, least to most managed`}
        frameClassName="mt-6"
      >
        <TableHeader>
          <TableRow>
            <TableHead className="sticky left-0 bg-slate-100">Area</TableHead>
            {heatmap.columns.map((c) => (
              <TableHead key={c.slug} className="text-center">
                <Link href={`/providers/${provider.slug}/services/${c.slug}`} className="hover:underline">
                  {c.name}
                </Link>
                <div className="text-xs font-normal text-slate-600">
                  {c.category} · {Math.round(c.providerShare * 100)}% provider
                </div>
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {heatmap.rows.map((row) => (
            <TableRow key={row.key}>
              <TableRowHeader className="sticky left-0 bg-white">
                {/* As tall as the cells beside it, so the name lines up with them. */}
                <span className="flex min-h-8 items-center">{row.name}</span>
              </TableRowHeader>
              {row.cells.map((cell, i) => (
                <TableCell key={heatmap.columns[i]?.slug ?? i} className="text-center">
                  {cell ? (
                    <span
                      className={`flex h-8 items-center justify-center rounded-md text-xs font-semibold ${assignmentClasses[cell].cell} ${assignmentClasses[cell].text}`}
                      title={`${row.name} — ${heatmap.columns[i]?.name}: ${assignmentMeta[cell].label}`}
                    >
                      <span aria-hidden="true" className="mr-1 font-mono">
                        {assignmentMeta[cell].symbol}
                      </span>
                      {assignmentMeta[cell].label}
                    </span>
                  ) : (
                    <span className="flex h-8 items-center justify-center text-slate-300">
                      <span aria-hidden="true">·</span>
                      <span className="sr-only">not in this service</span>
                    </span>
                  )}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className="mt-4">
        <AssignmentLegend only={used} />
      </div>
    </>
  );
}
