import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PublishedServiceBody, ServiceHeader } from "@/components/service/published-service";
import { VersionBanner } from "@/components/versions/version-banner";
import { PrintStamp } from "@/components/print/print-stamp";
import { getActor } from "@/lib/auth/current-actor";
import { documentToProviderDetail, documentToServiceDetail } from "@/lib/transfer/document-to-dto";
import { parseVersionNumber, versionHref } from "@/lib/versions/version-format";
import { getVersionDocuments } from "@/lib/versions/version-history";
import { changelogFeedAlternates, metaDescription } from "@/lib/page-metadata";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ provider: string; number: string; service: string }>;
  searchParams: Promise<{ model?: string | string[] }>;
};

/** The service as it was in that version; null for unknown/hidden providers or services and invalid numbers. */
const load = cache(async (provider: string, raw: string, service: string) => {
  const number = parseVersionNumber(raw);
  if (number === null) return null;
  const data = await getVersionDocuments({ actor: await getActor(), provider, numbers: [number] });
  const version = data?.documents.get(number);
  // The document is already restricted to the services this actor may see.
  const detail = version ? documentToServiceDetail(version.document, service) : null;
  if (!data || !version || !detail) return null;
  const { crossCuttingAreas, crossCuttingGroups } = documentToProviderDetail(version.document);
  return {
    scope: data.scope,
    version,
    detail,
    crossCutting: { crossCuttingAreas, crossCuttingGroups },
    latest: data.versions[0]?.number ?? number,
  };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { provider, number, service } = await params;
  const data = await load(provider, number, service);
  if (!data) return { title: "Not found" };
  return {
    title: `${data.detail.name} (version ${data.version.number}) — ${data.detail.provider.name}`,
    description: metaDescription(data.detail.summary),
    alternates: changelogFeedAlternates(data.scope.provider),
  };
}

export default async function VersionServicePage({ params, searchParams }: Props) {
  const { provider, number, service } = await params;
  const { model } = await searchParams;
  const loaded = await load(provider, number, service);
  if (!loaded) notFound();
  const { scope, version, detail: data, crossCutting, latest } = loaded;
  const versionPath = versionHref(scope.provider.slug, version.number);
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", label: "Catalog" },
          { href: `/providers/${scope.provider.slug}`, label: scope.provider.name },
          { href: `/providers/${scope.provider.slug}/versions`, label: "History" },
          { href: versionPath, label: `Version ${version.number}` },
          { label: data.name },
        ]}
      />
      <VersionBanner
        provider={scope.provider.slug}
        number={version.number}
        publishedAt={version.publishedAt}
        latest={latest}
        note={version.note}
        publisher={version.publisher}
      />
      <PrintStamp
        scope="page"
        provider={scope.provider.name}
        version={{
          kind: "version",
          number: version.number,
          publishedAt: version.publishedAt,
          current: version.number === latest,
        }}
      />
      <ServiceHeader data={data} />
      <PublishedServiceBody
        data={data}
        crossCutting={crossCutting}
        model={model}
        basePath={`${versionPath}/services/${data.slug}`}
        version={version.number}
      />
    </>
  );
}
