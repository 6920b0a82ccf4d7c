// One party's cell in a matrix: its RACI letters, "N/A" when the source marks the party not
// applicable, its duties (each with its strength in words unless it is a plain "must"), or a dash
// (read out as "none listed") when it holds nothing. The same in the read-only matrix, the editor,
// the import preview and My obligations, so N/A and "none listed" never look alike.
import { dutyStrengthLabels, type DutyStrength } from "@/lib/domain/vocabulary";

export interface CellContent {
  duties: readonly { text: string; strength?: DutyStrength }[];
  notApplicable?: boolean;
  raci?: string | null;
}

const raciWords: Record<string, string> = { R: "Responsible", A: "Accountable", C: "Consulted", I: "Informed" };
const strengthStyle: Record<DutyStrength, string> = {
  must: "",
  should: "text-slate-700",
  may: "text-slate-600",
  excluded: "text-slate-500 line-through decoration-slate-400",
};

export function RaciLetters({ letters }: { letters: string }) {
  return (
    <span
      className="inline-flex gap-0.5 font-mono text-xs font-semibold text-slate-800"
      title={[...letters].map((l) => raciWords[l]).join(", ")}
    >
      {[...letters].map((l) => (
        <span key={l} aria-hidden="true" className="rounded bg-slate-100 px-1 ring-1 ring-inset ring-slate-300">
          {l}
        </span>
      ))}
      <span className="sr-only">{[...letters].map((l) => raciWords[l]).join(", ")}</span>
    </span>
  );
}

/** What the letters stand for, under a matrix that uses them. */
export function RaciLegend() {
  return (
    <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="RACI legend">
      {Object.entries(raciWords).map(([letter, word]) => (
        <div key={letter} className="flex items-center gap-1.5">
          <dt className="rounded bg-slate-100 px-1 font-mono font-semibold text-slate-800 ring-1 ring-inset ring-slate-300">
            {letter}
          </dt>
          <dd>{word}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Duties({ cell, label }: { cell: CellContent | undefined; label?: string }) {
  const raci = cell?.raci ? <RaciLetters letters={cell.raci} /> : null;
  if (cell?.notApplicable)
    return (
      <div className="flex flex-col items-start gap-1">
        {raci}
        <abbr title="Not applicable" className="text-slate-500 no-underline">
          N/A
        </abbr>
      </div>
    );
  const duties = cell?.duties ?? [];
  if (duties.length === 0)
    return (
      raci ?? (
        <span className="relative text-slate-400">
          <span aria-hidden="true">—</span>
          <span className="sr-only">none listed</span>
        </span>
      )
    );
  return (
    <div className="flex flex-col items-start gap-1">
      {raci}
      <ul aria-label={label} className="list-disc space-y-0.5 pl-4 text-slate-700 marker:text-slate-300">
        {duties.map((duty, i) => {
          const strength = duty.strength ?? "must";
          return (
            <li key={i}>
              {strength === "must" ? null : (
                <span className="mr-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
                  {dutyStrengthLabels[strength]}:
                </span>
              )}
              <span className={strengthStyle[strength]}>{duty.text}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
