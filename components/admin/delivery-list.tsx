// The outbox for administrators: each delivery (an impact to one channel of one organization) with
// where it stands, its last error and every try per recipient; failed ones can be sent again.
import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import type { DeliveryListItem } from "@/lib/notifications/list-deliveries";
import { ButtonForm } from "@/components/forms/button-form";
import { retryDeliveryAction } from "@/lib/actions/deliveries";

const statusStyles: Record<string, string> = {
  pending: "bg-amber-50 text-amber-900 ring-amber-300",
  sent: "bg-emerald-50 text-emerald-900 ring-emerald-300",
  failed: "bg-red-50 text-red-900 ring-red-300",
};

export function DeliveryList({ deliveries }: { deliveries: readonly DeliveryListItem[] }) {
  if (!deliveries.length) return <p className="text-sm text-slate-700">No deliveries here.</p>;
  return (
    <ul className="space-y-3">
      {deliveries.map((d) => {
        const label = `${d.channel} to ${d.organization.name}: ${d.provider.name} v${d.toVersion}`;
        return (
          <li key={d.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0">
                <h2 className="text-base font-semibold text-slate-900">
                  {d.channel === "email" ? "Email" : "Webhook"} to {d.organization.name}
                </h2>
                <p className="text-sm text-slate-700">
                  <Link
                    href={`/providers/${d.provider.slug}/versions/compare?from=${d.fromVersion}&to=${d.toVersion}`}
                    className="text-blue-700 hover:underline"
                  >
                    {d.provider.name} version {d.fromVersion} → {d.toVersion}
                  </Link>
                  , queued {formatDateTime(d.createdAt)}
                </p>
              </div>
              <span
                className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${statusStyles[d.status] ?? ""}`}
              >
                {d.status === "sent" ? "Sent" : d.status === "failed" ? "Failed" : "Pending"}
              </span>
            </div>
            <p className="mt-2 text-sm text-slate-700">
              {d.attempts} {d.attempts === 1 ? "try" : "tries"}
              {d.status === "pending" ? `; next ${formatDateTime(d.nextAttemptAt)}` : ""}
              {d.deliveredAt ? `; delivered ${formatDateTime(d.deliveredAt)}` : ""}
            </p>
            {d.lastError ? <p className="mt-1 break-words text-sm text-red-800">Last error: {d.lastError}</p> : null}
            {d.log.length ? (
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer text-slate-800">Every try ({d.log.length})</summary>
                <ul className="mt-1 space-y-0.5">
                  {d.log.map((a, i) => (
                    <li key={i} className={`break-words ${a.ok ? "text-emerald-800" : "text-red-800"}`}>
                      {formatDateTime(a.at)}: {a.label} — {a.ok ? "delivered" : (a.error ?? "failed")}
                      {a.status ? ` (HTTP ${a.status})` : ""}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
            {d.status === "failed" ? (
              <div className="mt-3">
                <ButtonForm
                  action={retryDeliveryAction}
                  fields={{ delivery: d.id }}
                  label="Retry"
                  pendingLabel="Queuing…"
                  variant="secondary"
                  ariaLabel={`Retry ${label}`}
                />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
