// An impact row's rank as a labelled pill (never colour alone).
import { impactRankLabels } from "@/lib/model/impact-labels";
import type { ImpactRank } from "@/lib/model/version-impact";

const rankStyles: Record<ImpactRank, string> = {
  "action-required": "bg-red-50 text-red-900 ring-red-300",
  informational: "bg-slate-100 text-slate-800 ring-slate-300",
};

export function RankBadge({ rank, count }: { rank: ImpactRank; count?: number }) {
  return (
    <span
      className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${rankStyles[rank]}`}
    >
      {count === undefined ? impactRankLabels[rank] : `${count} ${impactRankLabels[rank].toLowerCase()}`}
    </span>
  );
}
