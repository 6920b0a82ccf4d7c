// The rows of one affected system: what each changed row said before and says now, as cards that
// read the same on a phone and a desktop.
import { assignmentMeta } from "@/lib/domain/assignment";
import { impactKindLabels } from "@/lib/domain/impact-labels";
import type { ImpactItem, ImpactSide } from "@/lib/domain/version-impact";
import { tierLabel, type ImpactSystem } from "@/lib/notifications/impact-document";
import { RankBadge } from "./rank-badge";

export function ImpactRows({ system }: { system: ImpactSystem }) {
  return (
    <ul className="space-y-3">
      {system.items.map((item, i) => (
        <li key={i} className="rounded-lg border border-slate-200 bg-white p-3">
          <div className="flex flex-wrap items-center gap-2">
            <RankBadge rank={item.rank} />
            <span className="text-sm font-semibold text-slate-900">{impactKindLabels[item.kind]}</span>
          </div>
          <p className="mt-1 break-words text-sm text-slate-700">
            {tierLabel(system, item.tier)} › {item.areaName}
          </p>
          <dl className="mt-2 grid gap-2 sm:grid-cols-2">
            <Side label="Before" side={item.before} item={item} />
            <Side label="Now" side={item.after} item={item} />
          </dl>
        </li>
      ))}
    </ul>
  );
}

function Side({ label, side, item }: { label: string; side: ImpactSide | null; item: ImpactItem }) {
  return (
    <div className="min-w-0 rounded-md bg-slate-50 p-2">
      <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600">{label}</dt>
      <dd className="mt-1 break-words text-sm text-slate-900">{describeSide(side, item)}</dd>
    </div>
  );
}

function describeSide(side: ImpactSide | null, item: ImpactItem): string {
  if (!side) return item.kind.startsWith("area-") ? "No such area" : "Not listed";
  const assignment = `${assignmentMeta[side.assignment].label} (${assignmentMeta[side.assignment].symbol})`;
  if (!side.duty) return `${side.areaName}: ${assignment}`;
  const who = side.duty.carrier.kind === "organization" ? "Yours" : side.duty.partyName;
  return `“${side.duty.text}” (${side.duty.strength}) — ${who}; area ${assignment}`;
}
