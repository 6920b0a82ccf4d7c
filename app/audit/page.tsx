import type { Metadata } from "next";
import { AuditFilterForm } from "@/components/audit/audit-filter-form";
import { visibleAuditFilters } from "@/components/audit/audit-filter-params";
import { AuditResults } from "@/components/audit/audit-results";
import { ExportMenu } from "@/components/exports/export-menu";
import {
  AUDIT_EXPORT_MAX_ROWS,
  auditFiltersFromSearchParams,
  listAuditEntries,
  listAuditFilterOptions,
  type AuditPage as AuditPageData,
} from "@/lib/audit/list-audit-entries";
import { getActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { AppError } from "@/lib/errors";
import { AUDIT_PDF_MAX_ROWS } from "@/lib/exports/export-audit-log";
import { auditExportChoices } from "@/lib/exports/export-formats";
import { formatCount } from "@/lib/format";

export const dynamic = "force-dynamic";

/** The title matches the page: those who may not read the log get the 404 of a page that does not exist. */
export async function generateMetadata(): Promise<Metadata> {
  if (!can(await getActor(), "read:audit")) return { title: "Not found" };
  return {
    title: "Audit log",
    description:
      "Every change, publication, import, export and sign-in, with who did it and when; filter it and download it as CSV or PDF.",
  };
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
  const filtered = visibleAuditFilters.some((key) => input[key]);
  const tooBigToExport = result !== null && result.total > AUDIT_EXPORT_MAX_ROWS;

  return (
    <>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Audit log</h1>
          <p className="mt-2 max-w-2xl text-slate-600">
            Every draft edit, publication, import and export, every change to accounts, roles, provider assignments,
            subscriptions and API tokens, and every sign-in, failed sign-in and sign-out — newest first, in words, with
            the raw values one click away. Times and dates are UTC.
          </p>
        </div>
        {result && !tooBigToExport ? (
          <ExportMenu
            href="/audit/export"
            params={Object.fromEntries(visibleAuditFilters.map((key) => [key, input[key]]))}
            formats={auditExportChoices(result.total <= AUDIT_PDF_MAX_ROWS)}
            note={
              result.total > AUDIT_PDF_MAX_ROWS
                ? `A PDF holds up to ${formatCount(AUDIT_PDF_MAX_ROWS)} entries: narrow the filters for one.`
                : undefined
            }
          />
        ) : null}
      </div>

      <AuditFilterForm input={input} options={options} errors={errors} filtered={filtered} />

      {result ? (
        <AuditResults result={result} input={input} filtered={filtered} tooBigToExport={tooBigToExport} />
      ) : (
        <p className="mt-6 text-slate-600">Correct the filters to see entries.</p>
      )}
    </>
  );
}
