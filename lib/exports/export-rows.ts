// The matrix as flat rows, one per area, for the spreadsheet formats (CSV and XLSX): the same
// columns in both, one duties column and one RACI column per party that has anything to show.
import { assignmentMeta } from "@/lib/domain/assignment";
import { assignmentPartiesDetail, planeLabels, type MatrixRow } from "@/lib/model/area-text";
import { dutyStrengthLabels } from "@/lib/domain/vocabulary";
import type { GroupDto, LayerDto, PartyDto, PartyCellDto } from "@/lib/validation/api";
import type { ProviderExport } from "./export-model";

export interface ExportSheet {
  /** The service's slug, or null for the cross-cutting areas. */
  service: string | null;
  title: string;
  columns: string[];
  rows: ExportRow[];
}

export interface ExportRow {
  area: MatrixRow;
  values: string[];
}

/** A cell's text: its duties one per line (with their strength unless "must"), "N/A", or empty. */
export function cellText(cell: PartyCellDto | undefined): string {
  if (!cell) return "";
  if (cell.notApplicable) return "N/A";
  return cell.duties
    .map((duty) => (duty.strength === "must" ? duty.text : `${dutyStrengthLabels[duty.strength]}: ${duty.text}`))
    .join("\n");
}

/** "3.1 Backups › Restores": the area's groups, outermost first. */
export function groupPath(groups: readonly GroupDto[], key: string | null): string {
  const titles: string[] = [];
  const seen = new Set<string>();
  for (let group = groups.find((g) => g.key === key); group && !seen.has(group.key);) {
    seen.add(group.key);
    titles.unshift(group.number ? `${group.number} ${group.title}` : group.title);
    const parent = group.parent;
    group = groups.find((g) => g.key === parent);
  }
  return titles.join(" › ");
}

/** Parties with anything on these rows, in the provider's order. */
function partiesShown(parties: readonly PartyDto[], rows: readonly MatrixRow[]): PartyDto[] {
  return parties.filter((party) => rows.some((row) => row.cells.some((cell) => cell.party === party.key)));
}

/** Where an area sits: its service (or the cross-cutting areas), with that part's groups and layers. */
interface Part {
  service: string | null;
  title: string;
  model: string;
  groups: readonly GroupDto[];
  layers: readonly LayerDto[];
  areas: readonly MatrixRow[];
}

function parts(data: ProviderExport): Part[] {
  const list: Part[] = data.services.map((service) => ({
    service: service.slug,
    title: service.name,
    model: service.model?.name ?? "",
    groups: service.groups,
    layers: service.layers,
    areas: service.areas,
  }));
  if (data.crossCutting.areas.length > 0)
    list.push({
      service: null,
      title: "Cross-cutting",
      model: "",
      groups: data.crossCutting.groups,
      layers: [],
      areas: data.crossCutting.areas,
    });
  return list;
}

function sheet(data: ProviderExport, service: string | null, title: string, from: readonly Part[]): ExportSheet {
  const areas = from.flatMap((part) => part.areas);
  const parties = partiesShown(data.provider.parties, areas);
  const anyRaci = areas.some((row) => row.cells.some((cell) => cell.raci));
  const partyName = new Map(data.provider.parties.map((party) => [party.key, party.name]));
  const columns = [
    "Provider",
    "Version",
    "Service",
    "Deployment model",
    "Group",
    "Area key",
    "Area",
    "Assignment",
    "Responsible parties",
    "Assignment reason",
    ...parties.flatMap((party) => [`${party.name} duties`, ...(anyRaci ? [`${party.name} RACI`] : [])]),
    "Framework references",
    "Notes",
    "Interpretation",
    "Layer",
    "Plane",
    "CAIQ SSRM control ownership",
  ];
  const rows = from.flatMap((part) => {
    const layerName = new Map(part.layers.map((layer) => [layer.key, layer.name]));
    return part.areas.map((area) => ({
      area,
      values: [
        data.provider.name,
        String(data.version.number),
        part.title,
        part.model,
        groupPath(part.groups, area.group),
        area.key,
        area.name,
        assignmentMeta[area.assignment].label,
        assignmentPartiesDetail(area, data.provider.parties) ??
          area.parties.map((key) => partyName.get(key) ?? key).join(" + "),
        area.assignmentReason ?? "",
        ...parties.flatMap((party) => {
          const cell = area.cells.find((c) => c.party === party.key);
          return [cellText(cell), ...(anyRaci ? [cell?.raci ?? ""] : [])];
        }),
        area.references.map((ref) => `${ref.framework} ${ref.control}`).join("\n"),
        area.notes ?? "",
        area.interpretation ?? "",
        area.layer ? (layerName.get(area.layer) ?? area.layer) : "",
        area.plane ? planeLabels[area.plane] : "",
        `${area.caiq.ownership}${area.caiq.exact ? "" : " (approximate)"}`,
      ],
    }));
  });
  return { service, title, columns, rows };
}

/** One sheet per service, then the cross-cutting areas (when there are any): the workbook's sheets. */
export function exportSheets(data: ProviderExport): ExportSheet[] {
  return parts(data).map((part) => sheet(data, part.service, part.title, [part]));
}

/** Every area in one table, services first, then the cross-cutting areas: the CSV file. */
export function exportTable(data: ProviderExport): ExportSheet {
  return sheet(data, data.scope.service, data.provider.name, parts(data));
}
