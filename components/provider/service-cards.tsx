import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { ServiceSummaryDto } from "@/lib/validation/api";
import { SplitBar } from "./split-bar";
import { SubscribedBadge } from "./subscribed-badge";

/** A provider's services as cards with their responsibility split; `basePath` + /services/<slug> is each link. */
export function ServiceCards({
  services,
  basePath,
  subscribed = new Set(),
}: {
  services: readonly ServiceSummaryDto[];
  basePath: string;
  /** Slugs of the services the reader's organization subscribes to: marked. */
  subscribed?: ReadonlySet<string>;
}) {
  return (
    <ul aria-labelledby="services" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {services.map((s) => (
        <li key={s.slug}>
          <Card className="h-full transition hover:border-slate-300 hover:shadow-md">
            <Link href={`${basePath}/services/${s.slug}`} className="flex h-full flex-col p-5">
              <div className="flex items-start justify-between gap-2">
                <h3 className="font-semibold text-slate-900">{s.name}</h3>
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-600">
                  {s.category}
                </span>
              </div>
              {subscribed.has(s.slug) ? <SubscribedBadge className="mt-2 self-start" /> : null}
              {/* The clamp sits inside the stretching box: a stretched clamped box shows a fourth line. */}
              <div className="mt-2 flex-1">
                <p className="line-clamp-3 text-sm text-slate-600">{s.summary}</p>
              </div>
              <div className="mt-4">
                <SplitBar split={s.split} label={`${s.name} responsibility split`} />
              </div>
              {s.deploymentModelCount > 0 ? (
                <p className="mt-2 text-xs text-slate-500">{s.deploymentModelCount} deployment models</p>
              ) : null}
            </Link>
          </Card>
        </li>
      ))}
    </ul>
  );
}
