import { Fragment, type ReactNode } from "react";
import { AssignmentBadge } from "@/components/assignment/assignment-badge";
import { Duties } from "@/components/matrix/duties";
import { partiesDetail, type Area, type EditorParty } from "./area-draft";

/** A compact rendering of one area, for the two sides of a conflict; what differs from `other` is marked. */
export function AreaSummary({ area, other, parties }: { area: Area; other?: Area; parties: readonly EditorParty[] }) {
  const differs = (pick: (a: Area) => unknown) =>
    other !== undefined && JSON.stringify(pick(area) ?? null) !== JSON.stringify(pick(other) ?? null);
  const item = (label: string, changed: boolean, value: ReactNode) => (
    <div className={`contents ${changed ? "[&>*]:bg-amber-100" : ""}`}>
      <dt className="rounded-l px-1 font-medium text-slate-600">
        {label}
        {changed ? <span className="sr-only"> (differs)</span> : null}
      </dt>
      <dd className="rounded-r px-1 text-slate-900">{value}</dd>
    </div>
  );
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-y-1 text-xs">
      {item(
        "Area",
        differs((a) => a.name),
        area.name || "(no name)",
      )}
      {item(
        "Assignment",
        differs((a) => [a.assignment, a.parties]),
        <AssignmentBadge assignment={area.assignment} detail={partiesDetail(area, parties)} />,
      )}
      {parties.map((party) => {
        const cellOf = (a: Area) => a.cells.find((c) => c.party === party.key);
        return (
          <Fragment key={party.key}>
            {item(party.name, differs(cellOf), <Duties cell={cellOf(area)} label={`${party.name} duties`} />)}
          </Fragment>
        );
      })}
      {area.notes || other?.notes
        ? item(
            "Notes",
            differs((a) => a.notes ?? ""),
            area.notes || "—",
          )
        : null}
      {area.layer || other?.layer
        ? item(
            "Layer",
            differs((a) => a.layer ?? ""),
            area.layer || "—",
          )
        : null}
    </dl>
  );
}
