"use client";

import {
  startTransition,
  useActionState,
  useEffect,
  useId,
  useRef,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
} from "react";
import { idleState, type ActionState } from "@/lib/actions/action-state";

// Building blocks for the admin forms: a useActionState wrapper, labelled fields that show their
// error next to them, the form's live message and a submit button that is disabled while pending.

/**
 * useActionState for a server action. Submitting through a transition keeps what was typed when the
 * server refuses it (an action passed as `action` alone resets the form afterwards); the `action`
 * prop stays on the form so it also works before JavaScript has loaded.
 */
export function useActionForm<S extends ActionState>(
  action: (prev: S, form: FormData) => Promise<S>,
  options: { resetOnSuccess?: boolean } = {},
) {
  // S is a plain object type, so Awaited<S> is S; TypeScript cannot see that for a type parameter.
  const [state, formAction, pending] = useActionState<S, FormData>(
    action as (prev: Awaited<S>, form: FormData) => Promise<S>,
    idleState as Awaited<S>,
  );
  const formRef = useRef<HTMLFormElement>(null);
  const resetOnSuccess = options.resetOnSuccess ?? false;

  useEffect(() => {
    if (resetOnSuccess && state.status === "success") formRef.current?.reset();
  }, [state, resetOnSuccess]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(data));
  };

  const fieldError = (name: string): string | undefined =>
    state.status === "error" ? state.fieldErrors[name] : undefined;

  // noValidate: the server's messages are specific and shown next to each field.
  return { state, pending, fieldError, formProps: { ref: formRef, action: formAction, onSubmit, noValidate: true } };
}

/** The form's outcome, announced politely to screen readers. The region is always rendered. */
export function FormMessage({ state, id }: { state: ActionState; id?: string }) {
  return (
    <p
      id={id}
      role="status"
      aria-live="polite"
      className={`min-h-5 text-sm ${state.status === "error" ? "font-medium text-red-700" : "text-emerald-700"}`}
    >
      {state.status === "idle" ? null : state.message}
    </p>
  );
}

const buttonStyles = {
  primary: "bg-slate-900 text-white hover:bg-slate-700 disabled:bg-slate-400",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:text-slate-400",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:bg-red-300",
} as const;

export function SubmitButton({
  pending,
  children,
  pendingLabel = "Saving…",
  variant = "primary",
  name,
  value,
  ariaLabel,
}: {
  pending: boolean;
  children: ReactNode;
  pendingLabel?: string;
  variant?: keyof typeof buttonStyles;
  name?: string;
  value?: string;
  ariaLabel?: string;
}) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      aria-label={ariaLabel}
      className={`rounded-lg px-4 py-2 text-sm font-medium disabled:cursor-not-allowed ${buttonStyles[variant]}`}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}

const inputClass =
  "mt-1 block w-full rounded-lg border bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 disabled:bg-slate-100";
const inputState = (error: string | undefined) =>
  error
    ? "border-red-600 focus:border-red-600 focus:ring-red-600/30"
    : "border-slate-300 focus:border-blue-600 focus:ring-blue-600/30";

/** Ids of the hint and error under a field, for aria-describedby. */
function useDescriptions(hint: ReactNode, error: string | undefined) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined };
}

function FieldNotes({
  hint,
  hintId,
  error,
  errorId,
}: {
  hint: ReactNode;
  hintId?: string;
  error?: string;
  errorId?: string;
}) {
  return (
    <>
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </>
  );
}

export function TextField({
  label,
  name,
  error,
  hint,
  className = "",
  ...input
}: {
  label: string;
  name: string;
  error?: string;
  hint?: ReactNode;
  className?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "className">) {
  const { id, hintId, errorId, describedBy } = useDescriptions(hint, error);
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {input.required ? null : <span className="font-normal text-slate-500"> (optional)</span>}
      </label>
      <input
        id={id}
        name={name}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className={`${inputClass} ${inputState(error)}`}
        {...input}
      />
      <FieldNotes hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

export function TextAreaField({
  label,
  name,
  error,
  hint,
  className = "",
  ...textarea
}: {
  label: string;
  name: string;
  error?: string;
  hint?: ReactNode;
  className?: string;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id" | "className">) {
  const { id, hintId, errorId, describedBy } = useDescriptions(hint, error);
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {textarea.required ? null : <span className="font-normal text-slate-500"> (optional)</span>}
      </label>
      <textarea
        id={id}
        name={name}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className={`${inputClass} ${inputState(error)}`}
        {...textarea}
      />
      <FieldNotes hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

export function SelectField({
  label,
  name,
  options,
  defaultValue,
  placeholder,
  error,
  hint,
  required,
  onChange,
  className = "",
}: {
  label: string;
  name: string;
  options: readonly { value: string; label: string }[];
  defaultValue?: string;
  /** An empty first option, e.g. "Choose an organization…". */
  placeholder?: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  onChange?: (value: string) => void;
  className?: string;
}) {
  const { id, hintId, errorId, describedBy } = useDescriptions(hint, error);
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        required={required}
        onChange={onChange ? (event) => onChange(event.target.value) : undefined}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className={`${inputClass} ${inputState(error)}`}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldNotes hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}

/** A group of checkboxes with one legend and one error for the whole set. */
export function CheckboxGroup({
  legend,
  name,
  options,
  defaultChecked,
  error,
  hint,
  emptyMessage = "Nothing to choose from.",
}: {
  legend: string;
  name: string;
  options: readonly { value: string; label: ReactNode }[];
  defaultChecked: readonly string[];
  error?: string;
  hint?: ReactNode;
  emptyMessage?: string;
}) {
  const { id, hintId, errorId, describedBy } = useDescriptions(hint, error);
  return (
    <fieldset aria-describedby={describedBy}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {options.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{emptyMessage}</p>
      ) : (
        <ul className="mt-2 grid gap-1.5 sm:grid-cols-2">
          {options.map((o, i) => (
            <li key={o.value}>
              <label htmlFor={`${id}-${i}`} className="flex items-start gap-2 text-sm text-slate-800">
                <input
                  id={`${id}-${i}`}
                  type="checkbox"
                  name={name}
                  value={o.value}
                  defaultChecked={defaultChecked.includes(o.value)}
                  className="mt-0.5 size-4 shrink-0 rounded border-slate-300 accent-blue-700"
                />
                <span>{o.label}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <FieldNotes hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </fieldset>
  );
}
