"use client";

import { useId, useState, type FormEvent, type ReactNode } from "react";
import type { DocumentPath } from "@/lib/domain/document-changes";
import { ConfirmAction, ConflictPanel, FieldError, inputClass, smallButton } from "./editor-controls";
import { conflictOf, fieldErrorOf, otherFieldErrors, useDraftChange } from "./use-draft-change";
import { canonicalJson } from "@/lib/domain/canonical-json";

// One generic "edit this value of the draft" form, built from a small field spec, for every part of
// a provider document that is not a matrix row: provider fields, parties, contacts, compliance
// references, narrative sections, services, layers, components, deployment models and their
// assignments. A form saves exactly one change: `set` (with `expected` = the value it loaded),
// `insert` (a new list item) or `remove` (with confirmation). A stale save shows the other editor's
// value next to the user's input, which stays in the form.

type Json = Record<string, unknown>;
export type FieldInput = string | boolean | string[];

export interface FieldSpec {
  /** The property of the edited object; null when the form edits a single value (e.g. ["name"]). */
  key: string | null;
  label: string;
  kind: "text" | "textarea" | "markdown" | "url" | "color" | "select" | "checkbox" | "number" | "checkboxes";
  required?: boolean;
  hint?: string;
  /** For "select" and "checkboxes". */
  options?: readonly { value: string; label: string }[];
  /** Optional selects: the label of the empty choice. */
  emptyLabel?: string;
  /** How an empty input is stored: left out (default) or null. */
  empty?: "omit" | "null";
  /** Custom reading and writing (e.g. one select choosing between two properties). */
  get?: (value: Json) => FieldInput;
  put?: (value: Json, input: FieldInput) => void;
  /** The error paths this field shows (default: its key). */
  errorKeys?: readonly string[];
  /** Spans the whole form row. */
  wide?: boolean;
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readField(field: FieldSpec, value: unknown): FieldInput {
  const object = isObject(value) ? value : {};
  if (field.get) return field.get(object);
  const raw = field.key === null ? value : object[field.key];
  if (field.kind === "checkbox") return raw === true;
  if (field.kind === "checkboxes") return Array.isArray(raw) ? raw.map(String) : [];
  return raw === undefined || raw === null ? "" : String(raw);
}

function convert(field: FieldSpec, input: FieldInput): unknown {
  if (field.kind === "checkbox") return input === true ? true : undefined;
  if (field.kind === "checkboxes") return Array.isArray(input) && input.length > 0 ? input : undefined;
  const text = typeof input === "string" ? input.trim() : "";
  if (text === "") return field.empty === "null" ? null : field.required ? "" : undefined;
  if (field.kind === "number") return /^-?\d+$/.test(text) ? Number(text) : text;
  return text;
}

/** The value the form would save: its fields written over the loaded value (other properties are kept). */
function buildValue(fields: readonly FieldSpec[], base: unknown, inputs: readonly FieldInput[]): unknown {
  if (fields.length === 1 && fields[0]!.key === null) return convert(fields[0]!, inputs[0] ?? "");
  const next: Json = isObject(base) ? structuredClone(base) : {};
  fields.forEach((field, i) => {
    const input = inputs[i] ?? "";
    if (field.put) field.put(next, input);
    else if (field.key !== null) {
      const value = convert(field, input);
      if (value === undefined) delete next[field.key];
      else next[field.key] = value;
    }
  });
  return next;
}

/** A read-only rendering of a value through the form's fields (the two sides of a conflict); differences from `other` are marked. */
function ValueSummary({ fields, value, other }: { fields: readonly FieldSpec[]; value: unknown; other?: unknown }) {
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

function Field({
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

export interface DraftValueFormProps {
  provider: string;
  /** set: the place of the value; insert: the list index the new item takes. */
  path: DocumentPath;
  mode: "set" | "insert";
  /** set: the value as loaded (the `expected` of the change); insert: the new item's starting value. */
  value: unknown;
  fields: readonly FieldSpec[];
  /** Legend of the form (omit for a single inline field, whose label says it all). */
  title?: string;
  submitLabel?: string;
  /** Adjusts the value to save (e.g. default parties for a new assignment). */
  normalize?: (next: unknown, loaded: unknown) => unknown;
  /** Offer "Delete" (a `remove` of `path`), confirmed first. */
  removable?: { label: string; question: string };
  /** After a successful save (the server's pages are revalidated already). */
  onSaved?: (message: string) => void;
}

export function DraftValueForm({
  provider,
  path,
  mode,
  value,
  fields,
  title,
  submitLabel = mode === "insert" ? "Add" : "Save",
  normalize,
  removable,
  onSaved,
}: DraftValueFormProps) {
  const change = useDraftChange(provider);
  const remove = useDraftChange(provider);
  /** What the form was loaded from: the `expected` value (replaced by theirs after "Use their version"). */
  const [base, setBase] = useState<unknown>(value);
  const [formKey, setFormKey] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [submitted, setSubmitted] = useState<unknown>(undefined);
  const [message, setMessage] = useState("");
  const conflict = conflictOf(change.state);
  const valueKey = canonicalJson(value);
  const baseKey = canonicalJson(base);

  // The page brings the latest draft after every save; untouched forms follow it (a form with
  // unsaved input keeps it: saving it then shows the other version). Adjusted while rendering.
  const [seenValueKey, setSeenValueKey] = useState(valueKey);
  if (seenValueKey !== valueKey) {
    setSeenValueKey(valueKey);
    if (mode === "set" && !dirty && valueKey !== baseKey) {
      setBase(value);
      setFormKey((k) => k + 1);
    }
  }

  const scalar = fields.length === 1 && fields[0]!.key === null;
  const lastSegment = String(path.at(-1) ?? "");
  const errorFor = (field: FieldSpec) => {
    const keys = field.errorKeys ?? (field.key === null ? [lastSegment, ""] : [field.key]);
    for (const key of keys) {
      const found = key === "" ? undefined : fieldErrorOf(change.state, key);
      if (found) return found;
    }
    // A single-value form shows every error under its one field.
    if (scalar && change.state.status === "error") return Object.values(change.state.fieldErrors)[0];
    return undefined;
  };
  const shownKeys = fields.flatMap((f) => f.errorKeys ?? (f.key === null ? [lastSegment] : [f.key]));
  const others = scalar ? [] : otherFieldErrors(change.state, shownKeys);

  const inputsOf = (form: HTMLFormElement): FieldInput[] => {
    const data = new FormData(form);
    return fields.map((field, i) => {
      const name = `field-${i}`;
      if (field.kind === "checkbox") return data.get(name) === "true";
      if (field.kind === "checkboxes") return data.getAll(name).map(String);
      const raw = data.get(name);
      return typeof raw === "string" ? raw : "";
    });
  };

  const send = async (next: unknown, expected: unknown) => {
    setSubmitted(next);
    setMessage("");
    const state = await change.submit(
      mode === "insert" ? { op: "insert", path, value: next } : { op: "set", path, expected, value: next },
    );
    if (state.status !== "success") return;
    const text = mode === "insert" ? "Added to the draft." : "Saved to the draft.";
    setDirty(false);
    if (mode === "insert") {
      setBase(value);
      setFormKey((k) => k + 1);
    } else setBase(next);
    setMessage(text);
    onSaved?.(text);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const built = buildValue(fields, base, inputsOf(event.currentTarget));
    void send(normalize ? normalize(built, base) : built, base);
  };

  const legend = title ? <legend className="text-sm font-semibold text-slate-900">{title}</legend> : null;
  return (
    <form
      onSubmit={onSubmit}
      onInput={() => {
        setDirty(true);
        setMessage("");
      }}
      noValidate
      className="space-y-3"
    >
      <fieldset className="space-y-3">
        {legend}
        <div key={formKey} className={scalar ? "" : "grid gap-3 sm:grid-cols-2"}>
          {fields.map((field, i) => (
            <Field
              key={`${field.label}-${i}`}
              field={field}
              name={`field-${i}`}
              defaultValue={readField(field, base)}
              error={errorFor(field)}
            />
          ))}
        </div>
      </fieldset>
      {others.length > 0 ? (
        <ul className="list-disc pl-5 text-sm text-red-700">
          {others.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      {conflict && mode === "set" ? (
        <ConflictPanel
          message="Your change was not saved. Keep yours (it replaces theirs) or start again from theirs."
          theirs={<ValueSummary fields={fields} value={conflict.current} other={submitted} />}
          mine={<ValueSummary fields={fields} value={submitted} other={conflict.current} />}
          pending={change.pending}
          onKeepMine={() => void send(submitted, conflict.current)}
          onUseTheirs={() => {
            change.reset();
            setDirty(false);
            setBase(conflict.current);
            setFormKey((k) => k + 1);
          }}
        />
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={change.pending} className={smallButton.primary}>
          {change.pending ? "Saving…" : submitLabel}
        </button>
        {removable && mode === "set" ? (
          <ConfirmAction
            label={removable.label}
            question={removable.question}
            confirmLabel={removable.label}
            pending={remove.pending}
            onConfirm={async () => {
              const state = await remove.submit({ op: "remove", path, expected: base });
              if (state.status === "success") onSaved?.("Removed from the draft.");
            }}
          />
        ) : null}
        <p
          role="status"
          aria-live="polite"
          className={`min-h-5 text-sm ${change.state.status === "error" || remove.state.status === "error" ? "font-medium text-red-700" : "text-emerald-700"}`}
        >
          {remove.state.status === "error"
            ? remove.state.message
            : change.state.status === "error"
              ? conflict
                ? "Not saved: someone else changed this first."
                : change.state.message
              : message}
        </p>
      </div>
    </form>
  );
}

/**
 * A list of the draft (parties, contacts, …): each item in its own form (save, delete), and a form
 * that adds one at the end. `extra` renders nested editors under an item (a layer's components).
 */
export function DraftList({
  provider,
  path,
  items,
  fields,
  itemTitle,
  newItem,
  addLabel,
  normalize,
  emptyMessage = "None yet.",
  extra,
  itemId,
}: {
  provider: string;
  path: DocumentPath;
  items: readonly unknown[];
  fields: readonly FieldSpec[];
  itemTitle: (item: Json, index: number) => string;
  newItem: Json;
  addLabel: string;
  normalize?: (next: unknown, loaded: unknown) => unknown;
  emptyMessage?: string;
  extra?: (item: Json, index: number) => ReactNode;
  itemId?: (item: Json, index: number) => string;
}) {
  const [announcement, setAnnouncement] = useState("");
  return (
    <div className="space-y-2">
      {items.length === 0 ? <p className="text-sm text-slate-600">{emptyMessage}</p> : null}
      <ul className="space-y-2">
        {items.map((item, index) => {
          const object = isObject(item) ? item : {};
          const title = itemTitle(object, index);
          return (
            <li key={index} id={itemId?.(object, index)} className="rounded-lg border border-slate-200 bg-white">
              <details>
                <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-900">{title}</summary>
                <div className="space-y-4 border-t border-slate-100 px-3 py-3">
                  <DraftValueForm
                    provider={provider}
                    path={[...path, index]}
                    mode="set"
                    value={item}
                    fields={fields}
                    title={title}
                    normalize={normalize}
                    removable={{ label: "Delete", question: `Delete “${title}” from the draft?` }}
                    onSaved={(m) => setAnnouncement(`${title}: ${m}`)}
                  />
                  {extra?.(object, index)}
                </div>
              </details>
            </li>
          );
        })}
      </ul>
      <details className="rounded-lg border border-dashed border-slate-300 bg-slate-50/60">
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-800">{addLabel}</summary>
        <div className="border-t border-slate-200 px-3 py-3">
          <DraftValueForm
            provider={provider}
            path={[...path, items.length]}
            mode="insert"
            value={newItem}
            fields={fields}
            title={addLabel}
            normalize={normalize}
            submitLabel={addLabel}
            onSaved={(m) => setAnnouncement(m)}
          />
        </div>
      </details>
      <p role="status" aria-live="polite" className="min-h-5 text-sm text-emerald-700">
        {announcement}
      </p>
    </div>
  );
}

/** Deletes one thing from the draft (a `remove` with `expected`), after asking. */
export function DraftRemoveButton({
  provider,
  path,
  expected,
  label,
  question,
  onRemoved,
}: {
  provider: string;
  path: DocumentPath;
  expected: unknown;
  label: string;
  question: string;
  onRemoved?: () => void;
}) {
  const remove = useDraftChange(provider);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <ConfirmAction
        label={label}
        question={question}
        confirmLabel={label}
        pending={remove.pending}
        onConfirm={async () => {
          const state = await remove.submit({ op: "remove", path, expected });
          if (state.status === "success") onRemoved?.();
        }}
      />
      <p role="status" aria-live="polite" className="text-sm font-medium text-red-700">
        {remove.state.status === "error"
          ? conflictOf(remove.state)
            ? "Not deleted: someone else changed it since you loaded the page. Reload to see their version."
            : remove.state.message
          : null}
      </p>
    </div>
  );
}
