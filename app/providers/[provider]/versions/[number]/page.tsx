import { ServiceCards } from "@/components/provider/service-cards";
import { ProviderNarrativeAndFacts } from "@/components/provider/provider-narrative-and-facts";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ServiceMatrix } from "@/components/matrix/service-matrix";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Section } from "@/components/ui/card";
import { VersionBanner } from "@/components/versions/version-banner";
import { PrintStamp } from "@/components/print/print-stamp";
import { getActor } from "@/lib/auth/current-actor";
import { documentToProviderDetail } from "@/lib/transfer/document-to-dto";
import { parseVersionNumber, versionHref } from "@/lib/versions/version-format";
import { getVersionDocuments } from "@/lib/versions/version-history";
import { changelogFeedAlternates, metaDescription } from "@/lib/page-metadata";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ provider: string; number: string }> };

/** The version and the newest version's number; null for unknown/hidden providers and invalid numbers. */
const load = cache(async (provider: string, raw: string) => {
  const number = parseVersionNumber(raw);
  if (number === null) return null;
  const data = await getVersionDocuments({ actor: await getActor(), provider, numbers: [number] });
  const version = data?.documents.get(number);
  if (!data || !version) return null;
  return { scope: data.scope, version, latest: data.versions[0]?.number ?? number };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { provider, number } = await params;
  const data = await load(provider, number);
  if (!data) return { title: "Not found" };
  const { version } = data;
  return {
    title: `Version ${version.number} — ${version.document.name}`,
    description: metaDescription(
      `Version ${version.number} of the ${version.document.name} shared responsibility model${version.note ? `: ${version.note}` : "."}`,
    ),
    alternates: changelogFeedAlternates(data.scope.provider),
  };
}

export default async function VersionPage({ params }: Props) {
  const { provider: slug, number: raw } = await params;
  const data = await load(slug, raw);
  if (!data) notFound();
  const { version, latest } = data;
  const provider = documentToProviderDetail(version.document);
  const base = versionHref(data.scope.provider.slug, version.number);
  const providerParty = provider.parties.find((p) => p.role === "provider");
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", label: "Catalog" },
          { href: `/providers/${data.scope.provider.slug}`, label: data.scope.provider.name },
          { href: `/providers/${data.scope.provider.slug}/versions`, label: "History" },
          { label: `Version ${version.number}` },
        ]}
      />
      <VersionBanner
        provider={data.scope.provider.slug}
        number={version.number}
        publishedAt={version.publishedAt}
        latest={latest}
        note={version.note}
        publisher={version.publisher}
      />
      <PrintStamp
        scope="page"
        provider={data.scope.provider.name}
        version={{
          kind: "version",
          number: version.number,
          publishedAt: version.publishedAt,
          current: version.number === latest,
        }}
      />
      <header className="border-l-4 pl-4" style={{ borderColor: provider.brandColor }}>
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">{provider.name}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{provider.summary}</p>
      </header>

      <Section
        id="services"
        title="Services"
        description={`${provider.serviceCount} ${provider.serviceCount === 1 ? "service" : "services"} in version ${version.number}; each bar shows how its responsibility areas divide between ${providerParty?.name ?? "the provider"} and the customer.`}
      >
        {provider.services.length === 0 ? (
          <p className="text-sm text-slate-600">This version lists no services you can see.</p>
        ) : (
          <ServiceCards services={provider.services} basePath={base} />
        )}
      </Section>

      {provider.crossCuttingAreas.length > 0 ? (
        <Section
          id="cross-cutting"
          title="Cross-cutting responsibilities"
          description="These areas apply to every service of this provider, in addition to each service's own matrix."
        >
          <ServiceMatrix
            rows={provider.crossCuttingAreas}
            parties={provider.parties}
            layers={[]}
            groups={provider.crossCuttingGroups}
            caption={`${provider.name} (version ${version.number}): cross-cutting responsibilities`}
          />
        </Section>
      ) : null}

      <ProviderNarrativeAndFacts provider={provider} linkContacts={false} />
    </>
  );
}
