// Every save of an obligation, newest first: who, when, and what changed (fields compared with the
// save before it).
import { trackingStatusLabels, type TrackingStatus } from "@/lib/domain/tracking-status";
import { formatDateTime } from "@/lib/format";
import type { ObligationChange } from "@/lib/systems/get-obligation";

const fieldLabels: Record<string, string> = {
  status: "Status",
  reason: "Reason",
  approver: "Approved by",
  ownerId: "Owner",
  dueDate: "Due",
  evidenceLinks: "Evidence links",
  notes: "Notes",
  duty: "Duty as recorded",
};

export function ObligationHistory(props: { history: ObligationChange[]; ownerName: (id: string) => string }) {
  if (props.history.length === 0)
    return <p className="text-slate-600">Nothing recorded yet: the obligation is open.</p>;
  return (
    <ol className="space-y-3">
      {props.history.map((change, i) => (
        <li key={i} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
          <p className="text-slate-700">
            <time dateTime={change.at.toISOString()} className="font-medium text-slate-900">
              {formatDateTime(change.at)}
            </time>{" "}
            · {change.actor}
          </p>
          <ul className="mt-1 space-y-0.5 text-slate-800">
            {Object.keys(fieldLabels)
              .filter((field) => !sameValue(change.before?.[field], change.after[field]))
              .map((field) => (
                <li key={field} className="break-words">
                  <span className="font-medium">{fieldLabels[field]}:</span>{" "}
                  {change.before ? (
                    <>
                      <del className="text-slate-600">{shown(field, change.before[field], props.ownerName)}</del> →{" "}
                    </>
                  ) : null}
                  {shown(field, change.after[field], props.ownerName)}
                </li>
              ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

/** Nothing recorded: absent, empty text or no links (a first save lists only what it set). */
const blank = (value: unknown) =>
  value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);

function sameValue(a: unknown, b: unknown): boolean {
  return (blank(a) && blank(b)) || JSON.stringify(a) === JSON.stringify(b);
}

function shown(field: string, value: unknown, ownerName: (id: string) => string): string {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return "—";
  if (field === "status") return trackingStatusLabels[value as TrackingStatus] ?? String(value);
  if (field === "ownerId") return ownerName(String(value));
  if (Array.isArray(value)) return value.join(", ");
  return String(value);
}
