// What an area row says in words, for the matrix on the page and for the exports alike: the
// parties that carry it, the party names next to its assignment, and the text a search looks at.
import { assignmentMeta, defaultParties } from "@/lib/domain/assignment";
import type { AreaDto, LayerDto, PartyDto } from "@/lib/validation/api";

export const planeLabels = { control: "Control plane", data: "Data plane" } as const;

/**
 * An area row; `overridden` marks a deployment model's change to the service default, `everyService`
 * a provider's cross-cutting area shown beside a service's own.
 */
export type MatrixRow = AreaDto & { overridden?: boolean; everyService?: boolean };

/**
 * A row's fragment id on a service or provider page (`#area-backups`, `#cross-cutting-incident-response`):
 * a service's areas and a provider's cross-cutting areas have separate key spaces.
 */
export function areaAnchor(row: { key: string; everyService?: boolean }): string {
  return `${row.everyService ? "cross-cutting" : "area"}-${row.key}`;
}

export interface AreaTextOptions {
  /** The provider's parties (names for headers, badges and the party filter). */
  parties: readonly PartyDto[];
  /** The service's layers (bottom first). */
  layers?: readonly Pick<LayerDto, "key" | "name">[];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((k) => set.has(k));
}

/** The parties that carry an area: the named ones, or the assignment's default when none are named. */
export function effectiveParties(row: AreaDto, parties: readonly PartyDto[]): string[] {
  return row.parties.length > 0 ? row.parties : defaultParties(row.assignment, parties);
}

/**
 * Party names to show next to the assignment, or undefined when they add nothing: shown when the parties
 * differ from the default, and for "shared" when the provider has more than two parties (then "shared"
 * alone is ambiguous). Every party → "All"; otherwise names joined with " + " ("Customer + Contain").
 */
export function assignmentPartiesDetail(row: AreaDto, parties: readonly PartyDto[]): string | undefined {
  if (row.assignment === "n/a") return undefined;
  const keys = effectiveParties(row, parties);
  if (keys.length === 0) return undefined;
  const isDefault = sameSet(keys, defaultParties(row.assignment, parties));
  const ambiguousShared = row.assignment === "shared" && parties.length > 2;
  if (isDefault && !ambiguousShared) return undefined;
  if (
    parties.length > 2 &&
    sameSet(
      keys,
      parties.map((p) => p.key),
    )
  )
    return "All";
  const names = new Map(parties.map((p) => [p.key, p.name]));
  return keys.map((k) => names.get(k) ?? k).join(" + ");
}

/** Extra search text for a row: everything the cells show that is not a searchable column value. */
export function matrixSearchText({ parties, layers = [] }: AreaTextOptions) {
  const partyNames = new Map(parties.map((p) => [p.key, p.name]));
  const layerNames = new Map(layers.map((l) => [l.key, l.name]));
  return (row: MatrixRow): string =>
    [
      row.notes,
      row.interpretation,
      assignmentMeta[row.assignment].label,
      ...effectiveParties(row, parties).map((k) => partyNames.get(k) ?? k),
      row.layer ? layerNames.get(row.layer) : null,
      row.plane ? planeLabels[row.plane] : null,
      ...row.cells.flatMap((c) => [
        ...c.duties.map((d) => d.text),
        c.notApplicable ? "N/A" : null,
        c.raci ? `${partyNames.get(c.party) ?? c.party} ${c.raci}` : null,
      ]),
      ...row.references.map((r) => `${r.framework} ${r.control}`),
      row.assignmentReason,
      row.overridden ? "overridden" : null,
    ]
      .filter(Boolean)
      .join("\n");
}

/** Does a row match a search as the matrix's search box does (its name or any text it shows)? */
export function areaMatchesQuery(options: AreaTextOptions & { query: string }) {
  const extra = matrixSearchText(options);
  const needle = options.query.trim().toLowerCase();
  return (row: MatrixRow) => !needle || `${row.name}\n${extra(row)}`.toLowerCase().includes(needle);
}
