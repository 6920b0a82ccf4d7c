import Link from "next/link";
import { Card } from "@/components/ui/card";
import {
  AUDIT_EXPORT_MAX_ROWS,
  type AuditFilterInput,
  type AuditPage as AuditPageData,
} from "@/lib/audit/list-audit-entries";
import { formatCount } from "@/lib/format";
import { AuditEntriesTable } from "./audit-entries-table";
import { auditFilterLabels, visibleAuditFilters } from "./audit-filter-params";
import { AuditPagination } from "./audit-pagination";

/** How many entries match (and, in print, which filters), the entries or why there are none, and paging. */
export function AuditResults({
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
  const filterSummary = visibleAuditFilters
    .filter((key) => input[key])
    .map((key) => `${auditFilterLabels[key].toLowerCase()} ${input[key]}`)
    .join(", ");

  return (
    <section aria-labelledby="audit-results" className="mt-6">
      <h2 id="audit-results" className="sr-only">
        Entries
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        {formatCount(result.total)} {result.total === 1 ? "entry matches" : "entries match"}
        {filtered ? <span className="hidden print:inline"> (filters: {filterSummary})</span> : null}
        {input.cursor ? " — showing older entries" : ""}.
        {tooBigToExport ? (
          <span className="no-print">
            {" "}
            More than {formatCount(AUDIT_EXPORT_MAX_ROWS)} entries cannot be downloaded at once: narrow the filters to
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
        <AuditEntriesTable entries={result.entries} />
      )}

      <AuditPagination input={input} nextCursor={result.nextCursor} />
    </section>
  );
}
