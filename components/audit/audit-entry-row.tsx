import Link from "next/link";
import { TableCell, TableRow, TableRowHeader } from "@/components/ui/table";
import type { AuditEntryItem } from "@/lib/audit/list-audit-entries";
import { formatDateTime } from "@/lib/format";
import { AuditEntryChanges } from "./audit-entry-changes";
import { AuditActor, AuditSummary } from "./audit-summary";

/**
 * One audit entry: when (the row's name), who, and what happened in words with links, the action's
 * name and the raw values one click away. On a phone the actor moves under the time, so the table
 * keeps two columns and the page never scrolls sideways.
 */
export function AuditEntryRow({ entry }: { entry: AuditEntryItem }) {
  const providerHref = entry.provider ? `/providers/${entry.provider.slug}` : null;
  // The sentence names the provider where it is the subject; elsewhere (draft edits) it goes below.
  const namesProvider = entry.summary.some((part) => typeof part !== "string" && part.href === providerHref);
  return (
    <TableRow>
      <TableRowHeader className="w-36 font-normal sm:w-auto">
        <time dateTime={entry.at} className="block font-medium tabular-nums text-slate-900">
          {formatDateTime(new Date(entry.at), { seconds: true })}
        </time>
        <span className="block text-xs text-slate-500">#{entry.id}</span>
        <span className="mt-1 block sm:hidden">
          <AuditActor label={entry.actorLabel} name={entry.actorName} />
        </span>
      </TableRowHeader>
      <TableCell className="hidden sm:table-cell">
        <AuditActor label={entry.actorLabel} name={entry.actorName} />
      </TableCell>
      <TableCell className="min-w-0">
        <p className="text-slate-900">
          <AuditSummary parts={entry.summary} />
        </p>
        <p className="mt-1 flex flex-wrap items-baseline gap-x-2 gap-y-1 text-xs text-slate-500">
          <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-700">{entry.action}</code>
          {entry.provider && !namesProvider ? (
            <span>
              in{" "}
              <Link href={providerHref!} className="text-blue-700 hover:underline">
                {entry.provider.name}
              </Link>
            </span>
          ) : !entry.provider && entry.providerId && !namesProvider ? (
            <span>in a provider that no longer exists</span>
          ) : null}
        </p>
        <div className="mt-1">
          <AuditEntryChanges entry={entry} />
        </div>
      </TableCell>
    </TableRow>
  );
}
