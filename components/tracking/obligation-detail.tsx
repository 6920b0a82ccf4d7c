// One obligation of a system: the duty and where it comes from, a note when the provider reworded it,
// where it stands (status, owner, due, evidence), the form that records it (members who may edit), and
// its history.
import { ObligationHistory } from "./obligation-history";
import { StatusBadge } from "./status-badge";
import { TrackingForm } from "./tracking-form";
import { Card } from "@/components/ui/card";
import { isOverdue, obligationTrail } from "@/lib/model/obligation-tracking";
import { dutyStrengthLabels } from "@/lib/domain/vocabulary";
import type { ObligationView } from "@/lib/systems/get-obligation";

export function ObligationDetail({ view }: { view: ObligationView }) {
  const { system, obligation, owners, today } = view;
  const record = obligation.record;
  const ownerName = (id: string) => owners.find((o) => o.id === id)?.name ?? "A former member";
  const tier = system.tiers.find((t) => t.tier.key === obligation.tier);
  return (
    <>
      <header className="mb-6">
        <p className="text-sm font-medium text-slate-600">
          {tier?.provider?.name} › {tier?.input?.service.name} › {obligation.areaName}
        </p>
        <h1 className="mt-1 break-words text-2xl font-semibold tracking-tight text-slate-900">{obligation.text}</h1>
        <p className="mt-2 text-sm text-slate-700">
          {dutyStrengthLabels[obligation.strength]} · from{" "}
          <span className="break-words text-slate-600">{obligationTrail(obligation)}</span>
        </p>
      </header>
      {obligation.review && record ? (
        <Card className="mb-6 border-orange-300 bg-orange-50 p-4 text-sm text-orange-950">
          <p className="font-medium">The provider reworded this duty since its status was recorded.</p>
          <p className="mt-1 break-words">
            Recorded against: “{record.dutyText}”. Check the status still holds for the new words and save to confirm.
          </p>
        </Card>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <section aria-labelledby="state">
          <h2 id="state" className="mb-3 text-xl font-semibold text-slate-900">
            Where it stands
          </h2>
          <Card className="p-5 text-sm">
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2">
              <dt className="font-medium text-slate-700">Status</dt>
              <dd>
                <StatusBadge status={obligation.status} review={obligation.review} />
              </dd>
              {record?.reason ? (
                <>
                  <dt className="font-medium text-slate-700">Reason</dt>
                  <dd className="break-words text-slate-900">{record.reason}</dd>
                </>
              ) : null}
              {record?.approver ? (
                <>
                  <dt className="font-medium text-slate-700">Approved by</dt>
                  <dd className="break-words text-slate-900">{record.approver}</dd>
                </>
              ) : null}
              <dt className="font-medium text-slate-700">Owner</dt>
              <dd className="text-slate-900">{record?.ownerId ? ownerName(record.ownerId) : "Nobody yet"}</dd>
              <dt className="font-medium text-slate-700">Due</dt>
              <dd className={isOverdue(obligation, today) ? "font-semibold text-red-700" : "text-slate-900"}>
                {record?.dueDate ? `${record.dueDate}${isOverdue(obligation, today) ? " (overdue)" : ""}` : "—"}
              </dd>
              <dt className="font-medium text-slate-700">Evidence</dt>
              <dd className="min-w-0">
                {record?.evidenceLinks.length ? (
                  <ul className="space-y-1">
                    {record.evidenceLinks.map((link) => (
                      <li key={link} className="break-all">
                        <a href={link} rel="noopener noreferrer" className="text-blue-700 underline">
                          {link}
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : (
                  "—"
                )}
              </dd>
              {record?.notes ? (
                <>
                  <dt className="font-medium text-slate-700">Notes</dt>
                  <dd className="whitespace-pre-line break-words text-slate-900">{record.notes}</dd>
                </>
              ) : null}
            </dl>
          </Card>
        </section>
        {system.canEdit ? (
          <section aria-labelledby="record">
            <h2 id="record" className="mb-3 text-xl font-semibold text-slate-900">
              Record progress
            </h2>
            <Card className="p-5">
              <TrackingForm
                owners={owners.filter((o) => o.active || o.id === record?.ownerId)}
                values={{
                  system: system.slug,
                  obligation: obligation.key,
                  version: record?.version ?? 0,
                  status: obligation.status,
                  reason: record?.reason ?? "",
                  approver: record?.approver ?? "",
                  ownerId: record?.ownerId ?? "",
                  dueDate: record?.dueDate ?? "",
                  evidenceLinks: record?.evidenceLinks ?? [],
                  notes: record?.notes ?? "",
                }}
              />
            </Card>
          </section>
        ) : null}
      </div>
      <section aria-labelledby="history" className="mt-10">
        <h2 id="history" className="mb-3 text-xl font-semibold text-slate-900">
          History
        </h2>
        <ObligationHistory history={view.history} ownerName={ownerName} />
      </section>
    </>
  );
}
