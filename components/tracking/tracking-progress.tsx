// Progress of a set of obligations: a bar whose segments are the statuses (settled ones first) and
// the numbers in words, so the bar is decoration and the sentence carries the figures.
import { plural } from "@/lib/format";
import {
  settledStatuses,
  trackingStatusLabels,
  trackingStatuses,
  type TrackingProgress,
} from "@/lib/model/obligation-tracking";
import { statusFills } from "./status-badge";

const barOrder = [...settledStatuses, ...trackingStatuses.filter((s) => !settledStatuses.includes(s))];

export function ProgressBar({ progress, label }: { progress: TrackingProgress; label: string }) {
  const percent = progress.total ? Math.round((progress.settled / progress.total) * 100) : 100;
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <span className="font-medium text-slate-900">{label}</span>
        <span className="text-sm tabular-nums text-slate-700">
          {progress.settled} of {plural(progress.total, "obligation")} settled ({percent}%)
        </span>
      </div>
      <div aria-hidden="true" className="mt-1 flex h-2.5 overflow-hidden rounded-full bg-slate-200">
        {barOrder.map((status) =>
          progress.byStatus[status] ? (
            <span
              key={status}
              className={statusFills[status]}
              style={{ width: `${(progress.byStatus[status] / progress.total) * 100}%` }}
            />
          ) : null,
        )}
      </div>
      <p className="mt-1 text-xs text-slate-600">
        {barOrder
          .filter((s) => progress.byStatus[s] > 0)
          .map((s) => `${trackingStatusLabels[s]} ${progress.byStatus[s]}`)
          .join(" · ")}
        {progress.overdue ? <span className="font-medium text-red-700"> · {progress.overdue} overdue</span> : null}
        {progress.review ? <span className="font-medium text-orange-800"> · {progress.review} to review</span> : null}
      </p>
    </div>
  );
}
