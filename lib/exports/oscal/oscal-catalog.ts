// A provider's responsibility model as an OSCAL 1.2.2 catalog: services are groups, areas are controls.
import type { MatrixRow } from "@/lib/model/area-text";
import type { ExportService, ProviderExport } from "@/lib/exports/export-model";
import type { GroupDto } from "@/lib/validation/api";
import {
  documentMetadata,
  exportAreas,
  given,
  isNonEmpty,
  oneLine,
  prop,
  scopeTitle,
  some,
  sourceResource,
} from "./oscal-common";
import { areaControl, frameworkResource } from "./oscal-controls";
import { groupContent } from "./oscal-groups";
import { scopeId } from "./oscal-ids";
import type { OscalCatalogDocument, OscalGroup } from "./oscal-types";
import { documentUuid } from "./uuids";

export { controlId } from "./oscal-ids";

function controlsOf(
  data: ProviderExport,
  service: string | null,
  groups: readonly GroupDto[],
  areas: readonly MatrixRow[],
  title: string,
  layers: ReadonlyMap<string, string>,
) {
  return groupContent({
    service,
    groups,
    areas,
    title,
    control: (area) => areaControl({ service, area, parties: data.provider.parties, layers }),
  });
}

/** A service: its summary and deployment model as the overview, its areas as controls. */
function serviceGroup(data: ProviderExport, service: ExportService): OscalGroup {
  const overview = [
    service.summary,
    service.model ? `Deployment model: ${service.model.name}.` : null,
    service.model?.interpretation ?? null,
  ]
    .filter(isNonEmpty)
    .join("\n\n");
  const layers = new Map(service.layers.map((layer) => [layer.key, layer.name]));
  return {
    id: scopeId(service.slug),
    class: "service",
    title: oneLine(service.name),
    props: [
      ...prop("service", service.slug),
      ...prop("service-category", service.category),
      ...prop("source-section", service.sourceSection),
      ...prop("deployment-model", service.model?.key),
      // How many areas the version has here, so a filtered file shows that it holds a part of them.
      ...prop("total-areas", String(service.totalAreas)),
    ],
    parts: [{ name: "overview", ...given("prose", overview) }],
    ...controlsOf(data, service.slug, service.groups, service.areas, service.name, layers),
  };
}

function crossCuttingGroup(data: ProviderExport): OscalGroup {
  return {
    id: scopeId(null),
    class: "cross-cutting",
    title: "Cross-cutting areas",
    props: prop("total-areas", String(data.crossCutting.totalAreas)),
    parts: [{ name: "overview", prose: `Areas that apply across ${data.provider.name}'s services.` }],
    ...controlsOf(data, null, data.crossCutting.groups, data.crossCutting.areas, "Cross-cutting areas", new Map()),
  };
}

/**
 * The catalog of one version (with the deployment model and filters applied): metadata with the
 * version, its content hash and the provider's parties; one group per service, and one for the
 * cross-cutting areas; the source and the frameworks the areas cite in the back matter.
 */
export function toOscalCatalog(data: ProviderExport): OscalCatalogDocument {
  const groups = [
    ...data.services.map((service) => serviceGroup(data, service)),
    ...(data.crossCutting.areas.length > 0 ? [crossCuttingGroup(data)] : []),
  ];
  const frameworks = [
    ...new Set(exportAreas(data).flatMap(({ area }) => area.references.map((reference) => reference.framework))),
  ];
  return {
    catalog: {
      uuid: documentUuid(data, "catalog"),
      metadata: documentMetadata(data, scopeTitle(data)),
      ...some("groups", groups),
      "back-matter": { resources: [sourceResource(data), ...frameworks.map(frameworkResource)] },
    },
  };
}
