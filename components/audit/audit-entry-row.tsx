import Link from "next/link";
import { TableCell, TableRow, TableRowHeader } from "@/components/ui/table";
import type { AuditEntryItem } from "@/lib/audit/list-audit-entries";
import { formatDateTime } from "@/lib/format";
import { AuditEntryChanges } from "./audit-entry-changes";
import { EmptyValue } from "./empty-value";

/** One audit entry: when (the row's name), who, what, on what, in which provider, and the change. */
export function AuditEntryRow({ entry }: { entry: AuditEntryItem }) {
  return (
    <TableRow>
      <TableRowHeader className="whitespace-nowrap">
        <time dateTime={entry.at} className="tabular-nums text-slate-900">
          {formatDateTime(new Date(entry.at), { seconds: true })}
        </time>
        <span className="block text-xs text-slate-500">#{entry.id}</span>
      </TableRowHeader>
      <TableCell className="break-all text-slate-800">{entry.actorLabel}</TableCell>
      <TableCell className="whitespace-nowrap">
        <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">{entry.action}</code>
      </TableCell>
      <TableCell>
        <span className="text-slate-800">{entry.targetType}</span>
        {entry.targetId ? (
          <span className="block break-all font-mono text-xs text-slate-500">{entry.targetId}</span>
        ) : null}
      </TableCell>
      <TableCell>
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
          <EmptyValue />
        )}
      </TableCell>
      <TableCell>
        <AuditEntryChanges entry={entry} />
      </TableCell>
    </TableRow>
  );
}
