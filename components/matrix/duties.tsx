// One party's duties in a matrix cell: a list, "N/A" when the source marks the side not applicable,
// or a dash (read out as "none listed") when it lists nothing. The same in the read-only matrix,
// the editor and the import preview, so N/A and "none listed" never look alike.

export function Duties({
  duties,
  notApplicable = false,
  label,
}: {
  duties: readonly string[];
  notApplicable?: boolean;
  /** Names the list for screen readers (e.g. "DanubeData duties") where the column header is far away. */
  label?: string;
}) {
  if (notApplicable)
    return (
      <abbr title="Not applicable" className="text-slate-500 no-underline">
        N/A
      </abbr>
    );
  if (duties.length === 0)
    return (
      <span className="text-slate-400">
        <span aria-hidden="true">—</span>
        <span className="sr-only">none listed</span>
      </span>
    );
  return (
    <ul aria-label={label} className="list-disc space-y-0.5 pl-4 text-slate-700 marker:text-slate-300">
      {duties.map((duty, i) => (
        <li key={i}>{duty}</li>
      ))}
    </ul>
  );
}
