import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { AuditFilterInput, AuditFilterOptions } from "@/lib/audit/list-audit-entries";
import { AuditActionSelect, AuditDateInput } from "./audit-filter-controls";
import { AuditFilterField } from "./audit-filter-field";
import { auditFilterLabels, visibleAuditFilters, type AuditFilterKey } from "./audit-filter-params";

/** The audit log's filter form (a plain GET form: filters live in the URL), with refused values explained. */
export function AuditFilterForm({
  input,
  options,
  errors,
  filtered,
}: {
  input: AuditFilterInput;
  options: AuditFilterOptions;
  errors: Partial<Record<string, string>>;
  filtered: boolean;
}) {
  const messages = Object.entries(errors);
  // Errors without a field of their own (a stale page link, a hand-made page size) go in the summary.
  const formLevel = messages.filter(([path]) => !(visibleAuditFilters as readonly string[]).includes(path));
  const providerOptions = options.providers.map((p) => ({ value: p.slug, label: p.name }));
  if (input.provider && !options.providers.some((p) => p.slug === input.provider))
    providerOptions.unshift({ value: input.provider, label: input.provider });

  return (
    <Card className="no-print p-4 sm:p-5">
      <form action="/audit" method="get" aria-label="Filter the audit log" noValidate>
        {messages.length > 0 ? (
          <div role="alert" className="mb-4 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            <p className="font-medium">Check the highlighted filters.</p>
            {formLevel.map(([path, message]) => (
              <p key={path}>
                {auditFilterLabels[path as AuditFilterKey] ?? path}: {message}
              </p>
            ))}
          </div>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
          <AuditFilterField name="provider" label="Provider" error={errors.provider}>
            {(props) => (
              <select {...props} defaultValue={input.provider ?? ""}>
                <option value="">All providers</option>
                {providerOptions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </AuditFilterField>
          <AuditFilterField name="actor" label="Actor" hint="Part of an email address" error={errors.actor}>
            {(props) => <input {...props} type="search" defaultValue={input.actor ?? ""} placeholder="e.g. ada@" />}
          </AuditFilterField>
          <AuditFilterField name="action" label="Action" error={errors.action}>
            {(props) => <AuditActionSelect props={props} value={input.action} actions={options.actions} />}
          </AuditFilterField>
          <AuditFilterField name="from" label="From" hint="Date (UTC), inclusive" error={errors.from}>
            {(props) => <AuditDateInput props={props} value={input.from} />}
          </AuditFilterField>
          <AuditFilterField name="to" label="To" hint="Date (UTC), inclusive" error={errors.to}>
            {(props) => <AuditDateInput props={props} value={input.to} />}
          </AuditFilterField>
        </div>
        {input.limit ? <input type="hidden" name="limit" value={input.limit} /> : null}
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <button
            type="submit"
            className="rounded-lg bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700"
          >
            Apply filters
          </button>
          {filtered || messages.length > 0 ? (
            <Link href="/audit" className="text-sm font-medium text-blue-700 hover:underline">
              Clear filters
            </Link>
          ) : null}
        </div>
      </form>
    </Card>
  );
}
