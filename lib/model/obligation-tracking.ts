// Tracking a system's obligations (the duties its resolution leaves to the organization) to done.
// A record is saved against a duty as it read then; it is matched to the duties of the providers'
// current versions on every read, so a new version never loses what was recorded:
//   - the same text in the same cell (tier, area, party) keeps the record, wherever it moved;
//   - otherwise a record at the duty's position, or else the cell's next unmatched record, carries
//     over, flagged for review (the provider changed the duty's words);
//   - a duty no record matches is open; a record no duty matches is kept and listed as retired.
// Pure; shared by server, UI and tests.
import { settledStatuses, trackingStatuses, type TrackingStatus } from "@/lib/domain/tracking-status";
import type { DerivedDuty, ProvenanceStep, ResolvedSystem } from "./system-resolution";

export {
  settledStatuses,
  trackingStatusLabels,
  trackingStatuses,
  type TrackingStatus,
} from "@/lib/domain/tracking-status";

export interface TrackingRecord {
  id: string;
  tier: string;
  area: string;
  party: string;
  position: number;
  /** The duty's words when the record was last saved. */
  dutyText: string;
  status: TrackingStatus;
  reason: string | null;
  approver: string | null;
  ownerId: string | null;
  /** YYYY-MM-DD. */
  dueDate: string | null;
  evidenceLinks: string[];
  notes: string | null;
  version: number;
}

export interface TrackedObligation {
  /** `tier.area.party.position` of the duty in the current resolution; names it in forms and addresses. */
  key: string;
  tier: string;
  area: string;
  areaName: string;
  party: string;
  position: number;
  text: string;
  strength: DerivedDuty["strength"];
  implicit: boolean;
  provenance: ProvenanceStep[];
  record: TrackingRecord | null;
  status: TrackingStatus;
  /** The provider changed the duty's words since the status was recorded. */
  review: boolean;
}

export interface TrackedSystem {
  obligations: TrackedObligation[];
  /** Records whose duty is no longer the organization's (a provider removed it, or the stack changed). */
  retired: TrackingRecord[];
}

export function obligationKey(parts: { tier: string; area: string; party: string; position: number }): string {
  return `${parts.tier}.${parts.area}.${parts.party}.${parts.position}`;
}

/**
 * A cross-cutting area's key in tracking: "~" and its key, apart from the service areas' keys (a
 * provider may use one key for both) and, like them, safe in an address.
 */
export function crossCuttingAreaKey(key: string): string {
  return `~${key}`;
}

export function trackSystem(resolved: ResolvedSystem, records: readonly TrackingRecord[]): TrackedSystem {
  const obligations: TrackedObligation[] = [];
  const used = new Set<string>();
  // A provider's cross-cutting records follow the provider, not the tier they were saved under: the
  // subscribed services list them under the provider's first service, which changes with subscriptions.
  const providerOf = new Map(
    resolved.tiers.map((t) => [t.key, t.areas.flatMap((a) => a.duties)[0]?.provenance.at(-1)?.provider]),
  );
  for (const tier of resolved.tiers)
    for (const area of tier.areas) {
      const duties = area.duties.filter((d) => d.carrier.kind === "organization");
      const byParty = new Map<string, DerivedDuty[]>();
      for (const duty of duties) {
        const party = duty.provenance.at(-1)!.party;
        byParty.set(party, [...(byParty.get(party) ?? []), duty]);
      }
      const areaKey = area.crossCutting ? crossCuttingAreaKey(area.key) : area.key;
      const sameTier = (r: TrackingRecord) =>
        r.tier === tier.key ||
        (area.crossCutting && providerOf.get(r.tier) === providerOf.get(tier.key) && providerOf.has(r.tier));
      for (const [party, cellDuties] of byParty) {
        const cell = { tier: tier.key, area: areaKey, party };
        const candidates = records.filter(
          (r) => r.area === cell.area && r.party === cell.party && !used.has(r.id) && sameTier(r),
        );
        const matched = new Map<DerivedDuty, TrackingRecord>();
        const pass = (pick: (duty: DerivedDuty, free: TrackingRecord[]) => TrackingRecord | undefined) => {
          for (const duty of cellDuties) {
            if (matched.has(duty)) continue;
            const record = pick(
              duty,
              candidates.filter((r) => !used.has(r.id)),
            );
            if (record) matched.set(duty, claim(record));
          }
        };
        // Same words at the same place, then the same words nearest (a duty that moved, or one of two
        // duties with the same words), neither flagged; then a reworded duty at its place; then the
        // cell's remaining records, in order, for reworded duties that also moved (both flagged).
        pass((duty, free) => free.find((r) => r.dutyText === duty.text && r.position === duty.position));
        pass(
          (duty, free) =>
            free
              .filter((r) => r.dutyText === duty.text)
              .sort((a, b) => Math.abs(a.position - duty.position) - Math.abs(b.position - duty.position))[0],
        );
        pass((duty, free) => free.find((r) => r.position === duty.position));
        pass((_duty, free) => free.sort((a, b) => a.position - b.position)[0]);
        for (const duty of cellDuties) {
          const record = matched.get(duty) ?? null;
          obligations.push({
            key: obligationKey({ ...cell, position: duty.position }),
            ...cell,
            areaName: area.name,
            position: duty.position,
            text: duty.text,
            strength: duty.strength,
            implicit: duty.implicit,
            provenance: duty.provenance,
            record,
            status: record?.status ?? "open",
            review: record !== null && record.dutyText !== duty.text,
          });
        }
      }
    }
  return { obligations, retired: records.filter((r) => !used.has(r.id)) };

  function claim(record: TrackingRecord): TrackingRecord {
    used.add(record.id);
    return record;
  }
}

/** Where a duty came from, in words: "Platform › Control plane (Hyperscaler) → Kubernetes › …". */
export function obligationTrail(obligation: Pick<TrackedObligation, "provenance">): string {
  return obligation.provenance
    .map((step) => `${step.service}${step.area ? ` › ${step.area}` : ""} (${step.partyName})`)
    .join(" → ");
}

/** Not settled and due before `today` (YYYY-MM-DD). */
export function isOverdue(obligation: Pick<TrackedObligation, "status" | "record">, today: string): boolean {
  const due = obligation.record?.dueDate;
  return due !== null && due !== undefined && due < today && !settledStatuses.includes(obligation.status);
}

export interface TrackingProgress {
  total: number;
  settled: number;
  byStatus: Record<TrackingStatus, number>;
  overdue: number;
  review: number;
}

export function trackingProgress(obligations: readonly TrackedObligation[], today: string): TrackingProgress {
  const byStatus = Object.fromEntries(trackingStatuses.map((s) => [s, 0])) as Record<TrackingStatus, number>;
  let overdue = 0;
  let review = 0;
  for (const o of obligations) {
    byStatus[o.status] += 1;
    if (isOverdue(o, today)) overdue += 1;
    if (o.review) review += 1;
  }
  const settled = settledStatuses.reduce((n, s) => n + byStatus[s], 0);
  return { total: obligations.length, settled, byStatus, overdue, review };
}
