// What the OSCAL catalog and SSP share: metadata, parties and roles, the source citation, text helpers.
import { assignmentMeta } from "@/lib/domain/assignment";
import { assignmentPartiesDetail, type MatrixRow } from "@/lib/model/area-text";
import { describeFilters, exportFileName, isFiltered, type ProviderExport } from "@/lib/exports/export-model";
import type { PartyDto } from "@/lib/validation/api";
import { roleId } from "./oscal-ids";
import type { OscalMetadata, OscalProperty, OscalResource } from "./oscal-types";
import {
  canonicalAssignments,
  demarcOscalNs,
  demarcUuid,
  partyName,
  providerName,
  type OscalDocumentKind,
} from "./uuids";

export const oscalVersion = "1.2.2";

/** Text for a one-line OSCAL field (title, prop value): line breaks and runs of spaces become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export const isNonEmpty = (text: string | null | undefined): text is string => !!text && text.trim() !== "";

/** `{ key: items }` when there are items: OSCAL arrays hold at least one, so an empty one is left out. */
export function some<K extends string, T>(key: K, items: readonly T[]): { [P in K]?: T[] } {
  return (items.length > 0 ? { [key]: [...items] } : {}) as { [P in K]?: T[] };
}

/** `{ key: text }` when there is text (blank text is left out, as the schema wants no empty strings). */
export function given<K extends string>(key: K, text: string | null | undefined): { [P in K]?: string } {
  return (isNonEmpty(text) ? { [key]: text } : {}) as { [P in K]?: string };
}

/**
 * A Demarc property, or nothing for a blank value. Every name outside OSCAL's own list needs a
 * namespace, or an OSCAL validator checks it against that list and refuses it.
 */
export function prop(
  name: string,
  value: string | null | undefined,
  extra: { remarks?: string } = {},
): OscalProperty[] {
  const text = value ? oneLine(value) : "";
  return text ? [{ name, ns: demarcOscalNs, value: text, ...given("remarks", extra.remarks) }] : [];
}

export const partyUuid = (data: ProviderExport, party: string) => demarcUuid(partyName(data.provider.slug, party));

/** The file name the other file of the pair refers to ("contain-v3-platform-cloud-services-catalog.json"). */
export function oscalFileName(data: ProviderExport, kind: OscalDocumentKind): string {
  return exportFileName(data, "json", kind === "catalog" ? "catalog" : "ssp");
}

/** The model the file shows ("Cloud services"), if one was asked for and a service has it. */
function modelName(data: ProviderExport): string | null {
  if (!data.scope.model) return null;
  return data.services.find((service) => service.model)?.model?.name ?? data.scope.model;
}

/** "Contain shared responsibility model — Platform (Cloud services), filtered". */
export function scopeTitle(data: ProviderExport): string {
  const service = data.scope.service ? data.services.find((s) => s.slug === data.scope.service) : undefined;
  const model = modelName(data);
  return oneLine(
    [
      `${data.provider.name} shared responsibility model`,
      service ? ` — ${service.name}` : "",
      model ? ` (${model})` : "",
      isFiltered(data.scope.filters) ? ", filtered" : "",
    ].join(""),
  );
}

/** What the filters left out, in words, for a filtered file's remarks (a part is never taken for the whole). */
function filterRemarks(data: ProviderExport): string | null {
  const { filters } = data.scope;
  if (!isFiltered(filters)) return null;
  const said = describeFilters(data).map(([label, value]) => `${label.toLowerCase()} ${oneLine(value)}`);
  return `Filtered: only areas matching ${said.join("; ")}. Other areas of this version are left out.`;
}

/** The scope as properties, so a tool can tell a whole model from a part of one. */
function scopeProps(data: ProviderExport): OscalProperty[] {
  const { service, model, filters } = data.scope;
  return [
    ...prop("provider", data.provider.slug),
    ...prop("service", service),
    ...prop("deployment-model", model),
    ...canonicalAssignments(filters.assignments).flatMap((a) => prop("filter-assignment", a)),
    ...prop("filter-query", filters.query),
    ...(filters.parties ?? []).flatMap((p) => prop("filter-party", p)),
    ...(filters.layers ?? []).flatMap((l) => prop("filter-layer", l)),
    ...(filters.frameworks ?? []).flatMap((f) => prop("filter-framework", f)),
  ];
}

/** Roles and parties: one role per party of the provider (keyed by its key), held by that party. */
function rolesAndParties(data: ProviderExport): Pick<OscalMetadata, "roles" | "parties" | "responsible-parties"> {
  const parties = data.provider.parties;
  return {
    roles: parties.map((party) => ({
      id: roleId(party.key),
      title: oneLine(party.name),
      ...given("description", party.description),
      props: prop("party-role", party.role),
    })),
    parties: parties.map((party) => ({
      uuid: partyUuid(data, party.key),
      type: "organization" as const,
      name: oneLine(party.name),
      props: prop("party-key", party.key),
      ...given("remarks", party.description),
    })),
    "responsible-parties": parties.map((party) => ({
      "role-id": roleId(party.key),
      "party-uuids": [partyUuid(data, party.key)],
    })),
  };
}

export const sourceUuid = (data: ProviderExport) => demarcUuid(`${providerName(data.provider.slug)}:source`);

/** The document the model was transcribed from, cited in the back matter (with its address, if any). */
export function sourceResource(data: ProviderExport): OscalResource {
  const { source } = data.provider;
  return {
    uuid: sourceUuid(data),
    title: oneLine(source.title),
    description: `The document ${data.provider.name}'s shared responsibility model was transcribed from.`,
    citation: {
      text: oneLine(source.retrieved ? `${source.title} (retrieved ${source.retrieved})` : source.title),
      props: [...prop("document", source.document), ...prop("retrieved", source.retrieved)],
    },
    ...some("rlinks", source.url ? [{ href: source.url }] : []),
  };
}

/** Metadata of either file: the version's number, date and content hash, and the provider's parties. */
export function documentMetadata(data: ProviderExport, title: string): OscalMetadata {
  const { version } = data;
  const remarks = [version.note.trim(), filterRemarks(data)].filter(Boolean).join("\n\n");
  return {
    title: oneLine(title),
    published: version.publishedAt,
    "last-modified": version.publishedAt,
    version: String(version.number),
    "oscal-version": oscalVersion,
    props: [
      ...prop("content-hash", version.contentHash, {
        remarks: "SHA-256 of the version's canonical document, as Demarc's verification looks it up",
      }),
      ...scopeProps(data),
    ],
    links: [{ href: `#${sourceUuid(data)}`, rel: "reference", text: "Source" }],
    ...rolesAndParties(data),
    ...given("remarks", remarks),
  };
}

/** "Shared (Customer + Contain): several parties carry complementary duties." */
export function assignmentSentence(area: MatrixRow, parties: readonly PartyDto[]): string {
  const meta = assignmentMeta[area.assignment];
  const detail = assignmentPartiesDetail(area, parties);
  const description = meta.description.charAt(0).toLowerCase() + meta.description.slice(1);
  return `${meta.label}${detail ? ` (${detail})` : ""}: ${description}`;
}

/** The area's notes, the team's interpretation and the reason for its assignment, as paragraphs. */
export function areaRemarks(area: MatrixRow): string {
  return [
    area.notes,
    area.interpretation ? `Interpretation: ${area.interpretation}` : null,
    area.assignmentReason ? `Assignment reason: ${area.assignmentReason}` : null,
    area.overridden ? "The deployment model changes this area's assignment." : null,
  ]
    .filter(Boolean)
    .join("\n\n");
}

/** The parties in provider order that carry the row or have anything in their cell (other than N/A). */
export function involvedParties(area: MatrixRow, parties: readonly PartyDto[]): PartyDto[] {
  return parties.filter(
    (party) =>
      area.parties.includes(party.key) ||
      area.cells.some((cell) => cell.party === party.key && (cell.duties.length > 0 || cell.raci !== null)),
  );
}

/** Every area in the file with its service (null: cross-cutting), in the order the file lists them. */
export function exportAreas(data: ProviderExport): { service: string | null; area: MatrixRow }[] {
  return [
    ...data.services.flatMap((service) => service.areas.map((area) => ({ service: service.slug, area }))),
    ...data.crossCutting.areas.map((area) => ({ service: null, area })),
  ];
}
