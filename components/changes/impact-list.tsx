// An organization's inbox: one card per version that changed its obligations, newest first.
import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import type { ChangeImpactSummary } from "@/lib/notifications/list-change-impacts";
import { RankBadge } from "./rank-badge";

/** `base` + /<id> opens an impact: /me/changes for members, /changes/<organization> for staff. */
export function ImpactList({ impacts, base }: { impacts: readonly ChangeImpactSummary[]; base: string }) {
  return (
    <ul className="space-y-3">
      {impacts.map((impact) => (
        <li key={impact.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <h2 className="min-w-0 text-base font-semibold text-slate-900">
              <Link href={`${base}/${impact.id}`} className="text-blue-700 hover:underline">
                {impact.provider.name}: version {impact.fromVersion} → {impact.toVersion}
              </Link>
            </h2>
            <p className="text-sm text-slate-600">{formatDateTime(impact.createdAt)}</p>
          </div>
          <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
            {impact.actionRequired ? <RankBadge rank="action-required" count={impact.actionRequired} /> : null}
            {impact.informational ? <RankBadge rank="informational" count={impact.informational} /> : null}
            <span className={impact.acknowledged ? "text-emerald-800" : "font-medium text-slate-900"}>
              {impact.acknowledged
                ? `Acknowledged by ${impact.acknowledged.by}, ${formatDateTime(impact.acknowledged.at)}`
                : "Not acknowledged yet"}
            </span>
          </p>
        </li>
      ))}
    </ul>
  );
}
