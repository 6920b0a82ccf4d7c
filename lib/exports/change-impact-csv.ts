// What a new version changes for one organization, as rows: the data both files of a change impact
// are made from (this CSV, and the PDF of change-impact-report.ts), and the words for each row's
// place, change, rank and sides. One row per item of lib/model/version-impact.ts, in its order (tiers
// in stack order, areas in matrix order); cells are neutralised against formulas by csvDocument.
import { impactKindLabels, impactRankLabels } from "@/lib/model/impact-labels";
import type { ImpactSystem } from "@/lib/notifications/impact-document";
import { impactPartyText, impactSideText, isAreaRow, itemPlace } from "@/lib/notifications/impact-words";
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
      impactSideText(item, item.before, organization),
      impactSideText(item, item.after, organization),
      isAreaRow(item) ? "" : impactPartyText(item),
    ]),
  );
}

export function renderChangeImpactCsv(data: ChangeImpactFileData): string {
  return csvDocument([changeImpactColumns, ...changeImpactRows(data)]);
}
