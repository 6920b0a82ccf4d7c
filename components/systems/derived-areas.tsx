// The derived matrix of one tier: every area with its duties, who carries each once the stack is
// resolved, and the trail it came through. Cards, not a table, so a phone reads every column.
import { AssignmentBadge } from "@/components/assignment/assignment-badge";
import type { DerivedArea, DerivedDuty, ProvenanceStep } from "@/lib/model/system-resolution";
import { carrierLabel } from "@/lib/model/carrier-label";

export function DerivedAreas(props: {
  areas: DerivedArea[];
  organization: string;
  tierName: (tier: string) => string;
}) {
  const { areas, organization, tierName } = props;
  return (
    <ul className="space-y-3">
      {areas.map((area) => (
        <li
          key={area.key}
          id={`area-${area.tier}-${area.key}`}
          className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h4 className="font-medium text-slate-900">
              {area.name}
              {area.crossCutting ? (
                <span className="ml-2 text-sm font-normal text-slate-600">(all services)</span>
              ) : null}
            </h4>
            <AssignmentBadge assignment={area.assignment} />
          </div>
          {area.overridden ? (
            <p className="mt-1 text-sm text-slate-600">The deployment model changes who carries this area.</p>
          ) : null}
          <ul className="mt-3 space-y-2">
            {area.duties.map((duty, i) => (
              <Duty key={i} duty={duty} organization={organization} tierName={tierName} />
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

function Duty(props: { duty: DerivedDuty; organization: string; tierName: (tier: string) => string }) {
  const { duty, organization, tierName } = props;
  const mine = duty.carrier.kind === "organization";
  return (
    <li className={`rounded-md border-l-4 py-1 pl-3 ${mine ? "border-blue-700 bg-blue-50" : "border-slate-300"}`}>
      <p className="text-slate-900">
        {duty.implicit ? <span className="text-slate-600">Carries the whole area (no duty listed): </span> : null}
        {duty.text}
        {duty.strength !== "must" ? <span className="text-sm text-slate-600"> ({duty.strength})</span> : null}
      </p>
      <p className="mt-0.5 text-sm text-slate-700">
        <span className="font-medium">{carrierLabel(duty.carrier, organization, tierName)}</span>
        <span className="text-slate-600"> · from </span>
        <Trail steps={duty.provenance} />
      </p>
    </li>
  );
}

function Trail({ steps }: { steps: ProvenanceStep[] }) {
  return (
    <span className="break-words text-slate-600">
      {steps.map((step, i) => (
        <span key={i}>
          {i > 0 ? <span aria-label=", then"> → </span> : null}
          {step.service}
          {step.area ? ` › ${step.area}` : ""} ({step.partyName})
        </span>
      ))}
    </span>
  );
}
