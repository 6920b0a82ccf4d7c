// The one typed model every export format renders (CSV, XLSX, CAIQ, OSCAL, PDF): a published
// version of a provider as one viewer may see it, with the deployment model and filters applied,
// so a file holds exactly what the page showed and says which version it is.
import { areaMatchesQuery, effectiveParties, type MatrixRow } from "@/lib/model/area-text";
import { applyDeploymentModel } from "@/lib/model/deployment-model";
import { assignmentMeta, assignmentValues, type AssignmentValue } from "@/lib/domain/assignment";
import { documentToProviderDetail, serviceToDetail } from "@/lib/transfer/document-to-dto";
import type { DeploymentModelDto, GroupDto, LayerDto, ProviderDetailDto, ServiceDetailDto } from "@/lib/validation/api";
import type { ProviderDocument } from "@/lib/validation/provider-document";

export interface ExportVersion {
  number: number;
  /** ISO 8601, UTC. */
  publishedAt: string;
  /** SHA-256 of the version's canonical document (what /verify looks up). */
  contentHash: string;
  note: string;
}

export interface ExportFilters {
  /** Only rows with these assignments; empty: every assignment. */
  assignments: readonly AssignmentValue[];
  /** Only rows a search for this text finds (as the matrix's search box does); empty: no search. */
  query: string;
  /** Only rows one of these parties (keys) carries, as the matrix's Party filter. */
  parties?: readonly string[];
  /** Only rows on one of these layers (keys), as the Layer filter. */
  layers?: readonly string[];
  /** Only rows citing one of these frameworks, as the Framework filter. */
  frameworks?: readonly string[];
}

export interface ExportService {
  slug: string;
  name: string;
  category: ServiceDetailDto["category"];
  summary: string;
  sourceSection: string | null;
  groups: GroupDto[];
  /** With the deployment model applied (`overridden` marks its changes) and the filters. */
  areas: MatrixRow[];
  /** How many areas the service has before filtering. */
  totalAreas: number;
  /** Bottom layer first, with the deployment model applied. */
  layers: LayerDto[];
  /** The chosen deployment model, when one was chosen for this service. */
  model: Pick<DeploymentModelDto, "key" | "name" | "interpretation"> | null;
}

export interface ProviderExport {
  provider: Pick<
    ProviderDetailDto,
    "slug" | "name" | "summary" | "brandColor" | "source" | "parties" | "compliance" | "contacts" | "sections"
  >;
  version: ExportVersion;
  /** One service (`service=`) or every service the viewer may see, in the provider's order. */
  services: ExportService[];
  /** The provider's cross-cutting areas (also in a one-service file: they apply to that service too). */
  crossCutting: { groups: GroupDto[]; areas: MatrixRow[]; totalAreas: number };
  scope: {
    /** The service asked for, or null for the whole provider. */
    service: string | null;
    /** The deployment model asked for (by key), or null for the default assignments. */
    model: string | null;
    filters: ExportFilters;
  };
}

export const noFilters: ExportFilters = { assignments: [], query: "" };

/** Is anything filtered out? (A cover then says so, so a filtered file is not taken for the whole.) */
export function isFiltered(filters: ExportFilters): boolean {
  return (
    filters.assignments.length > 0 ||
    filters.query.trim() !== "" ||
    !!filters.parties?.length ||
    !!filters.layers?.length ||
    !!filters.frameworks?.length
  );
}

/** The filters in words, label and value, for covers and remarks ("Parties", "Customer, Hyperscaler"). */
export function describeFilters(data: ProviderExport): [label: string, value: string][] {
  const { assignments, query, parties = [], layers = [], frameworks = [] } = data.scope.filters;
  const partyName = new Map(data.provider.parties.map((p) => [p.key, p.name]));
  const layerName = new Map(data.services.flatMap((s) => s.layers.map((l) => [l.key, l.name] as const)));
  const lines: [string, string][] = [];
  if (assignments.length)
    lines.push([
      "Assignments",
      assignmentValues
        .filter((a) => assignments.includes(a))
        .map((a) => assignmentMeta[a].label)
        .join(", "),
    ]);
  if (query.trim()) lines.push(["Search", `“${query.trim()}”`]);
  if (parties.length) lines.push(["Parties", parties.map((key) => partyName.get(key) ?? key).join(", ")]);
  if (layers.length) lines.push(["Layers", layers.map((key) => layerName.get(key) ?? key).join(", ")]);
  if (frameworks.length) lines.push(["Frameworks", frameworks.join(", ")]);
  return lines;
}

/** Areas shown and areas there are, over every service and the cross-cutting list. */
export function areaCounts(data: ProviderExport): { shown: number; total: number } {
  const shown = data.services.reduce((n, s) => n + s.areas.length, 0) + data.crossCutting.areas.length;
  const total = data.services.reduce((n, s) => n + s.totalAreas, 0) + data.crossCutting.totalAreas;
  return { shown, total };
}

/**
 * The export model of a version's document, already restricted to what the viewer may see. The
 * caller has checked that `service` and `model` exist (see load-provider-export.ts).
 */
export function buildProviderExport(options: {
  document: ProviderDocument;
  version: ExportVersion;
  service?: string | null;
  model?: string | null;
  filters?: ExportFilters;
}): ProviderExport {
  const { document } = options;
  const filters = options.filters ?? noFilters;
  const detail = documentToProviderDetail(document);
  const keep = (layers: readonly Pick<LayerDto, "key" | "name">[]) => {
    const matches = areaMatchesQuery({ parties: detail.parties, layers, query: filters.query });
    const { parties = [], layers: onLayers = [], frameworks = [] } = filters;
    return (row: MatrixRow) =>
      (filters.assignments.length === 0 || filters.assignments.includes(row.assignment)) &&
      (parties.length === 0 || effectiveParties(row, detail.parties).some((p) => parties.includes(p))) &&
      (onLayers.length === 0 || (row.layer !== null && onLayers.includes(row.layer))) &&
      (frameworks.length === 0 || row.references.some((r) => frameworks.includes(r.framework))) &&
      matches(row);
  };
  const services = document.services
    .filter((s) => !options.service || s.slug === options.service)
    .map((service): ExportService => {
      const dto = serviceToDetail({ provider: document, parties: document.parties, service });
      const effective = applyDeploymentModel(dto, options.model ?? null);
      return {
        slug: dto.slug,
        name: dto.name,
        category: dto.category,
        summary: dto.summary,
        sourceSection: dto.sourceSection,
        groups: dto.groups,
        areas: effective.areas.filter(keep(dto.layers)),
        totalAreas: dto.areas.length,
        layers: effective.layers,
        model: effective.model
          ? { key: effective.model.key, name: effective.model.name, interpretation: effective.model.interpretation }
          : null,
      };
    });
  // A provider's cross-cutting areas apply to every service, so a one-service file carries them too, as its page does.
  const crossCuttingAreas = detail.crossCuttingAreas;
  return {
    provider: {
      slug: detail.slug,
      name: detail.name,
      summary: detail.summary,
      brandColor: detail.brandColor,
      source: detail.source,
      parties: detail.parties,
      compliance: detail.compliance,
      contacts: detail.contacts,
      sections: detail.sections,
    },
    version: options.version,
    services,
    crossCutting: {
      groups: detail.crossCuttingGroups,
      areas: crossCuttingAreas.filter(keep([])),
      totalAreas: crossCuttingAreas.length,
    },
    scope: { service: options.service ?? null, model: options.model ?? null, filters },
  };
}

/** What a file is called: provider, version, service, model ("danubedata-v3-vps.pdf"). */
export function exportFileName(data: ProviderExport, extension: string, suffix?: string): string {
  return [
    data.provider.slug,
    `v${data.version.number}`,
    data.scope.service,
    data.scope.model,
    isFiltered(data.scope.filters) ? "filtered" : null,
    suffix,
  ]
    .filter(Boolean)
    .join("-")
    .concat(`.${extension}`);
}
