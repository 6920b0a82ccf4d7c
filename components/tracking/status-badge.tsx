// An obligation's tracking status as a labelled pill; "changed by the provider" beside it when the
// provider reworded the duty since the status was recorded.
import { trackingStatusLabels, type TrackingStatus } from "@/lib/domain/tracking-status";

const statusStyles: Record<TrackingStatus, string> = {
  open: "bg-slate-100 text-slate-800 ring-slate-300",
  planned: "bg-sky-50 text-sky-900 ring-sky-300",
  "in-progress": "bg-amber-50 text-amber-900 ring-amber-300",
  implemented: "bg-emerald-50 text-emerald-900 ring-emerald-300",
  "not-applicable": "bg-stone-100 text-stone-800 ring-stone-300",
  "risk-accepted": "bg-violet-50 text-violet-900 ring-violet-300",
};

/** Bar segments, in the order statuses settle. */
export const statusFills: Record<TrackingStatus, string> = {
  implemented: "bg-emerald-600",
  "not-applicable": "bg-stone-500",
  "risk-accepted": "bg-violet-600",
  "in-progress": "bg-amber-500",
  planned: "bg-sky-500",
  open: "bg-slate-200",
};

export function StatusBadge({ status, review = false }: { status: TrackingStatus; review?: boolean }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span
        className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${statusStyles[status]}`}
      >
        {trackingStatusLabels[status]}
      </span>
      {review ? <ReviewFlag /> : null}
    </span>
  );
}

export function ReviewFlag() {
  return (
    <span className="inline-block whitespace-nowrap rounded-full bg-orange-50 px-2 py-0.5 text-xs font-medium text-orange-900 ring-1 ring-inset ring-orange-300">
      Changed by the provider — review
    </span>
  );
}
