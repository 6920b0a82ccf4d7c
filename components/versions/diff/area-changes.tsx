// Responsibility areas added, removed, changed or moved (a service's, or the cross-cutting ones).
import { AssignmentBadge } from "@/components/assignment/assignment-badge";
import type { AreasDiff } from "@/lib/model/diff";
import { dutyToLine } from "@/lib/domain/duty-lines";
import type { Area, DiffContext } from "./diff-context";
import { Lines } from "./diff-lines";
import { Fields } from "./field-changes";
import { ItemCard, Moves } from "./item-cards";

function AreaBody({ area, kind, ctx }: { area: Area; kind: "added" | "removed"; ctx: DiffContext }) {
  return (
    <div className="grid gap-2 sm:grid-cols-2">
      {area.cells.map((cell) => (
        <div key={cell.party}>
          <p className="text-xs font-medium text-slate-600">
            {ctx.partyNames.get(cell.party) ?? cell.party} duties{cell.raci ? ` (RACI: ${cell.raci})` : ""}
          </p>
          {cell.notApplicable ? (
            <p className="px-1.5 text-sm">N/A</p>
          ) : (
            <Lines ops={cell.duties.map((duty) => ({ kind, text: dutyToLine(duty) }))} empty="no duties listed" />
          )}
        </div>
      ))}
    </div>
  );
}

function AreaTitle({ area }: { area: Area }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {area.name}
      {area.plane ? <span className="text-xs font-normal text-slate-500">({area.plane} plane)</span> : null}
      <span className="no-underline">
        <AssignmentBadge assignment={area.assignment} />
      </span>
    </span>
  );
}

export function AreasChanges({
  diff,
  before,
  after,
  ctx,
}: {
  diff: AreasDiff;
  before: readonly Area[];
  after: readonly Area[];
  ctx: DiffContext;
}) {
  const removed = diff.removed.map((ref) => ({ ref, area: before[ref.position] }));
  const added = diff.added.map((ref) => ({ ref, area: after[ref.position] }));
  return (
    <ul className="space-y-2">
      {added.map(({ ref, area }) => (
        <ItemCard key={`a-${ref.position}`} kind="added" title={area ? <AreaTitle area={area} /> : ref.label}>
          {area ? <AreaBody area={area} kind="added" ctx={ctx} /> : null}
        </ItemCard>
      ))}
      {removed.map(({ ref, area }) => (
        <ItemCard key={`r-${ref.position}`} kind="removed" title={area ? <AreaTitle area={area} /> : ref.label}>
          {area ? <AreaBody area={area} kind="removed" ctx={ctx} /> : null}
        </ItemCard>
      ))}
      {diff.changed.map((change) => {
        const area = after[change.position];
        const assignmentChanged = change.fields.some((f) => f.field === "assignment");
        return (
          <ItemCard
            key={`c-${change.position}`}
            kind="changed"
            title={
              <span className="inline-flex flex-wrap items-center gap-2">
                {change.label}
                {change.plane ? (
                  <span className="text-xs font-normal text-slate-500">({change.plane} plane)</span>
                ) : null}
                {!assignmentChanged && area ? <AssignmentBadge assignment={area.assignment} /> : null}
              </span>
            }
          >
            <Fields fields={change.fields} ctx={ctx} />
          </ItemCard>
        );
      })}
      <Moves moves={diff.moved} noun="areas" />
    </ul>
  );
}
