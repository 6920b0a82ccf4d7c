import { ServiceCards } from "@/components/provider/service-cards";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ServiceMatrix } from "@/components/matrix/service-matrix";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { LinkButton } from "@/components/ui/link-button";
import { ProviderNarrativeAndFacts } from "@/components/provider/provider-narrative-and-facts";
import { Section } from "@/components/ui/card";
import { getProvider } from "@/lib/providers/get-provider";
import { getActor } from "@/lib/auth/current-actor";
import { getSubscribedServices, subscriptionKey } from "@/lib/subscriptions/get-subscribed-services";
import { editorDraftStatus } from "@/lib/drafts/editor-access";
import { ExportMenu } from "@/components/exports/export-menu";
import { providerExportChoices } from "@/lib/exports/export-formats";
import { changelogFeedAlternates, metaDescription } from "@/lib/page-metadata";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ provider: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const provider = await getProvider({ actor: await getActor(), slug: (await params).provider });
  if (!provider) return { title: "Not found" };
  return {
    title: provider.name,
    description: metaDescription(provider.summary),
    // A provider that exists only as a draft has no changelog yet.
    alternates: provider.published ? changelogFeedAlternates(provider) : undefined,
  };
}

export default async function ProviderPage({ params }: Props) {
  const actor = await getActor();
  const provider = await getProvider({ actor, slug: (await params).provider });
  if (!provider) notFound();
  // Editors only: the way to the draft, with how much it holds.
  const [draft, subscriptions] = await Promise.all([
    editorDraftStatus(actor, provider.slug),
    getSubscribedServices({ actor }),
  ]);
  const subscribed = new Set(
    provider.services.filter((s) => subscriptions.has(subscriptionKey(provider.slug, s.slug))).map((s) => s.slug),
  );
  const providerParty = provider.parties.find((p) => p.role === "provider");
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Catalog" }, { label: provider.name }]} />
      <header className="border-l-4 pl-4" style={{ borderColor: provider.brandColor }}>
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">{provider.name}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{provider.summary}</p>
        <div className="no-print mt-4 flex flex-wrap gap-3 text-sm">
          {provider.services.length > 1 ? (
            <LinkButton href={`/providers/${provider.slug}/compare`}>Compare services</LinkButton>
          ) : provider.services.some((s) => s.deploymentModelCount > 1) ? (
            <LinkButton href={`/providers/${provider.slug}/compare`}>Compare deployment models</LinkButton>
          ) : null}
          <LinkButton href={`/providers/${provider.slug}/versions`}>History</LinkButton>
          <LinkButton raw href={`/api/v1/providers/${provider.slug}`}>
            JSON
          </LinkButton>
          {draft ? (
            <LinkButton href={`/providers/${provider.slug}/edit`}>
              Edit
              {draft.changes > 0 ? (
                <span className="ml-1.5 font-normal text-slate-600">
                  (draft: {draft.changes} unpublished {draft.changes === 1 ? "change" : "changes"})
                </span>
              ) : null}
            </LinkButton>
          ) : null}
          {draft ? <LinkButton href={`/providers/${provider.slug}/import`}>Import</LinkButton> : null}
          {provider.published ? (
            <ExportMenu
              href={`/api/v1/providers/${encodeURIComponent(provider.slug)}/export`}
              params={{}}
              formats={providerExportChoices}
              note="The newest published version, every service you can see."
            />
          ) : null}
        </div>
      </header>
      {provider.published ? null : (
        <p className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
          Not published yet: readers cannot see this provider. Build its model in the draft (Edit, Import) and publish
          it when it is ready.
        </p>
      )}

      <Section
        id="services"
        title="Services"
        description={`${provider.serviceCount} ${provider.serviceCount === 1 ? "service" : "services"}; each bar shows how its responsibility areas divide between ${providerParty?.name ?? "the provider"} and the customer.`}
      >
        <ServiceCards services={provider.services} basePath={`/providers/${provider.slug}`} subscribed={subscribed} />
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
            caption={`${provider.name}: cross-cutting responsibilities`}
            anchors="cross-cutting"
            stateInUrl
          />
        </Section>
      ) : null}

      <ProviderNarrativeAndFacts provider={provider} />
    </>
  );
}
