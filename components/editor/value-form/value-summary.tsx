import { readField, type FieldSpec } from "./field-spec";

/** A read-only rendering of a value through the form's fields (the two sides of a conflict); differences from `other` are marked. */
export function ValueSummary({
  fields,
  value,
  other,
}: {
  fields: readonly FieldSpec[];
  value: unknown;
  other?: unknown;
}) {
  if (value === null || value === undefined)
    return <p className="text-xs text-slate-700">Nothing: it was removed or left empty.</p>;
  const shown = (field: FieldSpec, of: unknown) => {
    const input = readField(field, of);
    if (typeof input === "boolean") return input ? "Yes" : "No";
    if (Array.isArray(input)) return input.join(", ") || "—";
    return (field.options?.find((o) => o.value === input)?.label ?? input) || "—";
  };
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-y-1 text-xs">
      {fields.map((field) => {
        const text = shown(field, value);
        const changed = other !== undefined && text !== shown(field, other);
        return (
          <div key={field.label} className={`contents ${changed ? "[&>*]:bg-amber-100" : ""}`}>
            <dt className="rounded-l px-1 font-medium text-slate-600">
              {field.label}
              {changed ? <span className="sr-only"> (differs)</span> : null}
            </dt>
            <dd className="whitespace-pre-wrap break-words rounded-r px-1 text-slate-900">{text}</dd>
          </div>
        );
      })}
    </dl>
  );
}
