import { z } from "zod";
import { auditFilterLabels, visibleAuditFilters } from "@/components/audit/audit-filter-params";
import { handleFileRoute, type RouteInput } from "@/lib/api/handle-route";
import { auditFiltersFromSearchParams } from "@/lib/audit/list-audit-entries";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { auditExportFormats, exportAuditLog } from "@/lib/exports/export-audit-log";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

const query = z.object({
  format: z.enum(auditExportFormats, { error: `Use one of ${auditExportFormats.join(", ")}` }).default("csv"),
});

/**
 * The audit log as CSV (default) or `format=pdf`, with the audit page's filters (cursor and limit
 * are ignored). Session or API token; failures are problem+json: anonymous callers (and invalid
 * tokens) get 401; signed-in users without read:audit get 404, as the audit page does, so the
 * export's existence is not confirmed to them.
 */
export const GET = handleFileRoute(async ({ request, actor }: RouteInput<Record<string, never>>) => {
  if (actor.kind === "user" && !can(actor, "read:audit")) throw new AppError("NOT_FOUND", "There is nothing here.");
  const search = new URL(request.url).searchParams;
  const { format } = parseInput(query, { format: search.get("format") ?? undefined });
  const filters = auditFiltersFromSearchParams(search);
  const filterLabels = visibleAuditFilters.flatMap((key): [string, string][] => {
    const value = filters[key];
    return value ? [[auditFilterLabels[key], value]] : [];
  });
  return exportAuditLog({ actor, filters, filterLabels, format, today: new Date().toISOString().slice(0, 10) });
});
