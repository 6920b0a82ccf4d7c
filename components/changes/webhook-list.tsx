// The organization's endpoints, each with its latest deliveries (the log), newest first.
import { formatDateTime } from "@/lib/format";
import type { NotificationSettings } from "@/lib/notifications/notification-settings";
import { ButtonForm } from "@/components/forms/button-form";
import { removeWebhookAction } from "@/lib/actions/notifications";

export function WebhookList({ webhooks }: { webhooks: NotificationSettings["webhooks"] }) {
  if (!webhooks.length) return <p className="text-sm text-slate-700">No endpoints registered.</p>;
  return (
    <ul className="space-y-3">
      {webhooks.map((webhook) => (
        <li key={webhook.id} className="rounded-lg border border-slate-200 p-3">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0">
              <p className="break-all font-mono text-sm text-slate-900">{webhook.url}</p>
              <p className="text-xs text-slate-600">
                Registered {formatDateTime(webhook.createdAt)} by {webhook.createdBy}
              </p>
            </div>
            <ButtonForm
              action={removeWebhookAction}
              fields={{ webhook: webhook.id }}
              label="Remove"
              pendingLabel="Removing…"
              variant="danger"
              ariaLabel={`Remove ${webhook.url}`}
            />
          </div>
          <h3 className="mt-2 text-xs font-semibold uppercase tracking-wide text-slate-600">Latest deliveries</h3>
          {webhook.recent.length ? (
            <ul className="mt-1 space-y-0.5 text-sm">
              {webhook.recent.map((attempt, i) => (
                <li key={i} className={attempt.ok ? "text-emerald-800" : "text-red-800"}>
                  {formatDateTime(attempt.at)}: {attempt.ok ? "Delivered" : "Failed"}
                  {attempt.status ? ` (HTTP ${attempt.status})` : ""}
                  {attempt.error && !attempt.ok ? ` — ${attempt.error}` : ""}, {attempt.durationMs} ms
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-slate-600">Nothing delivered yet.</p>
          )}
        </li>
      ))}
    </ul>
  );
}
