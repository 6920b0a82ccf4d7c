"use client";

import { useId, useRef, useState, type ReactNode } from "react";

/**
 * Which newly created secret to show: the latest one until its panel is dismissed (a new one shows again).
 * Null while there is nothing to show.
 */
export function useShownOnce(created: string | null): { showing: string | null; dismiss: () => void } {
  const [dismissed, setDismissed] = useState<string | null>(null);
  return { showing: created && dismissed !== created ? created : null, dismiss: () => setDismissed(created) };
}

/** A secret shown once (a new token, feed address or signing secret), in a read-only field with a copy button. */
export function ShownOnce({
  title,
  label,
  value: token,
  onDone,
  children,
}: {
  title: string;
  /** The field's accessible name. */
  label: string;
  value: string;
  onDone: () => void;
  /** Why it is shown once and what to do with it. */
  children: ReactNode;
}) {
  const fieldId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied("yes");
    } catch {
      inputRef.current?.select();
      setCopied("failed");
    }
  };
  return (
    <div
      role="region"
      aria-labelledby={`${fieldId}-title`}
      className="rounded-lg border border-emerald-300 bg-emerald-50 p-4"
    >
      <h3 id={`${fieldId}-title`} className="text-sm font-semibold text-emerald-900">
        {title}
      </h3>
      <p id={`${fieldId}-note`} className="mt-1 text-sm text-emerald-900">
        {children}
      </p>
      <label htmlFor={fieldId} className="sr-only">
        {label}
      </label>
      <div className="mt-3 flex flex-wrap gap-2">
        <input
          ref={inputRef}
          id={fieldId}
          readOnly
          value={token}
          aria-describedby={`${fieldId}-note`}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-lg border border-emerald-300 bg-white px-3 py-2 font-mono text-sm text-slate-900"
        />
        <button
          type="button"
          onClick={copy}
          className="rounded-lg bg-emerald-800 px-4 py-2 text-sm font-medium text-white hover:bg-emerald-900"
        >
          Copy
        </button>
        <button
          type="button"
          onClick={onDone}
          className="rounded-lg border border-emerald-400 bg-white px-4 py-2 text-sm font-medium text-emerald-900 hover:bg-emerald-100"
        >
          Done
        </button>
      </div>
      <p aria-live="polite" className="mt-2 min-h-5 text-sm text-emerald-900">
        {copied === "yes" ? "Copied to the clipboard." : copied === "failed" ? "Press Ctrl+C (⌘C) to copy." : null}
      </p>
    </div>
  );
}
