import { Table, TableBody, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AuditEntryItem } from "@/lib/audit/list-audit-entries";
import { AuditEntryRow } from "./audit-entry-row";

/** One page of audit entries, newest first. Printed without its frame and in smaller type. */
export function AuditEntriesTable({ entries }: { entries: AuditEntryItem[] }) {
  return (
    <Table caption="Audit entries, newest first" frameClassName="print:border-none" className="print:text-xs">
      <TableHeader>
        <TableRow>
          <TableHead>
            Time (UTC)<span className="sm:hidden"> and actor</span>
          </TableHead>
          <TableHead className="hidden sm:table-cell">Actor</TableHead>
          <TableHead>What happened</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((entry) => (
          <AuditEntryRow key={entry.id} entry={entry} />
        ))}
      </TableBody>
    </Table>
  );
}
