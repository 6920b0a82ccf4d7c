// The words for each changed row of an impact: where it is, who carries it, and each side as text.
// One wording for the page, the files and the messages. Pure.
import { areaHref } from "@/lib/model/area-anchor";
import { assignmentMeta } from "@/lib/domain/assignment";
import { carrierLabel } from "@/lib/model/carrier-label";
import type { ImpactItem, ImpactSide } from "@/lib/model/version-impact";
import { dutyStrengthLabels } from "@/lib/domain/vocabulary";
import { tierLabel, type ImpactSystem } from "./impact-document";

/** Where cross-cutting areas are listed: they apply to every service of the provider, not one tier. */
const crossCuttingPlace = "All services (cross-cutting)";

const isCrossCutting = (item: ImpactItem) => item.area.startsWith("~");

/** The service an item belongs to ("Provider › Service"), or the cross-cutting place. */
export function itemPlace(system: ImpactSystem, item: ImpactItem): string {
  return isCrossCutting(item) ? crossCuttingPlace : tierLabel(system, item.tier);
}

export const isAreaRow = (item: ImpactItem) => (item.before ?? item.after)?.duty === null;

/** "a", "a and b", "a, b and c". */
function listOf(names: readonly string[]): string {
  return names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** Who carries an area's duties, "A, B and C"; empty when nobody does. */
export function carriersText(side: ImpactSide, organization: string): string {
  return listOf(side.carriers.map((c) => carrierLabel(c, organization)));
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
export function impactPartyText(item: ImpactItem): string {
  const before = item.before?.duty?.partyName;
  const after = item.after?.duty?.partyName;
  if (before && after && before !== after) return `${before} → ${after}`;
  return after ?? before ?? "";
}

export function impactSideText(item: ImpactItem, side: ImpactSide | null, organization: string): string {
  if (!side) return "";
  return isAreaRow(item) ? areaSideText(item.kind, side, organization) : dutySideText(side);
}

/** The row as published now (its service page, or the provider page for a cross-cutting area); null once it is gone. */
export function itemHref(system: ImpactSystem, item: ImpactItem): string | null {
  const tier = system.tiers?.find((t) => t.key === item.tier);
  if (!item.after || !tier?.providerSlug || !tier.serviceSlug) return null;
  return isCrossCutting(item)
    ? areaHref({ provider: tier.providerSlug, service: null, area: item.area.slice(1) })
    : areaHref({ provider: tier.providerSlug, service: tier.serviceSlug, area: item.area });
}
