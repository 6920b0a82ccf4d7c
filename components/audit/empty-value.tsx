/** A dash for "nothing here", read out as "none". */
export function EmptyValue() {
  return (
    <span className="text-slate-400">
      <span aria-hidden="true">—</span>
      <span className="sr-only">none</span>
    </span>
  );
}
