// One service's (or the cross-cutting areas') customer duties on My obligations, under the
// provider's groups with a count each, so a 60-activity RACI matrix reads as its phases.
import Link from "next/link";
import { AssignmentBadge } from "@/components/assignment/assignment-badge";
import { Card } from "@/components/ui/card";
import { dutyStrengthLabels } from "@/lib/domain/vocabulary";
import { plural } from "@/lib/format";
import type { ObligationAreaDto } from "@/lib/obligations/get-obligations";

type GroupRun = { path: readonly string[]; areas: ObligationAreaDto[] };

/** Areas by group path, each group where its first area is; ungrouped areas form a run without a title. */
function byGroup(areas: readonly ObligationAreaDto[]): GroupRun[] {
  const runs = new Map<string, GroupRun>();
  for (const area of areas) {
    const id = JSON.stringify(area.groups);
    const run = runs.get(id) ?? { path: area.groups, areas: [] };
    run.areas.push(area);
    runs.set(id, run);
  }
  return [...runs.values()];
}

const dutiesIn = (areas: readonly ObligationAreaDto[]) => areas.reduce((n, a) => n + a.duties.length, 0);

export function DutyCard(props: {
  id: string;
  title: string;
  href: string;
  meta: string;
  dutyCount: number;
  areas: ObligationAreaDto[];
  /** The area's row in its matrix (service page or provider page). */
  areaHref: (key: string) => string;
}) {
  const runs = byGroup(props.areas);
  return (
    <Card className="scroll-mt-6 overflow-hidden print:break-inside-auto">
      <section aria-labelledby={`${props.id}-title`} id={props.id}>
        <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-100 bg-slate-50/60 px-5 py-3">
          <h3 id={`${props.id}-title`} className="font-semibold text-slate-900">
            <Link href={props.href} className="text-blue-800 hover:underline">
              {props.title}
            </Link>
          </h3>
          <p className="text-sm text-slate-600">
            <span className="mr-2 rounded bg-slate-200/70 px-1.5 py-0.5 text-xs font-medium text-slate-700">
              {props.meta}
            </span>
            {plural(props.dutyCount, "duty", "duties")} in {plural(props.areas.length, "area")}
          </p>
        </div>
        {runs.map((run) => (
          <div key={run.path.join("\u0000")}>
            {run.path.length ? (
              <h4 className="flex flex-wrap items-baseline justify-between gap-x-3 border-b border-slate-100 bg-slate-50 px-5 py-1.5 text-sm font-semibold text-slate-800">
                <span className="min-w-0">{run.path.join(" › ")}</span>
                <span className="text-xs font-normal text-slate-600">
                  {plural(dutiesIn(run.areas), "duty", "duties")} in {plural(run.areas.length, "area")}
                </span>
              </h4>
            ) : null}
            <ul className="divide-y divide-slate-100">
              {run.areas.map((area) => (
                <AreaDuties key={area.key} area={area} href={props.areaHref(area.key)} grouped={run.path.length > 0} />
              ))}
            </ul>
          </div>
        ))}
      </section>
    </Card>
  );
}

function AreaDuties({ area, href, grouped }: { area: ObligationAreaDto; href: string; grouped: boolean }) {
  const Heading = grouped ? "h5" : "h4";
  return (
    <li className="grid gap-x-6 gap-y-2 px-5 py-3 md:grid-cols-[minmax(0,16rem)_1fr]">
      <div>
        <Heading className="text-sm font-medium text-slate-900">
          <Link href={href} className="hover:underline">
            {area.name}
          </Link>
        </Heading>
        <div className="mt-1">
          <AssignmentBadge assignment={area.assignment} />
        </div>
      </div>
      <div>
        <ul aria-label={`${area.name}: your duties`} className="space-y-1 text-sm text-slate-800">
          {area.duties.map((duty, i) => (
            <li key={`${i}-${duty.text}`} className="flex gap-2">
              {/* A bullet, not a box: duties are read here, not ticked off. */}
              <span aria-hidden="true" className="mt-2 size-1.5 shrink-0 rounded-full bg-slate-400" />
              <span className="min-w-0">
                {duty.strength === "must" ? null : (
                  <span className="mr-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
                    {dutyStrengthLabels[duty.strength]}:
                  </span>
                )}
                <span className="first-letter:uppercase">{duty.text}</span>
              </span>
            </li>
          ))}
        </ul>
        {area.notes ? <p className="mt-2 text-xs text-slate-600">Note: {area.notes}</p> : null}
        {area.interpretation ? (
          <p className="mt-2 text-xs italic text-slate-500">Interpretation: {area.interpretation}</p>
        ) : null}
      </div>
    </li>
  );
}
