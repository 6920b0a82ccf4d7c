import type { ReactNode } from "react";
import { StackDiagram } from "@/components/diagram/stack-diagram";
import { StackNotes } from "@/components/diagram/stack-notes";
import { ServiceMatrix } from "@/components/matrix/service-matrix";
import { Card, Section } from "@/components/ui/card";
import { applyDeploymentModel } from "@/lib/model/deployment-model";
import { retrievedPhrase, sourceSectionHref } from "@/lib/domain/source-citation";
import type { ProviderDetailDto, ServiceDetailDto } from "@/lib/validation/api";
import { DeploymentModelSwitcher } from "./deployment-model-switcher";

/** The service's title block: provider, category, source, name and summary; `children` go below. */
export function ServiceHeader({
  data,
  draft = false,
  children,
}: {
  data: ServiceDetailDto;
  draft?: boolean;
  children?: ReactNode;
}) {
  const source = data.provider.source;
  const sectionHref = sourceSectionHref(source.url, data.sourceSection);
  return (
    <header className="border-l-4 pl-4" style={{ borderColor: data.provider.brandColor }}>
      <p className="text-sm font-medium text-slate-500">
        {data.provider.name} · {data.category}
        {data.sourceSection ? (
          <>
            {" · source "}
            {sectionHref ? (
              <a className="text-blue-700 underline" href={sectionHref} rel="noopener noreferrer">
                {data.sourceSection}
              </a>
            ) : (
              data.sourceSection
            )}
          </>
        ) : null}
        {draft ? " · draft" : ""}
      </p>
      <h1 className="mt-1 text-3xl font-semibold tracking-tight text-slate-900">{data.name}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{data.summary}</p>
      <p className="mt-2 max-w-3xl text-sm text-slate-600">
        Source:{" "}
        <cite>
          {source.url ? (
            <a className="text-blue-700 underline" href={source.url} rel="noopener noreferrer">
              {source.title}
            </a>
          ) : (
            source.title
          )}
        </cite>
        {data.sourceSection ? `, ${data.sourceSection}` : ""}
        {source.retrieved ? `, ${retrievedPhrase(source.retrieved)}` : ""}.
      </p>
      {children}
    </header>
  );
}

/**
 * A published service as readers see it — the current one, or as it was in `version`: the
 * deployment-model switcher, the stack diagram and the matrix for the chosen model.
 */
export function PublishedServiceBody({
  data,
  model,
  basePath,
  version,
  crossCutting,
}: {
  data: ServiceDetailDto;
  /** The provider's cross-cutting areas (as of the same version): they apply to this service too. */
  crossCutting: Pick<ProviderDetailDto, "crossCuttingAreas" | "crossCuttingGroups">;
  /** `?model=` from the address; an unknown key falls back to the default assignments, with a notice. */
  model: string | string[] | undefined;
  /** The service page's own path, for the model links. */
  basePath: string;
  version?: number;
}) {
  const requestedModel = typeof model === "string" && model !== "" ? model : null;
  const effective = applyDeploymentModel(data, requestedModel);
  const unknownModel = requestedModel !== null && !effective.model;
  const modelSuffix = effective.model ? ` (${effective.model.name})` : "";
  const inVersion = version === undefined ? "" : ` in version ${version}`;
  return (
    <>
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
              This service {version === undefined ? "has" : "had"} no deployment model “{requestedModel}”{inVersion};
              showing the default assignments.
            </p>
          ) : null}
          <DeploymentModelSwitcher
            basePath={basePath}
            models={data.deploymentModels}
            selected={effective.model?.key ?? null}
          />
          {effective.model?.open ? (
            <p
              role="note"
              className="mt-3 max-w-3xl rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
            >
              The source names “{effective.model.name}” but does not say how responsibility divides under it.{" "}
              {effective.group
                ? `Shown: what it inherits from “${effective.group.name}”, which may not be all that applies.`
                : "Shown: the default assignments, which may not apply."}
            </p>
          ) : null}
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
              title={`${data.name} responsibility stack${modelSuffix}${version === undefined ? "" : `, version ${version}`}`}
            />
            <StackNotes layers={effective.layers} areas={effective.areas} parties={data.parties} />
          </Card>
        </Section>
      ) : null}

      <Section
        id="matrix"
        title={`Responsibility matrix${modelSuffix}`}
        description={`${countAreas(data.areas.length, crossCutting.crossCuttingAreas.length, data.provider.name)}${inVersion}. Sort by a column, filter by assignment or party, or search the duties.`}
      >
        <ServiceMatrix
          stateInUrl
          anchors="areas"
          everyService={{
            providerName: data.provider.name,
            rows: crossCutting.crossCuttingAreas,
            groups: crossCutting.crossCuttingGroups,
          }}
          rows={effective.areas}
          parties={data.parties}
          layers={data.layers}
          groups={data.groups}
          caption={`${data.provider.name} ${data.name}${version === undefined ? "" : ` (version ${version})`}: responsibility matrix${modelSuffix}`}
          exportView={{
            href: `/api/v1/providers/${encodeURIComponent(data.provider.slug)}/export`,
            params: { service: data.slug, version: version?.toString(), model: effective.model?.key },
          }}
        />
      </Section>
    </>
  );
}

/** "17 responsibility areas, plus 26 that apply to every DanubeData service". */
function countAreas(own: number, everyService: number, provider: string): string {
  const areas = `${own} responsibility ${own === 1 ? "area" : "areas"}`;
  return everyService ? `${areas}, plus ${everyService} that apply to every ${provider} service` : areas;
}
