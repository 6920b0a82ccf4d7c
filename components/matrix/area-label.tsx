import { planeLabels } from "@/lib/model/area-text";

/** An area's name with its plane, notes and our interpretation: the same in the read and edit matrices. */
export function AreaLabel({
  area,
}: {
  /** A read DTO (absent fields are null) or a draft document's area (absent fields are missing). */
  area: { name: string; plane?: "control" | "data" | null; notes?: string | null; interpretation?: string | null };
}) {
  return (
    <>
      <div className="flex flex-wrap items-center gap-1.5">
        <span className="font-medium text-slate-900">{area.name}</span>
        {area.plane ? (
          <span className="rounded-full bg-slate-100 px-1.5 py-px text-[11px] font-medium text-slate-600 ring-1 ring-inset ring-slate-300">
            {planeLabels[area.plane]}
          </span>
        ) : null}
      </div>
      {area.notes ? <p className="mt-1 text-xs leading-snug text-slate-500">{area.notes}</p> : null}
      {area.interpretation ? (
        <p className="mt-1 text-xs leading-snug text-slate-500">
          <span className="font-medium text-slate-600">Interpretation: </span>
          {area.interpretation}
        </p>
      ) : null}
    </>
  );
}
