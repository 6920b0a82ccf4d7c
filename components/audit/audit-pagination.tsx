import { LinkButton } from "@/components/ui/link-button";
import type { AuditFilterInput } from "@/lib/audit/list-audit-entries";
import { auditHref, visibleAuditFilters } from "./audit-filter-params";

/** Links to the newest page (when on an older one) and to the next older page (when there is one). */
export function AuditPagination({ input, nextCursor }: { input: AuditFilterInput; nextCursor: string | null }) {
  const newest = auditHref("/audit", input, [...visibleAuditFilters, "limit"]);
  const older = nextCursor
    ? auditHref("/audit", { ...input, cursor: nextCursor }, [...visibleAuditFilters, "cursor", "limit"])
    : null;
  if (!input.cursor && !older) return null;
  return (
    <nav aria-label="Audit log pages" className="no-print mt-4 flex flex-wrap gap-3 text-sm">
      {input.cursor ? <LinkButton href={newest}>Newest entries</LinkButton> : null}
      {older ? <LinkButton href={older}>Older entries</LinkButton> : null}
    </nav>
  );
}
