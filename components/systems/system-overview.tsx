// One system for its readers: the stack, counts by carrier that link to the rows they count, the
// obligations' progress, gaps, and every duty by tier with its trail. `carrier` narrows the rows to one
// carrier (the organization, a provider, delegated, unbound). `base` is the system page's address.
import Link from "next/link";
import { ProgressBar } from "@/components/tracking/tracking-progress";
import { Card } from "@/components/ui/card";
import { trackingProgress } from "@/lib/model/obligation-tracking";
import { plural } from "@/lib/format";
import type { SystemView } from "@/lib/systems/get-system";
import type { SystemTrackingView } from "@/lib/systems/get-system-tracking";
import { carrierFilter } from "@/lib/model/carrier-label";
import { DerivedAreas } from "./derived-areas";
import { SystemGaps } from "./system-gaps";
import { SystemStack } from "./system-stack";

export function SystemOverview({
  view,
  base,
  carrier,
  own,
}: {
  view: SystemTrackingView;
  base: string;
  carrier: string | null;
  /** The reader belongs to the organization ("you"); staff read it by the organization's name. */
  own: boolean;
}) {
  const { system, tracked, today } = view;
  return (
    <>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <section aria-labelledby="stack">
          <h2 id="stack" className="mb-3 text-xl font-semibold text-slate-900">
            The stack
          </h2>
          <SystemStack system={system} />
        </section>
        <section aria-labelledby="counts">
          <h2 id="counts" className="mb-3 text-xl font-semibold text-slate-900">
            Who carries what
          </h2>
          {system.counts ? (
            <Counts system={system} base={base} active={carrier} own={own} />
          ) : (
            <Problems system={system} />
          )}
          {tracked ? (
            <Card className="mt-4 p-5">
              <ProgressBar
                progress={trackingProgress(tracked.obligations, today)}
                label={own ? "Your obligations" : `${system.organization.name}’s obligations`}
              />
              <p className="mt-3">
                <Link href={`${base}/obligations`} className="font-medium text-blue-700 hover:underline">
                  {own ? "Track the obligations" : "The obligations as tracked"}
                </Link>
              </p>
            </Card>
          ) : null}
        </section>
      </div>
      {system.resolved ? (
        <>
          <SystemGaps gaps={system.resolved.gaps} tiers={system.tiers} />
          <Matrix system={system} base={base} carrier={carrier} />
        </>
      ) : null}
    </>
  );
}

function Counts(props: { system: SystemView; base: string; active: string | null; own: boolean }) {
  const { system, base, active } = props;
  const counts = system.counts!;
  const rows = [
    {
      filter: "organization",
      label: props.own ? `${system.organization.name} (you)` : system.organization.name,
      count: counts.organization,
    },
    ...counts.providers.map((p) => ({ filter: `provider:${p.name}`, label: p.name, count: p.duties })),
    { filter: "delegated", label: "Handed to a bound service", count: counts.delegated },
    { filter: "unbound", label: "Unbound third parties", count: counts.unbound },
  ].filter((row) => row.count > 0 || row.filter === "organization");
  return (
    <Card className="p-5">
      <p className="text-slate-800">
        <span className="text-2xl font-semibold text-slate-900">{counts.organization}</span> of{" "}
        {plural(counts.total, "duty", "duties")} in this stack are {system.organization.name}&apos;s.
      </p>
      <ul aria-label="Duties by carrier" className="mt-4 text-sm">
        {rows.map((row) => (
          <li
            key={row.filter}
            className="flex items-baseline justify-between gap-3 border-b border-dotted border-slate-200 py-1"
          >
            <Link
              href={`${base}?carrier=${encodeURIComponent(row.filter)}#matrix`}
              aria-current={active === row.filter ? "true" : undefined}
              className="min-w-0 text-blue-800 underline-offset-2 hover:underline aria-[current]:font-semibold"
            >
              {row.label}
            </Link>
            <span className="shrink-0 font-medium tabular-nums text-slate-900">
              {plural(row.count, "duty", "duties")}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Problems({ system }: { system: SystemView }) {
  return (
    <Card className="p-5">
      <h3 className="font-semibold text-slate-900">This system no longer fits its services</h3>
      <p className="mt-1 text-sm text-slate-600">
        A provider published a version that changed what the system relies on. Nothing you recorded is lost.
      </p>
      <ul className="mt-2 list-disc pl-5 text-sm text-slate-800">
        {system.problems.map((p) => (
          <li key={`${p.path}-${p.message}`}>{p.message}</li>
        ))}
      </ul>
    </Card>
  );
}

function Matrix({ system, base, carrier }: { system: SystemView; base: string; carrier: string | null }) {
  const resolved = system.resolved!;
  const tierName = (key: string) => system.tiers.find((t) => t.tier.key === key)?.input?.service.name ?? key;
  return (
    <section aria-labelledby="matrix" className="mt-10">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="matrix" className="text-xl font-semibold text-slate-900">
          Every duty, by service
        </h2>
        {carrier ? (
          <Link href={`${base}#matrix`} className="text-sm font-medium text-blue-700 hover:underline">
            Show every carrier
          </Link>
        ) : null}
      </div>
      {resolved.tiers.map((tier) => {
        const loaded = system.tiers.find((t) => t.tier.key === tier.key)!;
        const areas = tier.areas
          .map((a) => ({ ...a, duties: a.duties.filter((d) => !carrier || carrierFilter(d.carrier) === carrier) }))
          .filter((a) => a.duties.length > 0);
        if (areas.length === 0) return null;
        return (
          <section key={tier.key} aria-labelledby={`tier-${tier.key}`} className="mt-6">
            <h3 id={`tier-${tier.key}`} className="mb-3 text-lg font-semibold text-slate-900">
              {loaded.provider!.name} › {loaded.input!.service.name}{" "}
              <span className="text-sm font-normal text-slate-600">
                (
                {plural(
                  areas.reduce((n, a) => n + a.duties.length, 0),
                  "duty",
                  "duties",
                )}
                )
              </span>
            </h3>
            <DerivedAreas areas={areas} organization={system.organization.name} tierName={tierName} />
          </section>
        );
      })}
    </section>
  );
}
