import type { Metadata } from "next";
import Link from "next/link";
import { GroupsEditor } from "@/components/editor/editors/groups-editor";
import { EditableMatrix, type RowIssue } from "@/components/editor/matrix/editable-matrix";
import { DiscardForm, PublishForm, RevertForm } from "@/components/editor/draft-forms";
import { LintPanel } from "@/components/editor/lint-panel";
import { PublishReview } from "@/components/editor/publish-review";
import {
  ComplianceEditor,
  ContactsEditor,
  PartiesEditor,
  ProviderFieldsEditor,
  SectionsEditor,
} from "@/components/editor/editors/provider-editors";
import {
  AddServiceForm,
  DeploymentModelsEditor,
  LayersEditor,
  ServiceFieldsEditor,
} from "@/components/editor/editors/service-editors";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card, Section } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import { hasLintErrors, lintProviderDocument } from "@/lib/model/lint";
import { requireEditorDraft } from "@/lib/drafts/editor-access";
import { getPublishedBaseline } from "@/lib/drafts/published-baseline";
import { areaChanges } from "@/lib/domain/area-changes";
import { diffProviderDocuments } from "@/lib/model/diff";
import { listVersions } from "@/lib/versions/list-versions";
import { plural } from "@/lib/format";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ provider: string }> };

export const metadata: Metadata = {
  title: "Edit draft",
  description:
    "Edit a provider's unpublished draft: details, parties, services, areas, diagrams and deployment models, with the checks to pass before publishing.",
};

/** The draft's home for the provider's editors: status, checks, publishing and every part of the model. */
export default async function EditProviderPage({ params }: Props) {
  const { provider: slug } = await params;
  const { actor, draft } = await requireEditorDraft(slug, `/providers/${slug}/edit`);
  const document = draft.document;
  const [versions, published] = await Promise.all([
    listVersions({ actor, provider: slug }).then((list) => list?.versions ?? []),
    getPublishedBaseline(actor, slug),
  ]);
  const neverPublished = versions.length === 0;
  const issues = lintProviderDocument(document);
  const errorCount = issues.filter((i) => i.severity === "error").length;
  const warningCount = issues.length - errorCount;
  const changes = draft.changed ? draft.version : 0;
  const parties = document.parties;

  const crossCuttingIssues: Record<number, RowIssue[]> = {};
  for (const issue of issues) {
    const [top, index] = issue.path;
    if (top === "crossCuttingAreas" && typeof index === "number")
      (crossCuttingIssues[index] ??= []).push({ severity: issue.severity, rule: issue.rule, message: issue.message });
  }
  // What publishing changes for readers: reviewed before publishing, marked on the draft's rows.
  const diff = published ? diffProviderDocuments(published.document, document) : null;
  const crossCuttingChanges = diff ? areaChanges(diff.crossCuttingAreas, document.crossCuttingAreas.length) : null;
  const issuesPerService = new Map<string, number>();
  for (const issue of issues)
    if (issue.service) issuesPerService.set(issue.service, (issuesPerService.get(issue.service) ?? 0) + 1);

  return (
    <>
      <Breadcrumbs
        items={[
          { href: "/", label: "Catalog" },
          { href: `/providers/${slug}`, label: document.name },
          { label: "Edit draft" },
        ]}
      />
      <header className="border-l-4 pl-4" style={{ borderColor: document.brandColor }}>
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Edit {document.name}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          {neverPublished
            ? "Changes are saved to the draft one at a time. The provider is not published yet: readers see nothing until you publish it."
            : "Changes are saved to the draft one at a time; readers keep seeing the published model until the draft is published."}
        </p>
        <p role="status" className="mt-3 text-sm font-medium text-slate-800">
          {changes === 0
            ? "Unchanged: the draft is the published model."
            : `${plural(changes, "unpublished change", "unpublished changes")}${
                draft.updatedAt ? `, the last on ${formatDateTime(draft.updatedAt)}` : ""
              }.`}
        </p>
      </header>

      <div className="mt-8 grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <LintPanel provider={slug} issues={issues} />
        <section
          id="publish"
          aria-labelledby="publish-title"
          className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
        >
          <h2 id="publish-title" className="font-semibold text-slate-900">
            Publish
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            {hasLintErrors(issues)
              ? "The draft cannot be published while the checks show errors."
              : changes > 0
                ? "Publishing makes the draft the current model and stores it as a new numbered version."
                : "Nothing to publish yet."}
          </p>
          <div className="mt-3">
            <PublishForm
              provider={slug}
              draftVersion={draft.version}
              changed={changes > 0}
              errorCount={errorCount}
              warningCount={warningCount}
              nextVersion={(versions[0]?.number ?? 0) + 1}
              review={
                changes > 0 ? (
                  <PublishReview
                    provider={slug}
                    published={published && diff ? { ...published, diff } : null}
                    draft={document}
                  />
                ) : null
              }
            />
          </div>
          <div className="mt-6 border-t border-slate-100 pt-4">
            <h3 className="text-sm font-semibold text-slate-900">Discard</h3>
            <p className="mt-1 text-sm text-slate-600">Throw the unpublished changes away.</p>
            <div className="mt-2">
              <DiscardForm provider={slug} changes={changes} />
            </div>
          </div>
          <div className="mt-6 border-t border-slate-100 pt-4">
            <h3 className="text-sm font-semibold text-slate-900">Start from a published version</h3>
            <div className="mt-2">
              <RevertForm
                provider={slug}
                changes={changes}
                versions={versions.map((v) => ({
                  number: v.number,
                  note: v.note,
                  publishedAt: formatDateTime(v.publishedAt),
                }))}
              />
            </div>
          </div>
        </section>
      </div>

      <Section
        id="services"
        title="Services"
        description="Each service's matrix is edited in place on its draft view; its other parts here."
      >
        <ul className="space-y-4">
          {document.services.map((service, index) => {
            const count = issuesPerService.get(service.slug) ?? 0;
            return (
              <li key={`${service.slug}-${index}`} id={`service-${service.slug}`}>
                <Card className="p-4">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h3 className="font-semibold text-slate-900">
                      {service.name}{" "}
                      <span className="font-normal text-slate-500">
                        ({service.category}, {plural(service.areas.length, "area", "areas")})
                      </span>
                    </h3>
                    <p className="text-sm">
                      {count > 0 ? (
                        <span className="mr-3 text-slate-600">{plural(count, "check", "checks")} to look at</span>
                      ) : null}
                      <Link
                        href={`/providers/${slug}/services/${service.slug}?view=draft`}
                        className="font-medium text-blue-700 underline"
                      >
                        Edit the matrix of {service.name}
                      </Link>
                    </p>
                  </div>
                  <details className="mt-3">
                    <summary className="cursor-pointer text-sm font-medium text-slate-800">
                      Name, category and summary
                    </summary>
                    <div className="mt-3">
                      <ServiceFieldsEditor provider={slug} index={index} service={service} />
                    </div>
                  </details>
                  <details className="mt-3" id={`service-${service.slug}-groups`}>
                    <summary className="cursor-pointer text-sm font-medium text-slate-800">
                      Groups of areas ({service.groups.length})
                    </summary>
                    <div className="mt-3">
                      <GroupsEditor provider={slug} path={["services", index, "groups"]} groups={service.groups} />
                    </div>
                  </details>
                  <details className="mt-3" id={`service-${service.slug}-layers`}>
                    <summary className="cursor-pointer text-sm font-medium text-slate-800">
                      Layers and components ({service.layers.length})
                    </summary>
                    <div className="mt-3">
                      <LayersEditor provider={slug} index={index} service={service} parties={parties} />
                    </div>
                  </details>
                  <details className="mt-3" id={`service-${service.slug}-deployment-models`}>
                    <summary className="cursor-pointer text-sm font-medium text-slate-800">
                      Deployment models ({service.deploymentModels.length})
                    </summary>
                    <div className="mt-3">
                      <DeploymentModelsEditor provider={slug} index={index} service={service} parties={parties} />
                    </div>
                  </details>
                </Card>
              </li>
            );
          })}
        </ul>
        <Card className="mt-4 p-4">
          <AddServiceForm provider={slug} count={document.services.length} />
        </Card>
      </Section>

      <Section
        id="cross-cutting"
        title="Cross-cutting areas"
        description="Areas that apply to every service of this provider."
      >
        <details className="mb-4" id="cross-cutting-groups">
          <summary className="cursor-pointer text-sm font-medium text-slate-800">
            Groups of cross-cutting areas ({document.crossCuttingGroups.length})
          </summary>
          <div className="mt-3">
            <GroupsEditor provider={slug} path={["crossCuttingGroups"]} groups={document.crossCuttingGroups} />
          </div>
        </details>
        <EditableMatrix
          provider={slug}
          basePath={["crossCuttingAreas"]}
          areas={document.crossCuttingAreas}
          groups={document.crossCuttingGroups}
          parties={parties}
          caption={`${document.name}: cross-cutting responsibilities (draft)`}
          idPrefix="cross-cutting-area"
          issues={crossCuttingIssues}
          changes={
            published && crossCuttingChanges ? { since: published.number, rows: crossCuttingChanges.rows } : undefined
          }
        />
      </Section>

      <Section id="provider-details" title="Provider details">
        <Card className="p-4">
          <ProviderFieldsEditor
            provider={slug}
            document={{
              name: document.name,
              summary: document.summary,
              brandColor: document.brandColor,
              isPrivate: document.isPrivate,
              source: document.source,
            }}
          />
        </Card>
      </Section>

      <Section
        id="parties"
        title="Parties"
        description="Who can carry responsibility. A provider party with key “provider” and a customer party with key “customer” are required."
      >
        <PartiesEditor provider={slug} parties={parties} />
      </Section>

      <Section id="contacts" title="Contacts">
        <ContactsEditor provider={slug} contacts={document.contacts} />
      </Section>

      <Section id="compliance" title="Compliance references">
        <ComplianceEditor provider={slug} compliance={document.compliance} />
      </Section>

      <Section id="sections" title="Narrative sections" description="Shown on the provider page, in this order.">
        <SectionsEditor provider={slug} sections={document.sections} />
      </Section>
    </>
  );
}
