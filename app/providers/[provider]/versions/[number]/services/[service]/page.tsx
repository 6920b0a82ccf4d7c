import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { StackDiagram } from "@/components/diagram/stack-diagram";
import { ServiceMatrix } from "@/components/matrix/service-matrix";
import { DeploymentModelSwitcher } from "@/components/service/deployment-model-switcher";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card, Section } from "@/components/ui/card";
import { VersionBanner } from "@/components/versions/version-banner";
import { getActor } from "@/lib/auth/current-actor";
import { getDb } from "@/lib/db";
import { applyDeploymentModel } from "@/lib/domain/deployment-model";
import { documentToServiceDetail } from "@/lib/transfer/document-to-dto";
import { parseVersionNumber, versionHref } from "@/lib/versions/version-format";
import { getVersionDocuments } from "@/lib/versions/version-history";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ provider: string; number: string; service: string }>;
  searchParams: Promise<{ model?: string | string[] }>;
};

/** The service as it was in that version; null for unknown/hidden providers or services and invalid numbers. */
const load = cache(async (provider: string, raw: string, service: string) => {
  const number = parseVersionNumber(raw);
  if (number === null) return null;
  const data = await getVersionDocuments({ db: getDb(), actor: await getActor(), provider, numbers: [number] });
  const version = data?.documents.get(number);
  // The document is already restricted to the services this actor may see.
  const detail = version ? documentToServiceDetail(version.document, service) : null;
  if (!data || !version || !detail) return null;
  return { scope: data.scope, version, detail, latest: data.versions[0]?.number ?? number };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { provider, number, service } = await params;
  const data = await load(provider, number, service);
  return {
    title: data ? `${data.detail.name} (version ${data.version.number}) — ${data.detail.provider.name}` : "Not found",
  };
}

export default async function VersionServicePage({ params, searchParams }: Props) {
  const { provider, number, service } = await params;
  const rawModel = (await searchParams).model;
  const loaded = await load(provider, number, service);
  if (!loaded) notFound();
  const { scope, version, detail: data, latest } = loaded;
  const requestedModel = typeof rawModel === "string" && rawModel !== "" ? rawModel : null;
  const effective = applyDeploymentModel(data, requestedModel);
  const unknownModel = requestedModel !== null && !effective.model;
  const modelSuffix = effective.model ? ` (${effective.model.name})` : "";
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
      />
      <header className="border-l-4 pl-4" style={{ borderColor: data.provider.brandColor }}>
        <p className="text-sm font-medium text-slate-500">
          {data.provider.name} · {data.category}
          {data.sourceSection ? ` · source ${data.sourceSection}` : ""}
        </p>
        <h1 className="mt-1 text-3xl font-semibold tracking-tight text-slate-900">{data.name}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{data.summary}</p>
      </header>

      {data.deploymentModels.length > 0 ? (
        <Section
          id="deployment-models"
          title="Deployment model"
          description="Responsibility differs by where the service runs. Choose a model to see its assignments; changed cells are marked."
        >
          {unknownModel ? (
            <p
              role="alert"
              className="mb-3 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            >
              This service had no deployment model “{requestedModel}” in version {version.number}; showing the default
              assignments.
            </p>
          ) : null}
          <DeploymentModelSwitcher
            basePath={`${versionPath}/services/${data.slug}`}
            models={data.deploymentModels}
            selected={effective.model?.key ?? null}
          />
          {effective.model?.interpretation ? (
            <p className="mt-3 max-w-3xl text-sm text-slate-600">
              <span className="font-medium">Our reading: </span>
              {effective.model.interpretation}
            </p>
          ) : null}
        </Section>
      ) : null}

      {effective.layers.length > 0 ? (
        <Section id="stack" title={`Stack${modelSuffix}`}>
          <Card className="p-4">
            <StackDiagram
              id="stack-diagram"
              layers={effective.layers}
              parties={data.parties}
              title={`${data.name} responsibility stack${modelSuffix}, version ${version.number}`}
            />
          </Card>
        </Section>
      ) : null}

      <Section
        id="matrix"
        title={`Responsibility matrix${modelSuffix}`}
        description={`${data.areas.length} responsibility areas in version ${version.number}. Sort by a column, filter by assignment or party, or search the duties.`}
      >
        <ServiceMatrix
          rows={effective.areas}
          parties={data.parties}
          layers={data.layers}
          caption={`${data.provider.name} ${data.name} (version ${version.number}): responsibility matrix${modelSuffix}`}
        />
      </Section>
    </>
  );
}
