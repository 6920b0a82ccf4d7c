// The rows of one affected system: what each changed row said before and says now, as cards that
// read the same on a phone and a desktop (the words are the files' too: lib/notifications/impact-words.ts).
import { impactKindLabels } from "@/lib/model/impact-labels";
import type { ImpactItem, ImpactSide } from "@/lib/model/version-impact";
import type { ImpactSystem } from "@/lib/notifications/impact-document";
import Link from "next/link";
import { impactPartyText, impactSideText, isAreaRow, itemHref, itemPlace } from "@/lib/notifications/impact-words";
import { RankBadge } from "./rank-badge";

export function ImpactRows({ system, organization }: { system: ImpactSystem; organization: string }) {
  return (
    <ul className="space-y-3">
      {system.items.map((item, i) => {
        const href = itemHref(system, item);
        return (
          <li key={i} className="rounded-lg border border-slate-200 bg-white p-3">
            <div className="flex flex-wrap items-center gap-2">
              <RankBadge rank={item.rank} />
              <span className="text-sm font-semibold text-slate-900">{impactKindLabels[item.kind]}</span>
              {href ? (
                <Link href={href} className="ml-auto text-sm font-medium text-blue-700 hover:underline">
                  Open the row<span className="sr-only"> {item.areaName} as published</span>
                </Link>
              ) : null}
            </div>
            <p className="mt-1 break-words text-sm text-slate-700">
              {itemPlace(system, item)} › {item.areaName}
              {isAreaRow(item) ? "" : ` · ${impactPartyText(item)}`}
            </p>
            <dl className="mt-2 grid gap-2 sm:grid-cols-2">
              <Side label="Before" side={item.before} item={item} organization={organization} />
              <Side label="Now" side={item.after} item={item} organization={organization} />
            </dl>
          </li>
        );
      })}
    </ul>
  );
}

function Side(props: { label: string; side: ImpactSide | null; item: ImpactItem; organization: string }) {
  const { side, item } = props;
  const absent = isAreaRow(item) ? "No such area" : "Not listed";
  return (
    <div className="min-w-0 rounded-md bg-slate-50 p-2">
      <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600">{props.label}</dt>
      <dd className="mt-1 break-words text-sm text-slate-900">
        {side ? impactSideText(item, side, props.organization) || absent : absent}
      </dd>
    </div>
  );
}
