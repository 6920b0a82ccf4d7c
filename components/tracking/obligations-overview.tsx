// A system's obligations, worked off: progress for the system and each service, the tracking table
// (filters by status, owner, due and provider change), records whose duty is gone, and the exports.
// `base` is the system page's address; `exportHref` the export route the reader may use.
import { ExportMenu } from "@/components/exports/export-menu";
import { obligationRows } from "./obligation-rows";
import { ObligationsTable } from "./obligations-table";
import { StatusBadge } from "./status-badge";
import { ProgressBar } from "./tracking-progress";
import { Card } from "@/components/ui/card";
import { trackingProgress } from "@/lib/model/obligation-tracking";
import { systemTrackingExportChoices } from "@/lib/exports/export-formats";
import type { SystemTrackingView } from "@/lib/systems/get-system-tracking";

export function ObligationsOverview({
  view,
  base,
  exportHref,
}: {
  view: SystemTrackingView;
  base: string;
  exportHref: string;
}) {
  const { system, tracked, today } = view;
  return (
    <>
      <header className="mb-6 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Obligations: {system.name}</h1>
          <p className="mt-2 max-w-3xl text-slate-600">
            Every duty this stack leaves {system.organization.name}, and where it stands. Overdue means not settled by
            its due date ({today}, UTC, today).
          </p>
        </div>
        {tracked ? <ExportMenu href={exportHref} params={{}} formats={systemTrackingExportChoices} /> : null}
      </header>
      {tracked ? (
        <>
          <section aria-labelledby="progress" className="mb-8">
            <h2 id="progress" className="mb-3 text-xl font-semibold text-slate-900">
              Progress
            </h2>
            <Card className="space-y-4 p-5">
              <ProgressBar progress={trackingProgress(tracked.obligations, today)} label="The whole system" />
              {system.tiers.map((tier) => {
                const obligations = tracked.obligations.filter((o) => o.tier === tier.tier.key);
                return obligations.length ? (
                  <ProgressBar
                    key={tier.tier.key}
                    progress={trackingProgress(obligations, today)}
                    label={`${tier.provider?.name ?? tier.tier.provider} › ${tier.input?.service.name ?? tier.tier.service}`}
                  />
                ) : null;
              })}
            </Card>
          </section>
          <section aria-labelledby="tracking">
            <h2 id="tracking" className="mb-3 text-xl font-semibold text-slate-900">
              Tracking sheet
            </h2>
            <ObligationsTable rows={obligationRows(view, `${base}/obligations`)} />
          </section>
          {tracked.retired.length ? (
            <section aria-labelledby="retired" className="mt-10">
              <h2 id="retired" className="text-xl font-semibold text-slate-900">
                No longer in the providers&apos; matrices
              </h2>
              <p className="mb-3 mt-1 max-w-3xl text-sm text-slate-600">
                A provider removed these duties, or the stack no longer leaves them to you. What you recorded is kept.
              </p>
              <ul className="space-y-2">
                {tracked.retired.map((record) => (
                  <li key={record.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                    <p className="text-slate-900">{record.dutyText}</p>
                    <p className="mt-1">
                      <StatusBadge status={record.status} />
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : (
        <Card className="p-5">
          <h2 className="font-semibold text-slate-900">This system no longer fits its services</h2>
          <p className="mt-1 text-sm text-slate-600">
            {system.subscribed
              ? "A subscribed service is no longer published; its account manager can tell you more."
              : "Fix the stack in the editor to see its obligations again."}{" "}
            Nothing you recorded is lost.
          </p>
        </Card>
      )}
    </>
  );
}
