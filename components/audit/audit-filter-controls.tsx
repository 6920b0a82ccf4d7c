// The audit filter controls that need more than a plain <input>: the action list and the dates.
import type { AuditControlProps } from "./audit-filter-field";

/** Every action in the log, grouped by its prefix, with "all of this group" first in each group. */
export function AuditActionSelect({
  props,
  value,
  actions,
}: {
  props: AuditControlProps;
  value?: string;
  actions: string[];
}) {
  const groups = new Map<string, string[]>();
  for (const action of actions) {
    const prefix = action.split(".")[0] ?? action;
    groups.set(prefix, [...(groups.get(prefix) ?? []), action]);
  }
  const known = new Set([...actions, ...[...groups.keys()].map((p) => `${p}.`)]);
  return (
    <select {...props} defaultValue={value ?? ""}>
      <option value="">All actions</option>
      {value && !known.has(value) ? <option value={value}>{value}</option> : null}
      {[...groups].map(([prefix, members]) => (
        <optgroup key={prefix} label={prefix}>
          <option value={`${prefix}.`}>All {prefix}.* actions</option>
          {members.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

/** A date picker; a value it cannot show (a date-time, or a refused value) stays editable as text. */
export function AuditDateInput({ props, value }: { props: AuditControlProps; value?: string }) {
  const asDate = !value || (/^\d{4}-\d{2}-\d{2}$/.test(value) && !props["aria-invalid"]);
  return <input {...props} type={asDate ? "date" : "text"} defaultValue={value ?? ""} />;
}
