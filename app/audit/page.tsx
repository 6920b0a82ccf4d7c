import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import {
  AUDIT_EXPORT_MAX_ROWS,
  auditFiltersFromSearchParams,
  listAuditEntries,
  listAuditFilterOptions,
  type AuditEntryItem,
  type AuditFilterInput,
  type AuditFilterOptions,
  type AuditPage as AuditPageData,
} from "@/lib/audit/list-audit-entries";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Audit log" };

const count = new Intl.NumberFormat("en-GB");

type FilterKey = keyof AuditFilterInput;
const visibleFields = ["provider", "actor", "action", "from", "to"] as const satisfies readonly FilterKey[];
const fieldLabels: Record<FilterKey, string> = {
  provider: "Provider",
  actor: "Actor",
  action: "Action",
  from: "From",
  to: "To",
  cursor: "Page",
  limit: "Page size",
};

/** `/audit` or `/audit/export` with the given filters (in a stable order, blank ones left out). */
function hrefWith(path: string, input: AuditFilterInput, keys: readonly FilterKey[]): string {
  const params = new URLSearchParams();
  for (const key of keys) {
    const value = input[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePagePermission("read:audit", "/audit");
  const input = auditFiltersFromSearchParams(await searchParams);

  let result: AuditPageData | null = null;
  let errors: Partial<Record<string, string>> = {};
  try {
    result = await listAuditEntries({ actor, filters: input });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "INVALID_INPUT") throw error;
    errors = Object.fromEntries((error.fieldErrors ?? []).map((field) => [field.path, field.message]));
  }
  const options = result ?? (await listAuditFilterOptions({ actor }));
  const filtered = visibleFields.some((key) => input[key]);
  const tooBigToExport = result !== null && result.total > AUDIT_EXPORT_MAX_ROWS;

  return (
    <>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Audit log</h1>
          <p className="mt-2 max-w-2xl text-slate-600">
            Every change to accounts, roles, provider assignments, subscriptions and API tokens, and every sign-in,
            failed sign-in and sign-out — newest first. Times and dates are UTC.
          </p>
        </div>
        {result && !tooBigToExport ? (
          <div className="no-print text-sm">
            <LinkButton href={hrefWith("/audit/export", input, visibleFields)} raw>
              Download CSV
            </LinkButton>
          </div>
        ) : null}
      </div>

      <FilterForm input={input} options={options} errors={errors} filtered={filtered} />

      {result ? (
        <Results result={result} input={input} filtered={filtered} tooBigToExport={tooBigToExport} />
      ) : (
        <p className="mt-6 text-slate-600">Correct the filters to see entries.</p>
      )}
    </>
  );
}

function FilterForm({
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
  const formLevel = messages.filter(([path]) => !(visibleFields as readonly string[]).includes(path));
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
                {fieldLabels[path as FilterKey] ?? path}: {message}
              </p>
            ))}
          </div>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
          <Field name="provider" label="Provider" error={errors.provider}>
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
          </Field>
          <Field name="actor" label="Actor" hint="Part of an email address" error={errors.actor}>
            {(props) => <input {...props} type="search" defaultValue={input.actor ?? ""} placeholder="e.g. ada@" />}
          </Field>
          <Field name="action" label="Action" error={errors.action}>
            {(props) => <ActionSelect props={props} value={input.action} actions={options.actions} />}
          </Field>
          <Field name="from" label="From" hint="Date (UTC), inclusive" error={errors.from}>
            {(props) => <DateInput props={props} value={input.from} />}
          </Field>
          <Field name="to" label="To" hint="Date (UTC), inclusive" error={errors.to}>
            {(props) => <DateInput props={props} value={input.to} />}
          </Field>
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

interface ControlProps {
  id: string;
  name: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  className: string;
}

/** A labelled filter control with its hint and, when the value was refused, the reason. */
function Field({
  name,
  label,
  hint,
  error,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  children: (props: ControlProps) => ReactNode;
}) {
  const id = `audit-filter-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({
        id,
        name,
        "aria-describedby": describedBy || undefined,
        "aria-invalid": error ? true : undefined,
        className: `mt-1 block w-full rounded-lg border bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 ${
          error
            ? "border-red-600 focus:border-red-600 focus:ring-red-600/30"
            : "border-slate-300 focus:border-blue-600 focus:ring-blue-600/30"
        }`,
      })}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Every action in the log, grouped by its prefix, with "all of this group" first in each group. */
function ActionSelect({ props, value, actions }: { props: ControlProps; value?: string; actions: string[] }) {
  const groups = new Map<string, string[]>();
  for (const action of actions) {
    const prefix = action.split(".")[0] ?? action;
    groups.set(prefix, [...(groups.get(prefix) ?? []), action]);
  }
  const known = new Set([...actions, ...[...groups.keys()].map((p) => `${p}.`)]);
  return (
    <select {...props} defaultValue={value ?? ""}>
      <option value="">All actions</option>
      {value && !known.has(value) ? <option value={value}>{value}</option> : null}
      {[...groups].map(([prefix, members]) => (
        <optgroup key={prefix} label={prefix}>
          <option value={`${prefix}.`}>All {prefix}.* actions</option>
          {members.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

/** A date picker; a value it cannot show (a date-time, or a refused value) stays editable as text. */
function DateInput({ props, value }: { props: ControlProps; value?: string }) {
  const asDate = !value || (/^\d{4}-\d{2}-\d{2}$/.test(value) && !props["aria-invalid"]);
  return <input {...props} type={asDate ? "date" : "text"} defaultValue={value ?? ""} />;
}

function Results({
  result,
  input,
  filtered,
  tooBigToExport,
}: {
  result: AuditPageData;
  input: AuditFilterInput;
  filtered: boolean;
  tooBigToExport: boolean;
}) {
  const filterSummary = visibleFields
    .filter((key) => input[key])
    .map((key) => `${fieldLabels[key].toLowerCase()} ${input[key]}`)
    .join(", ");
  const newest = hrefWith("/audit", input, [...visibleFields, "limit"]);
  const older = result.nextCursor
    ? hrefWith("/audit", { ...input, cursor: result.nextCursor }, [...visibleFields, "cursor", "limit"])
    : null;

  return (
    <section aria-labelledby="audit-results" className="mt-6">
      <h2 id="audit-results" className="sr-only">
        Entries
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        {count.format(result.total)} {result.total === 1 ? "entry matches" : "entries match"}
        {filtered ? <span className="hidden print:inline"> (filters: {filterSummary})</span> : null}
        {input.cursor ? " — showing older entries" : ""}.
        {tooBigToExport ? (
          <span className="no-print">
            {" "}
            More than {count.format(AUDIT_EXPORT_MAX_ROWS)} entries cannot be downloaded at once: narrow the filters to
            download them as CSV.
          </span>
        ) : null}
      </p>

      {result.entries.length === 0 ? (
        <Card className="p-6 text-slate-700">
          <p className="font-medium text-slate-900">
            {input.cursor
              ? "No older entries."
              : filtered
                ? "No entries match these filters."
                : "The audit log is empty."}
          </p>
          {filtered ? (
            <p className="no-print mt-1 text-sm">
              Try a wider time range or another action, or{" "}
              <Link href="/audit" className="font-medium text-blue-700 hover:underline">
                clear the filters
              </Link>
              .
            </p>
          ) : null}
        </Card>
      ) : (
        <EntriesTable entries={result.entries} />
      )}

      {input.cursor || older ? (
        <nav aria-label="Audit log pages" className="no-print mt-4 flex flex-wrap gap-3 text-sm">
          {input.cursor ? <LinkButton href={newest}>Newest entries</LinkButton> : null}
          {older ? <LinkButton href={older}>Older entries</LinkButton> : null}
        </nav>
      ) : null}
    </section>
  );
}

function Dash() {
  return (
    <span className="text-slate-400">
      <span aria-hidden="true">—</span>
      <span className="sr-only">none</span>
    </span>
  );
}

const compactJson = (value: unknown) => JSON.stringify(value);

function Changes({ entry }: { entry: AuditEntryItem }) {
  const parts = [
    ...(entry.before !== null ? [{ label: "Before", value: entry.before }] : []),
    ...(entry.after !== null ? [{ label: "After", value: entry.after }] : []),
  ];
  if (parts.length === 0) return <Dash />;
  const list = (
    <dl className="mt-1 space-y-1">
      {parts.map((part) => (
        <div key={part.label}>
          <dt className="text-xs font-medium text-slate-500">{part.label}</dt>
          <dd>
            <pre className="max-w-md whitespace-pre-wrap break-all font-mono text-xs text-slate-800">
              {compactJson(part.value)}
            </pre>
          </dd>
        </div>
      ))}
    </dl>
  );
  return (
    <>
      <details className="print:hidden">
        <summary className="cursor-pointer text-sm text-blue-700 hover:underline">
          {parts.length === 2 ? "Before and after" : parts[0]!.label}
          <span className="sr-only"> of entry {entry.id}</span>
        </summary>
        {list}
      </details>
      {/* A printout shows the values: closed <details> print nothing. */}
      <div className="hidden print:block">{list}</div>
    </>
  );
}

function EntriesTable({ entries }: { entries: AuditEntryItem[] }) {
  const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
  const td = "px-3 py-2 align-top";
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm print:overflow-visible print:border-none print:shadow-none">
      <table className="min-w-full divide-y divide-slate-200 text-sm print:text-xs">
        <caption className="sr-only">Audit entries, newest first</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={th}>
              Time (UTC)
            </th>
            <th scope="col" className={th}>
              Actor
            </th>
            <th scope="col" className={th}>
              Action
            </th>
            <th scope="col" className={th}>
              Target
            </th>
            <th scope="col" className={th}>
              Provider
            </th>
            <th scope="col" className={th}>
              Changes
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry) => (
            <tr key={entry.id}>
              <th scope="row" className={`${td} whitespace-nowrap text-left font-normal`}>
                <time dateTime={entry.at} className="tabular-nums text-slate-900">
                  {formatDateTime(new Date(entry.at), { seconds: true })}
                </time>
                <span className="block text-xs text-slate-500">#{entry.id}</span>
              </th>
              <td className={`${td} break-all text-slate-800`}>{entry.actorLabel}</td>
              <td className={`${td} whitespace-nowrap`}>
                <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">
                  {entry.action}
                </code>
              </td>
              <td className={td}>
                <span className="text-slate-800">{entry.targetType}</span>
                {entry.targetId ? (
                  <span className="block break-all font-mono text-xs text-slate-500">{entry.targetId}</span>
                ) : null}
              </td>
              <td className={td}>
                {entry.provider ? (
                  <Link href={`/providers/${entry.provider.slug}`} className="text-blue-700 hover:underline">
                    {entry.provider.name}
                  </Link>
                ) : entry.providerId ? (
                  <span className="text-slate-600">
                    Deleted provider
                    <span className="block break-all font-mono text-xs text-slate-500">{entry.providerId}</span>
                  </span>
                ) : (
                  <Dash />
                )}
              </td>
              <td className={td}>
                <Changes entry={entry} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
