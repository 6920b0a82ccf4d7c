// The audit log's filters as the page shows them: which ones the form offers, their labels, and
// links to `/audit` or `/audit/export` that carry them. Shared by the audit page and its components.
import type { AuditFilterInput } from "@/lib/audit/list-audit-entries";

export type AuditFilterKey = keyof AuditFilterInput;

/** The filters the form offers (the page cursor and page size travel in links only). */
export const visibleAuditFilters = [
  "provider",
  "actor",
  "action",
  "from",
  "to",
] as const satisfies readonly AuditFilterKey[];

export const auditFilterLabels: Record<AuditFilterKey, string> = {
  provider: "Provider",
  actor: "Actor",
  action: "Action",
  from: "From",
  to: "To",
  cursor: "Page",
  limit: "Page size",
};

/** `/audit` or `/audit/export` with the given filters (in a stable order, blank ones left out). */
export function auditHref(path: string, input: AuditFilterInput, keys: readonly AuditFilterKey[]): string {
  const params = new URLSearchParams();
  for (const key of keys) {
    const value = input[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
