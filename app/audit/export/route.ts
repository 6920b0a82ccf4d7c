import { errorToProblem, problemResponse } from "@/lib/api/problem";
import { auditCsv } from "@/lib/audit/audit-csv";
import { auditFiltersFromSearchParams, listAllAuditEntries } from "@/lib/audit/list-audit-entries";
import { getActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/**
 * The audit log as CSV, with the audit page's filters (cursor and limit are ignored). Session or
 * API token. Like handleRoute, failures are problem+json: anonymous callers (and invalid tokens)
 * get 401; signed-in users without read:audit get 404, as the audit page does, so the export's
 * existence is not confirmed to them.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const actor = await getActor();
    if (actor.kind === "user" && !can(actor, "read:audit")) throw new AppError("NOT_FOUND", "There is nothing here.");
    const filters = auditFiltersFromSearchParams(new URL(request.url).searchParams);
    const entries = await listAllAuditEntries({ actor, filters });
    const date = new Date().toISOString().slice(0, 10);
    return new Response(auditCsv(entries), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="demarc-audit-${date}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    const problem = errorToProblem(error);
    if (problem.status >= 500) console.error("Audit export failed", request.url, error);
    return problemResponse(problem);
  }
}
