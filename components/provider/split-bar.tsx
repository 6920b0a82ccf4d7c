import { assignmentMeta, assignmentValues, type AssignmentValue } from "@/lib/domain/assignment";
import { assignmentClasses } from "@/components/assignment/assignment-styles";

/** The provider/customer split of a service's areas, as a bar with a text equivalent. */
export function SplitBar({ split, label }: { split: Record<AssignmentValue, number>; label: string }) {
  const total = assignmentValues.reduce((n, v) => n + split[v], 0);
  const parts = assignmentValues.filter((v) => split[v] > 0);
  const text = parts.map((v) => `${split[v]} ${assignmentMeta[v].label.toLowerCase()}`).join(", ");
  return (
    <div>
      <div
        role="img"
        aria-label={`${label}: ${total} areas — ${text || "none"}`}
        className="flex h-2.5 w-full overflow-hidden rounded-full bg-slate-100"
      >
        {parts.map((v) => (
          <span
            key={v}
            className={`${assignmentClasses[v].swatch} h-full border-r border-white last:border-r-0`}
            style={{ width: `${(split[v] / total) * 100}%` }}
          />
        ))}
      </div>
      <p className="mt-1.5 text-xs text-slate-600" aria-hidden="true">
        {parts.map((v, i) => (
          <span key={v}>
            {i > 0 ? " · " : ""}
            <span className="font-mono font-semibold">{assignmentMeta[v].symbol}</span> {split[v]}{" "}
            {assignmentMeta[v].label.toLowerCase()}
          </span>
        ))}
      </p>
    </div>
  );
}
