"use client";

import { useEffect, useId, useRef, useState, type ReactNode, type TextareaHTMLAttributes } from "react";

// Small pieces shared by the draft editors: a labelled textarea with its error, a button that asks
// before doing something destructive, and the panel shown when a save was refused as stale.

const fieldClass =
  "mt-1 block w-full rounded-lg border bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 disabled:bg-slate-100";
export const fieldStateClass = (error: string | undefined) =>
  error
    ? "border-red-600 focus:border-red-600 focus:ring-red-600/30"
    : "border-slate-300 focus:border-blue-600 focus:ring-blue-600/30";
export const inputClass = (error?: string) => `${fieldClass} ${fieldStateClass(error)}`;

export const smallButton = {
  primary:
    "rounded-md bg-slate-900 px-2.5 py-1 text-xs font-medium text-white hover:bg-slate-700 disabled:cursor-not-allowed disabled:bg-slate-400",
  secondary:
    "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50 disabled:cursor-not-allowed disabled:text-slate-400",
  danger:
    "rounded-md bg-red-700 px-2.5 py-1 text-xs font-medium text-white hover:bg-red-800 disabled:cursor-not-allowed disabled:bg-red-300",
  dangerOutline:
    "rounded-md border border-red-300 bg-white px-2.5 py-1 text-xs font-medium text-red-800 hover:bg-red-50 disabled:cursor-not-allowed disabled:text-red-300",
} as const;

/** The error under a field; its id goes into the field's aria-describedby. */
export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={id} className="mt-1 text-sm font-medium text-red-700">
      {error}
    </p>
  ) : null;
}

export function TextAreaField({
  label,
  name,
  error,
  hint,
  required,
  className = "",
  ...textarea
}: {
  label: string;
  name?: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id" | "className" | "required">) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {required ? null : <span className="font-normal text-slate-500"> (optional)</span>}
      </label>
      <textarea
        id={id}
        name={name}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className={inputClass(error)}
        {...textarea}
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

/**
 * A destructive action in two steps: the button, then a question with the real button and "Cancel".
 * `confirmType="submit"` makes the second button submit the surrounding form.
 */
export function ConfirmAction({
  label,
  ariaLabel,
  question,
  confirmLabel,
  onConfirm,
  confirmType = "button",
  disabled,
  pending,
  size = "small",
}: {
  label: string;
  ariaLabel?: string;
  question: ReactNode;
  confirmLabel: string;
  onConfirm?: () => void;
  confirmType?: "button" | "submit";
  disabled?: boolean;
  pending?: boolean;
  size?: "small" | "large";
}) {
  const [asking, setAsking] = useState(false);
  // A submitting confirmation closes once its form has been handled.
  const [wasPending, setWasPending] = useState(pending ?? false);
  if ((pending ?? false) !== wasPending) {
    setWasPending(pending ?? false);
    if (!pending) setAsking(false);
  }
  const cancelRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    // Focus follows the question: to "Cancel" when it opens (Enter must not delete), back when it closes.
    if (asking) cancelRef.current?.focus();
    else if (wasAsking.current) openRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  const large = size === "large";
  const danger = large
    ? "rounded-lg bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800 disabled:bg-red-300"
    : smallButton.danger;
  const secondary = large
    ? "rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
    : smallButton.secondary;
  const outline = large
    ? "rounded-lg border border-red-300 bg-white px-4 py-2 text-sm font-medium text-red-800 hover:bg-red-50 disabled:cursor-not-allowed disabled:text-red-300"
    : smallButton.dangerOutline;

  if (!asking)
    return (
      <button
        ref={openRef}
        type="button"
        aria-label={ariaLabel}
        disabled={disabled || pending}
        onClick={() => setAsking(true)}
        className={outline}
      >
        {label}
      </button>
    );
  return (
    <div role="group" aria-label={ariaLabel ?? label} className="flex flex-wrap items-center gap-2">
      <span className="text-sm text-slate-800">{question}</span>
      <button
        type={confirmType}
        disabled={pending}
        onClick={() => {
          onConfirm?.();
          if (confirmType === "button") setAsking(false);
        }}
        className={danger}
      >
        {pending ? "Working…" : confirmLabel}
      </button>
      <button ref={cancelRef} type="button" onClick={() => setAsking(false)} className={secondary}>
        Cancel
      </button>
    </div>
  );
}

/**
 * Shown when a save was refused because someone else changed the same thing first: their saved
 * value next to the user's (which stays in the form), and the two ways on.
 */
export function ConflictPanel({
  message,
  theirs,
  mine,
  onUseTheirs,
  onKeepMine,
  keepMineLabel = "Save mine over theirs",
  pending,
}: {
  message: string;
  theirs: ReactNode;
  mine: ReactNode;
  onUseTheirs: () => void;
  onKeepMine: () => void;
  keepMineLabel?: string;
  pending?: boolean;
}) {
  const id = useId();
  return (
    <div
      role="alert"
      aria-labelledby={`${id}-title`}
      className="rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950"
    >
      <p id={`${id}-title`} className="font-semibold">
        Someone else changed this
      </p>
      <p className="mt-1">{message}</p>
      <div className="mt-3 grid gap-3 md:grid-cols-2">
        <section aria-label="Their version (saved)" className="rounded-md border border-amber-300 bg-white p-2">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-amber-900">Their version (saved)</h4>
          <div className="mt-1">{theirs}</div>
        </section>
        <section aria-label="Your version (not saved)" className="rounded-md border border-slate-300 bg-white p-2">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-700">Your version (not saved)</h4>
          <div className="mt-1">{mine}</div>
        </section>
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" onClick={onUseTheirs} disabled={pending} className={smallButton.secondary}>
          Use their version
        </button>
        <button type="button" onClick={onKeepMine} disabled={pending} className={smallButton.primary}>
          {keepMineLabel}
        </button>
      </div>
    </div>
  );
}
