// A system's obligations as table rows: plain values prepared on the server (labels, dates, the
// due bucket measured against the server's today), so the client table only displays and filters.
import { isOverdue, obligationTrail, type TrackingStatus } from "@/lib/model/obligation-tracking";
import type { SystemTrackingView } from "@/lib/systems/get-system-tracking";

export type DueBucket = "overdue" | "soon" | "later" | "none";

export const dueBucketLabels: Record<DueBucket, string> = {
  overdue: "Overdue",
  soon: "Due within 30 days",
  later: "Due later",
  none: "No due date",
};

export interface ObligationRow {
  key: string;
  href: string;
  duty: string;
  /** Provider › service of the tier the duty belongs to. */
  service: string;
  area: string;
  status: TrackingStatus;
  review: "review" | "current";
  owner: string | undefined;
  due: string | undefined;
  dueBucket: DueBucket;
  evidence: number;
  trail: string;
}

export function obligationRows(view: SystemTrackingView, base: string): ObligationRow[] {
  const soon = new Date(`${view.today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + 30);
  const soonDay = soon.toISOString().slice(0, 10);
  const tierLabel = new Map(
    view.system.tiers.map((t) => [
      t.tier.key,
      `${t.provider?.name ?? t.tier.provider} › ${t.input?.service.name ?? t.tier.service}`,
    ]),
  );
  const ownerName = new Map(view.owners.map((o) => [o.id, o.name]));
  return (view.tracked?.obligations ?? []).map((o): ObligationRow => {
    const due = o.record?.dueDate ?? undefined;
    return {
      key: o.key,
      href: `${base}/${encodeURIComponent(o.key)}`,
      duty: o.text,
      service: tierLabel.get(o.tier) ?? o.tier,
      area: o.areaName,
      status: o.status,
      review: o.review ? "review" : "current",
      owner: (o.record?.ownerId && ownerName.get(o.record.ownerId)) || undefined,
      due,
      dueBucket: !due ? "none" : isOverdue(o, view.today) ? "overdue" : due <= soonDay ? "soon" : "later",
      evidence: o.record?.evidenceLinks.length ?? 0,
      trail: obligationTrail(o),
    };
  });
}
