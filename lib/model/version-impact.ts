// What a provider's new version changes for one organization: a comparison of two resolutions of the
// same system (lib/model/system-resolution.ts), one with the services as they were, one with the new
// version. Subscribed services resolve as a system too, so one rule serves both. Pure; shared by
// server, UI and tests.
//
// The rules:
//   - Only duties the organization carries count (carrier "organization"), plus area-level changes
//     of the compared areas. A service the system does not contain is not in either resolution, so
//     its changes bring no items; `tiers` narrows the comparison to the publishing provider's tiers.
//   - Areas are matched by tier and key (cross-cutting areas apart, keyed as tracking keys them):
//     the same key with another name is renamed; another key is one area removed and one added.
//   - Duties are matched within an area as tracking matches records (lib/model/obligation-tracking.ts):
//     in the same cell (tier, area, party) the same words at the same position, then the same words
//     nearest; then the same words in another cell of the area (a duty the provider moved between
//     parties); then, in the same cell, the same position (the duty was reworded). The words are
//     looked for elsewhere before a duty counts as reworded, so a duty moved away is not mistaken
//     for a rewording of a new one at its old place.
//   - A matched duty the organization carries after but not before "became yours", the reverse
//     "left you"; an unmatched one is new (became yours) or removed (left you). Carried on both
//     sides: "strength changed" if its strength did (one row, which also shows any new words), else
//     "text changed" if its words did (not for a duty that is only the area's name: the rename says it).
//   - An area whose assignment or set of carriers changed has "assignment changed".
//   - Ranking: became yours is action required; a stronger strength (may < should < must) is action
//     required, a weaker one informational; left you, text changed, area renamed and area removed
//     are informational; assignment changed is action required when the area has a became-yours
//     duty. An added area is informational: its duties' became-yours rows carry the action, so it is
//     not counted twice.
//   - Order: tiers in stack order, areas in matrix order (a removed area after the one it followed),
//     area rows before duty rows, duties by position.
import type { AssignmentValue } from "@/lib/domain/assignment";
import { crossCuttingAreaKey } from "./obligation-tracking";
import type { Carrier, DerivedArea, DerivedDuty, ResolvedSystem } from "./system-resolution";

export type ImpactKind =
  | "became-yours"
  | "left-you"
  | "text-changed"
  | "strength-changed"
  | "area-added"
  | "area-removed"
  | "area-renamed"
  | "assignment-changed";

export type ImpactRank = "action-required" | "informational";

export interface ImpactDuty {
  text: string;
  strength: DerivedDuty["strength"];
  /** Who carries it; lib/model/carrier-label.ts names it for readers. */
  carrier: Carrier;
  /** The matrix party whose cell lists it. */
  party: string;
  partyName: string;
  position: number;
  implicit: boolean;
}

/** One side of a row: the area as it reads there and, on a duty row, the duty. */
export interface ImpactSide {
  areaName: string;
  assignment: AssignmentValue;
  /** The deployment model changed who carries the area. */
  overridden: boolean;
  /** Who carries the area's duties, each once, in matrix order. */
  carriers: Carrier[];
  /** Null on an area row. */
  duty: ImpactDuty | null;
}

export interface ImpactItem {
  kind: ImpactKind;
  rank: ImpactRank;
  tier: string;
  /** The area's key as tracking names it ("~key" for a cross-cutting area). */
  area: string;
  /** As it reads after (before, for what was removed). */
  areaName: string;
  /** Null: no duty before matches it (a new duty), or, on an area row, the area is new. */
  before: ImpactSide | null;
  /** Null: no duty after matches it (a removed duty), or, on an area row, the area is gone. */
  after: ImpactSide | null;
}

export interface VersionImpact {
  items: ImpactItem[];
  actionRequired: number;
  informational: number;
}

export interface CompareOptions {
  /** Only these tiers (the services of the provider that published); all tiers when absent. */
  tiers?: readonly string[];
}

const strengthOrder: Record<DerivedDuty["strength"], number> = { may: 0, should: 1, must: 2 };

export function compareResolutions(
  before: ResolvedSystem,
  after: ResolvedSystem,
  options: CompareOptions = {},
): VersionImpact {
  const items: ImpactItem[] = [];
  const areasOf = (system: ResolvedSystem, tier: string) =>
    new Map((system.tiers.find((t) => t.key === tier)?.areas ?? []).map((a) => [areaKey(a), a]));
  const tierKeys = mergeOrder(
    before.tiers.map((t) => t.key),
    after.tiers.map((t) => t.key),
  ).filter((tier) => !options.tiers || options.tiers.includes(tier));
  for (const tier of tierKeys) {
    const old = areasOf(before, tier);
    const now = areasOf(after, tier);
    for (const key of mergeOrder([...old.keys()], [...now.keys()]))
      items.push(...compareArea(tier, key, old.get(key) ?? null, now.get(key) ?? null));
  }
  const actionRequired = items.filter((i) => i.rank === "action-required").length;
  return { items, actionRequired, informational: items.length - actionRequired };
}

function compareArea(tier: string, key: string, old: DerivedArea | null, now: DerivedArea | null): ImpactItem[] {
  const row = (
    kind: ImpactKind,
    rank: ImpactRank,
    before: ImpactSide | null,
    after: ImpactSide | null,
  ): ImpactItem => ({
    kind,
    rank,
    tier,
    area: key,
    areaName: (now ?? old)!.name,
    before,
    after,
  });
  const areaRow = (kind: ImpactKind, rank: ImpactRank) =>
    row(kind, rank, old && side(old, null), now && side(now, null));
  const dutyRow = (kind: ImpactKind, rank: ImpactRank, was: DerivedDuty | null, duty: DerivedDuty | null) =>
    row(kind, rank, was && side(old!, was), duty && side(now!, duty));

  const dutyItems: ImpactItem[] = [];
  const matched = matchDuties(old?.duties ?? [], now?.duties ?? []);
  const matchedBefore = new Set(matched.values());
  for (const duty of now?.duties ?? []) {
    const was = matched.get(duty) ?? null;
    const yours = isOrganization(duty);
    const wasYours = was !== null && isOrganization(was);
    if (yours && !wasYours) dutyItems.push(dutyRow("became-yours", "action-required", was, duty));
    else if (!yours && wasYours) dutyItems.push(dutyRow("left-you", "informational", was, duty));
    else if (yours && was && was.strength !== duty.strength) {
      const stronger = strengthOrder[duty.strength] > strengthOrder[was.strength];
      dutyItems.push(dutyRow("strength-changed", stronger ? "action-required" : "informational", was, duty));
    } else if (yours && was && was.text !== duty.text && !(was.implicit && duty.implicit))
      dutyItems.push(dutyRow("text-changed", "informational", was, duty));
  }
  for (const duty of old?.duties ?? [])
    if (isOrganization(duty) && !matchedBefore.has(duty))
      dutyItems.push(dutyRow("left-you", "informational", duty, null));
  // Stable: duties at one position keep matrix order.
  const position = (item: ImpactItem) => (item.after ?? item.before)!.duty!.position;
  dutyItems.sort((a, b) => position(a) - position(b));

  const areaItems: ImpactItem[] = [];
  if (!old) areaItems.push(areaRow("area-added", "informational"));
  else if (!now) areaItems.push(areaRow("area-removed", "informational"));
  else {
    if (old.name !== now.name) areaItems.push(areaRow("area-renamed", "informational"));
    if (old.assignment !== now.assignment || !sameCarriers(old, now)) {
      const gained = dutyItems.some((i) => i.kind === "became-yours");
      areaItems.push(areaRow("assignment-changed", gained ? "action-required" : "informational"));
    }
  }
  return [...areaItems, ...dutyItems];
}

type Finder = (duty: DerivedDuty, free: DerivedDuty[]) => DerivedDuty | undefined;

const sameWordsSamePlace: Finder = (duty, free) =>
  free.find((d) => d.text === duty.text && d.position === duty.position);
const sameWordsNearest: Finder = (duty, free) =>
  free
    .filter((d) => d.text === duty.text)
    .sort((a, b) => Math.abs(a.position - duty.position) - Math.abs(b.position - duty.position))[0];
const samePlace: Finder = (duty, free) => free.find((d) => d.position === duty.position);

/** Every duty of an area (whoever carries it) after → its match before; see the header for the passes. */
function matchDuties(before: readonly DerivedDuty[], after: readonly DerivedDuty[]): Map<DerivedDuty, DerivedDuty> {
  const matched = new Map<DerivedDuty, DerivedDuty>();
  const taken = new Set<DerivedDuty>();
  const pass = (find: Finder, sameCell: boolean) => {
    for (const duty of after) {
      if (matched.has(duty)) continue;
      const free = before.filter((d) => !taken.has(d) && (!sameCell || partyOf(d) === partyOf(duty)));
      const found = find(duty, free);
      if (found) {
        matched.set(duty, found);
        taken.add(found);
      }
    }
  };
  pass(sameWordsSamePlace, true);
  pass(sameWordsNearest, true);
  pass(sameWordsNearest, false);
  pass(samePlace, true);
  return matched;
}

function side(area: DerivedArea, duty: DerivedDuty | null): ImpactSide {
  return {
    areaName: area.name,
    assignment: area.assignment,
    overridden: area.overridden,
    carriers: carriersOf(area),
    duty: duty && {
      text: duty.text,
      strength: duty.strength,
      carrier: duty.carrier,
      party: partyOf(duty),
      partyName: duty.provenance.at(-1)!.partyName,
      position: duty.position,
      implicit: duty.implicit,
    },
  };
}

function carriersOf(area: DerivedArea): Carrier[] {
  const byId = new Map<string, Carrier>();
  for (const duty of area.duties)
    if (!byId.has(carrierId(duty.carrier))) byId.set(carrierId(duty.carrier), duty.carrier);
  return [...byId.values()];
}

function sameCarriers(a: DerivedArea, b: DerivedArea): boolean {
  const ids = (area: DerivedArea) => carriersOf(area).map(carrierId).sort().join("\n");
  return ids(a) === ids(b);
}

/** Identity without names: a provider renaming itself does not change who carries an area. */
function carrierId(carrier: Carrier): string {
  switch (carrier.kind) {
    case "organization":
      return "organization";
    case "provider":
      return `provider:${carrier.tier}`;
    case "unbound":
      return `unbound:${carrier.tier}:${carrier.party}`;
    case "delegated":
      return `delegated:${carrier.tier}:${carrier.party}:${carrier.lowerTier}`;
  }
}

const isOrganization = (duty: DerivedDuty) => duty.carrier.kind === "organization";
const partyOf = (duty: DerivedDuty) => duty.provenance.at(-1)!.party;
const areaKey = (area: DerivedArea) => (area.crossCutting ? crossCuttingAreaKey(area.key) : area.key);

/** The keys of `after` in order, each key only in `before` placed after the key it followed there. */
function mergeOrder(before: readonly string[], after: readonly string[]): string[] {
  const merged = [...after];
  before.forEach((key, i) => {
    if (merged.includes(key)) return;
    const previous = i === 0 ? -1 : merged.indexOf(before[i - 1]!);
    merged.splice(previous + 1, 0, key);
  });
  return merged;
}
