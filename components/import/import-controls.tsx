"use client";

import { startTransition, useActionState, useId, useState, type FormEvent, type ReactNode } from "react";
import { idleState, type ActionState } from "@/lib/actions/action-state";

// Pieces shared by the import forms: a file input with a paste area, radio groups, and the
// two-step state (preview, then import exactly that preview).

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MiB` : `${bytes / 1024} KiB`;
}

/** Which button submitted the form: "import" (step 2) or anything else (step 1, preview). */
function submittedIntent(event: { nativeEvent: Event }): "preview" | "import" {
  const submitter = (event.nativeEvent as SubmitEvent).submitter;
  return submitter?.getAttribute("value") === "import" ? "import" : "preview";
}

/** A chosen file larger than the limit, as a message (checked before uploading anything). */
function oversizeMessage(data: FormData, maxBytes: number): string | null {
  const file = data.get("file");
  if (file instanceof File && file.size > maxBytes)
    return `“${file.name}” is ${formatBytes(Math.ceil(file.size / 1024) * 1024)}; at most ${formatBytes(maxBytes)} can be imported.`;
  return null;
}

type ImportAction<S> = (previous: Awaited<S>, form: FormData) => Promise<S>;

/**
 * The two steps of an import form: the button pressed picks the preview or the import action; a
 * file over `maxBytes` is refused before uploading; changing any field afterwards marks the
 * preview stale (the form's onChange calls `markStale`).
 */
export function usePreviewThenImport<S extends ActionState & { preview?: unknown }>(options: {
  previewAction: ImportAction<S>;
  importAction: ImportAction<S>;
  maxBytes: number;
}) {
  const [previewState, runPreview, previewing] = useActionState(options.previewAction, idleState as Awaited<S>);
  const [importState, runImport, importing] = useActionState(options.importAction, idleState as Awaited<S>);
  const [last, setLast] = useState<"preview" | "import" | null>(null);
  const [stale, setStale] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);

  const state = last === "import" ? importState : previewState;
  const imported = last === "import" && importState.status === "success";
  const preview: Awaited<S>["preview"] = !imported && previewState.status !== "idle" ? previewState.preview : undefined;
  const fieldError = (name: string) => (state.status === "error" ? state.fieldErrors[name] : undefined);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const intent = submittedIntent(event);
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    const tooBig = oversizeMessage(data, options.maxBytes);
    setFileError(tooBig);
    if (tooBig) return;
    setLast(intent);
    if (intent === "preview") setStale(false);
    startTransition(() => (intent === "import" ? runImport : runPreview)(data));
  };
  const markStale = () => setStale(preview !== undefined);

  return {
    state,
    importState,
    imported,
    preview,
    stale,
    fileError,
    fieldError,
    onSubmit,
    markStale,
    runPreview,
    runImport,
    previewing,
    importing,
  };
}

export function RadioGroup({
  legend,
  name,
  options,
  defaultValue,
  error,
}: {
  legend: string;
  name: string;
  options: readonly { value: string; label: string; hint?: string }[];
  defaultValue: string;
  error?: string;
}) {
  const id = useId();
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="mt-2 space-y-1.5">
        {options.map((o) => (
          <label key={o.value} className="flex items-start gap-2 text-sm text-slate-800">
            <input
              type="radio"
              name={name}
              value={o.value}
              defaultChecked={o.value === defaultValue}
              className="mt-0.5 size-4 shrink-0 accent-blue-700"
            />
            <span>
              {o.label}
              {o.hint ? <span className="block text-xs text-slate-500">{o.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** File input and paste area; a chosen file wins over pasted text. */
export function UploadFields({
  accept,
  fileLabel,
  pasteLabel,
  placeholder,
  hint,
  error,
}: {
  accept: string;
  fileLabel: string;
  pasteLabel: string;
  placeholder: string;
  hint: ReactNode;
  error?: string | null;
}) {
  const id = useId();
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="space-y-4">
      <div>
        <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-800">
          {fileLabel}
        </label>
        <input
          id={`${id}-file`}
          type="file"
          name="file"
          accept={accept}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          className="mt-1 block w-full text-sm text-slate-700 file:mr-3 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50"
        />
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
        {error ? (
          <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor={`${id}-text`} className="block text-sm font-medium text-slate-800">
          {pasteLabel} <span className="font-normal text-slate-500">(when no file is chosen)</span>
        </label>
        <textarea
          id={`${id}-text`}
          name="text"
          rows={7}
          spellCheck={false}
          placeholder={placeholder}
          className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-xs shadow-sm focus:border-blue-600 focus:ring-2 focus:ring-blue-600/30 focus:outline-none"
        />
      </div>
    </div>
  );
}

export function ErrorList({ title, items }: { title: string; items: readonly ReactNode[] }) {
  if (items.length === 0) return null;
  return (
    <div
      role="group"
      aria-label={title}
      className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800"
    >
      <p className="font-medium">{title}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </div>
  );
}
