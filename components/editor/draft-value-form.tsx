"use client";

import { useState, type FormEvent } from "react";
import type { DocumentPath } from "@/lib/domain/document-changes";
import { ConfirmAction, ConflictPanel, smallButton } from "./editor-controls";
import { buildValue, readField, type FieldInput, type FieldSpec } from "./value-form/field-spec";
import { SpecField } from "./value-form/spec-field";
import { ValueSummary } from "./value-form/value-summary";

export type { FieldInput, FieldSpec } from "./value-form/field-spec";
import { conflictOf, fieldErrorOf, otherFieldErrors, useDraftChange } from "./use-draft-change";
import { canonicalJson } from "@/lib/domain/canonical-json";

// One generic "edit this value of the draft" form, built from a small field spec, for every part of
// a provider document that is not a matrix row: provider fields, parties, contacts, compliance
// references, narrative sections, services, layers, components, deployment models and their
// assignments. A form saves exactly one change: `set` (with `expected` = the value it loaded),
// `insert` (a new list item) or `remove` (with confirmation). A stale save shows the other editor's
// value next to the user's input, which stays in the form.

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
      aria-label={title}
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
            <SpecField
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
