import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StackDiagram } from "@/components/diagram/stack-diagram";
import { EditableMatrix, type RowIssue } from "@/components/editor/matrix/editable-matrix";
import { DraftViewSwitch } from "@/components/editor/draft-view-switch";
import { LintPanel } from "@/components/editor/lint-panel";
import { PublishedServiceBody, ServiceHeader } from "@/components/service/published-service";
import { PrintStamp } from "@/components/print/print-stamp";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { LinkButton } from "@/components/ui/link-button";
import { Card, Section } from "@/components/ui/card";
import { applyDeploymentModel } from "@/lib/model/deployment-model";
import { getProvider } from "@/lib/providers/get-provider";
import { getService } from "@/lib/providers/get-service";
import { getSubscribedServices, subscriptionKey } from "@/lib/subscriptions/get-subscribed-services";
import { SubscribedBadge } from "@/components/provider/subscribed-badge";
import { getActor } from "@/lib/auth/current-actor";
import type { Actor } from "@/lib/auth/permissions";
import { lintProviderDocument } from "@/lib/model/lint";
import { editorDraftStatus, getEditorDraft } from "@/lib/drafts/editor-access";
import { getPublishedBaseline } from "@/lib/drafts/published-baseline";
import { areaChanges, changedRowsSummary, serviceAreasDiff } from "@/lib/domain/area-changes";
import { diffProviderDocuments } from "@/lib/model/diff";
import { documentToServiceDetail } from "@/lib/transfer/document-to-dto";
import { changelogFeedAlternates, metaDescription } from "@/lib/page-metadata";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ provider: string; service: string }>;
  searchParams: Promise<{ model?: string | string[]; view?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { provider, service } = await params;
  const actor = await getActor();
  const data = await getService({ actor, provider, service });
  if (data)
    return {
      title: `${data.name} — ${data.provider.name}`,
      description: metaDescription(data.summary),
      alternates: changelogFeedAlternates(data.provider),
    };
  // A service added in a draft: only its editors get this far (see the layout).
  const draft = await getEditorDraft(actor, provider);
  const inDraft = draft ? documentToServiceDetail(draft.document, service) : null;
  if (!inDraft) return { title: "Not found" };
  return { title: `${inDraft.name} (draft) — ${inDraft.provider.name}`, description: metaDescription(inDraft.summary) };
}

export default async function ServicePage({ params, searchParams }: Props) {
  const { provider, service } = await params;
  const query = await searchParams;
  const actor = await getActor();
  // Editors switch between the published model and their draft (?view=draft); readers never see the switch.
  const draftStatus = await editorDraftStatus(actor, provider);
  if (draftStatus && query.view === "draft")
    return <DraftServiceView actor={actor} provider={provider} service={service} status={draftStatus} />;
  const [data, providerDetail, subscriptions] = await Promise.all([
    getService({ actor, provider, service }),
    getProvider({ actor, slug: provider }),
    getSubscribedServices({ actor }),
  ]);
  if (!data || !providerDetail) {
    if (!draftStatus) notFound();
    return <NotPublishedYet provider={provider} service={service} status={draftStatus} />;
  }
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", label: "Catalog" },
          { href: `/providers/${data.provider.slug}`, label: data.provider.name },
          { label: data.name },
        ]}
      />
      <ServiceHeader data={data}>
        <div className="no-print mt-4 flex flex-wrap gap-3 text-sm">
          <LinkButton raw href={`/api/v1/providers/${data.provider.slug}/services/${data.slug}`}>
            JSON
          </LinkButton>
          {providerDetail.services.length > 1 ? (
            <LinkButton href={`/providers/${data.provider.slug}/compare`}>Compare with other services</LinkButton>
          ) : null}
          {data.deploymentModels.length > 1 ? (
            <LinkButton href={`/providers/${data.provider.slug}/compare?service=${encodeURIComponent(data.slug)}`}>
              Compare deployment models
            </LinkButton>
          ) : null}
        </div>
        {subscriptions.has(subscriptionKey(data.provider.slug, data.slug)) ? (
          <p className="mt-4 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-700">
            <SubscribedBadge />
            <Link
              href={`/me/obligations#service-${data.provider.slug}-${data.slug}`}
              className="font-medium text-blue-700 hover:underline"
            >
              Your duties across all your services: My obligations
            </Link>
          </p>
        ) : null}
        {draftStatus ? (
          <DraftViewSwitch
            basePath={`/providers/${data.provider.slug}/services/${data.slug}`}
            view="published"
            editHref={`/providers/${data.provider.slug}/edit`}
            draft={draftStatus}
          />
        ) : null}
      </ServiceHeader>
      <PublishedServiceBody
        data={data}
        crossCutting={providerDetail}
        model={query.model}
        basePath={`/providers/${data.provider.slug}/services/${data.slug}`}
      />
    </>
  );
}

type DraftStatus = { changes: number; updatedAt: Date | null };

/** The service as the editor's draft has it, with the matrix editable in place. */
async function DraftServiceView({
  actor,
  provider,
  service,
  status,
}: {
  actor: Actor;
  provider: string;
  service: string;
  status: DraftStatus;
}) {
  const draft = await getEditorDraft(actor, provider);
  if (!draft) notFound();
  const document = draft.document;
  const index = document.services.findIndex((s) => s.slug === service);
  const data = documentToServiceDetail(document, service);
  const basePath = `/providers/${provider}/services/${service}`;
  const editHref = `/providers/${provider}/edit`;
  if (index < 0 || !data) {
    return (
      <>
        <Breadcrumbs
          items={[
            { href: "/", label: "Catalog" },
            { href: `/providers/${provider}`, label: document.name },
            { label: service },
          ]}
        />
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Not in the draft</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          The draft of {document.name} has no service “{service}”: it was deleted there. Publishing the draft removes it
          for readers; discarding the draft keeps it.
        </p>
        <DraftViewSwitch basePath={basePath} view="draft" editHref={editHref} draft={status} />
      </>
    );
  }
  const issues = lintProviderDocument(document);
  const rowIssues: Record<number, RowIssue[]> = {};
  for (const issue of issues) {
    const [top, si, list, ai] = issue.path;
    if (top === "services" && si === index && list === "areas" && typeof ai === "number")
      (rowIssues[ai] ??= []).push({ severity: issue.severity, rule: issue.rule, message: issue.message });
  }
  const defaults = applyDeploymentModel(data, null);
  // Rows that publishing would change for readers: the draft against the current version.
  const baseline = await getPublishedBaseline(actor, provider);
  const compared = baseline
    ? areaChanges(serviceAreasDiff(diffProviderDocuments(baseline.document, document), service), data.areas.length)
    : null;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", label: "Catalog" },
          { href: `/providers/${provider}`, label: data.provider.name },
          { label: `${data.name} (draft)` },
        ]}
      />
      <ServiceHeader data={data} draft>
        <DraftViewSwitch basePath={basePath} view="draft" editHref={editHref} draft={status} />
      </ServiceHeader>
      <PrintStamp scope="page" provider={data.provider.name} version={{ kind: "draft" }} />

      <div className="mt-6">
        <LintPanel provider={provider} issues={issues} service={{ slug: data.slug, name: data.name }} />
      </div>

      {defaults.layers.length > 0 ? (
        <Section
          id="stack"
          title="Stack (draft)"
          description="Layers, components and deployment models are edited on the edit page."
        >
          <Card className="p-4">
            <StackDiagram
              id="stack-diagram"
              layers={defaults.layers}
              parties={data.parties}
              title={`${data.name} responsibility stack (draft)`}
            />
          </Card>
        </Section>
      ) : null}

      <Section
        id="matrix"
        title="Responsibility matrix (draft)"
        description={`${data.areas.length} responsibility areas. Each row saves on its own; readers see the changes once the draft is published.${
          data.deploymentModels.length > 0
            ? " These are the default assignments; deployment-model overrides are edited on the edit page."
            : ""
        }`}
      >
        <EditableMatrix
          provider={provider}
          basePath={["services", index, "areas"]}
          areas={document.services[index]!.areas}
          parties={document.parties}
          layers={document.services[index]!.layers.map((l) => ({ key: l.key, name: l.name }))}
          groups={document.services[index]!.groups}
          caption={`${data.provider.name} ${data.name}: responsibility matrix (draft)`}
          idPrefix="area"
          issues={rowIssues}
          changes={baseline && compared ? { since: baseline.number, rows: compared.rows } : undefined}
        />
        {baseline && compared ? (
          <p role="status" className="mt-3 text-sm text-slate-700">
            {changedRowsSummary(compared, baseline.number)}
          </p>
        ) : null}
      </Section>
    </>
  );
}

/** For editors: a service that exists only in their draft. */
function NotPublishedYet({ provider, service, status }: { provider: string; service: string; status: DraftStatus }) {
  const basePath = `/providers/${provider}/services/${service}`;
  return (
    <>
      <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Not published yet</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        The service “{service}” exists only in the draft: readers do not see it until the draft is published.
      </p>
      <DraftViewSwitch basePath={basePath} view="published" editHref={`/providers/${provider}/edit`} draft={status} />
    </>
  );
}
