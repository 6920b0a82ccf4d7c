"use client";

import { useId } from "react";
import type { FieldInput, FieldSpec } from "./field-spec";
import { FieldError, inputClass } from "../editor-controls";

/** One input of a value form, rendered from its spec, with hint and error wired for screen readers. */
export function SpecField({
  field,
  name,
  defaultValue,
  error,
}: {
  field: FieldSpec;
  name: string;
  defaultValue: FieldInput;
  error: string | undefined;
}) {
  const id = useId();
  const hintId = field.hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const describedBy = [hintId, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  const optional =
    field.required || field.kind === "checkbox" ? null : (
      <span className="font-normal text-slate-500"> (optional)</span>
    );
  const notes = (
    <>
      {field.hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {field.hint}
        </p>
      ) : null}
      <FieldError id={errorId} error={error} />
    </>
  );
  const className = field.wide || field.kind === "textarea" || field.kind === "markdown" ? "sm:col-span-2" : "";

  if (field.kind === "checkbox")
    return (
      <div className={className}>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            name={name}
            value="true"
            defaultChecked={defaultValue === true}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            className="size-4 rounded border-slate-300 accent-blue-700"
          />
          {field.label}
        </label>
        {notes}
      </div>
    );
  if (field.kind === "checkboxes") {
    const checked = Array.isArray(defaultValue) ? defaultValue : [];
    return (
      <fieldset className={className} aria-describedby={describedBy}>
        <legend className="text-sm font-medium text-slate-800">
          {field.label}
          {optional}
        </legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {(field.options ?? []).map((o) => (
            <label key={o.value} className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                name={name}
                value={o.value}
                defaultChecked={checked.includes(o.value)}
                className="size-4 rounded border-slate-300 accent-blue-700"
              />
              {o.label}
            </label>
          ))}
        </div>
        {notes}
      </fieldset>
    );
  }
  const text = typeof defaultValue === "string" ? defaultValue : "";
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {field.label}
        {optional}
      </label>
      {field.kind === "select" ? (
        <select
          id={id}
          name={name}
          defaultValue={text}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          className={inputClass(error)}
        >
          {!field.required || text === "" ? <option value="">{field.emptyLabel ?? "—"}</option> : null}
          {(field.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : field.kind === "textarea" || field.kind === "markdown" ? (
        <textarea
          id={id}
          name={name}
          defaultValue={text}
          rows={field.kind === "markdown" ? 12 : 3}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          className={`${inputClass(error)} ${field.kind === "markdown" ? "font-mono" : ""}`}
        />
      ) : (
        <input
          id={id}
          name={name}
          type={field.kind === "number" ? "number" : field.kind === "url" ? "url" : "text"}
          defaultValue={text}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          spellCheck={field.kind === "color" ? false : undefined}
          className={inputClass(error)}
        />
      )}
      {notes}
    </div>
  );
}
