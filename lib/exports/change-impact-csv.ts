// What a new version changes for one organization, as rows: the data both files of a change impact
// are made from (this CSV, and the PDF of change-impact-report.ts), and the words for each row's
// place, change, rank and sides. One row per item of lib/domain/version-impact.ts, in its order (tiers
// in stack order, areas in matrix order); cells are neutralised against formulas by csvDocument.
import { assignmentMeta } from "@/lib/domain/assignment";
import { impactKindLabels, impactRankLabels } from "@/lib/domain/impact-labels";
import type { Carrier } from "@/lib/domain/system-resolution";
import type { ImpactItem, ImpactSide } from "@/lib/domain/version-impact";
import { dutyStrengthLabels } from "@/lib/domain/vocabulary";
import { tierLabel, type ImpactSystem } from "@/lib/notifications/impact-document";
import { csvDocument } from "./matrix-csv";

/** A version as the files stamp it; hash and date are absent only for a version that is gone. */
export interface ImpactVersionStamp {
  number: number;
  /** ISO 8601. */
  publishedAt: string | null;
  contentHash: string | null;
}

/** One organization's impact with what stamps its files: the DTO both renderers take. Plain data. */
export interface ChangeImpactFileData {
  organization: { slug: string; name: string };
  provider: { slug: string; name: string };
  from: ImpactVersionStamp;
  to: ImpactVersionStamp;
  actionRequired: number;
  informational: number;
  /** ISO 8601 time and the name of who acknowledged it. */
  acknowledged: { at: string; by: string } | null;
  /** When the impact was recorded (ISO 8601): the publish. */
  recordedAt: string;
  note: string | null;
  publishedBy: string | null;
  systems: ImpactSystem[];
}

const changeImpactColumns = ["System", "Service", "Area", "Change", "Rank", "Before", "After", "Party"] as const;

/** Where cross-cutting areas are listed: they apply to every service of the provider, not one tier. */
const crossCuttingPlace = "All services (cross-cutting)";

const isCrossCutting = (item: ImpactItem) => item.area.startsWith("~");

/** The service an item belongs to ("Provider › Service"), or the cross-cutting place. */
export function itemPlace(system: ImpactSystem, item: ImpactItem): string {
  return isCrossCutting(item) ? crossCuttingPlace : tierLabel(system, item.tier);
}

const isAreaRow = (item: ImpactItem) => (item.before ?? item.after)?.duty === null;

/** "a", "a and b", "a, b and c". */
function listOf(names: readonly string[]): string {
  return names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** Who carries duties, named for the organization reading the file. */
function carrierName(carrier: Carrier, organization: string): string {
  switch (carrier.kind) {
    case "organization":
      return organization;
    case "provider":
      return carrier.name;
    case "delegated":
      return `${carrier.name} (through a lower tier)`;
    case "unbound":
      return `${carrier.name} (unbound)`;
  }
}

/** Who carries an area's duties, "A, B and C"; empty when nobody does. */
export function carriersText(side: ImpactSide, organization: string): string {
  return listOf(side.carriers.map((c) => carrierName(c, organization)));
}

/** An area side in words: its name on a rename, else its assignment and who carries it. */
function areaSideText(kind: ImpactItem["kind"], side: ImpactSide, organization: string): string {
  if (kind === "area-renamed") return side.areaName;
  const carriers = carriersText(side, organization);
  return [
    assignmentMeta[side.assignment].label,
    ...(carriers ? [` (carried by ${carriers})`] : []),
    ...(side.overridden ? ["; set by the deployment model"] : []),
  ].join("");
}

/** A duty side in words: the duty's text, then its strength ("Encrypt backups (must)"). */
function dutySideText(side: ImpactSide): string {
  const duty = side.duty!;
  return `${duty.text} (${dutyStrengthLabels[duty.strength].toLowerCase()})`;
}

/** The matrix party whose cell lists the duty; "Provider → Customer" for a duty that moved between cells. */
function partyText(item: ImpactItem): string {
  const before = item.before?.duty?.partyName;
  const after = item.after?.duty?.partyName;
  if (before && after && before !== after) return `${before} → ${after}`;
  return after ?? before ?? "";
}

function sideText(item: ImpactItem, side: ImpactSide | null, organization: string): string {
  if (!side) return "";
  return isAreaRow(item) ? areaSideText(item.kind, side, organization) : dutySideText(side);
}

/** The rows under `changeImpactColumns`. */
function changeImpactRows(data: ChangeImpactFileData): string[][] {
  const organization = data.organization.name;
  return data.systems.flatMap((system) =>
    system.items.map((item) => [
      system.name,
      itemPlace(system, item),
      item.areaName,
      impactKindLabels[item.kind],
      impactRankLabels[item.rank],
      sideText(item, item.before, organization),
      sideText(item, item.after, organization),
      isAreaRow(item) ? "" : partyText(item),
    ]),
  );
}

export function renderChangeImpactCsv(data: ChangeImpactFileData): string {
  return csvDocument([changeImpactColumns, ...changeImpactRows(data)]);
}
