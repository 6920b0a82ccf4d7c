"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { discardDraftAction, publishDraftAction, revertDraftAction, type PublishDraftState } from "@/lib/actions/draft";
import { FormMessage, SelectField, useActionForm } from "@/components/forms/form-controls";
import { ConfirmAction, TextAreaField } from "./editor-controls";

// The draft as a whole: publish it (with a changelog note), throw it away, or start it again from a
// published version.

export function PublishForm({
  provider,
  draftVersion,
  changed,
  errorCount,
  warningCount,
  nextVersion,
  review,
}: {
  provider: string;
  draftVersion: number;
  changed: boolean;
  errorCount: number;
  warningCount: number;
  /** The number publishing gives the new version. */
  nextVersion: number;
  /** What publishing changes (the draft against the current version), shown before confirming. */
  review: ReactNode;
}) {
  const { state, pending, fieldError, formProps } = useActionForm<PublishDraftState>(publishDraftAction, {
    resetOnSuccess: true,
  });
  const reasonId = useId();
  const titleId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const backRef = useRef<HTMLButtonElement>(null);
  const [note, setNote] = useState("");
  // The review closes once the publication has been answered, published or refused.
  useEffect(() => {
    dialogRef.current?.close();
  }, [state]);
  const blocked = !changed
    ? "There are no unpublished changes to publish."
    : errorCount > 0
      ? `Publishing is blocked by ${errorCount} ${errorCount === 1 ? "error" : "errors"} in the checks: fix ${errorCount === 1 ? "it" : "them"} first.`
      : null;
  const published = state.status === "success" && "published" in state ? state.published : null;
  return (
    <form {...formProps} className="space-y-3" aria-label="Publish the draft">
      <input type="hidden" name="provider" value={provider} />
      <input type="hidden" name="draftVersion" value={draftVersion} />
      <TextAreaField
        label="Changelog note"
        name="note"
        required
        rows={3}
        error={fieldError("note")}
        hint="Readers see it with the new version: say what changed and why."
      />
      {blocked ? (
        <p id={reasonId} className={`text-sm ${changed ? "font-medium text-red-800" : "text-slate-600"}`}>
          {blocked}
        </p>
      ) : warningCount > 0 ? (
        <p id={reasonId} className="text-sm text-amber-900">
          {warningCount} {warningCount === 1 ? "warning remains" : "warnings remain"}; they do not block publishing.
        </p>
      ) : null}
      <button
        type="button"
        disabled={pending || blocked !== null}
        aria-describedby={blocked || warningCount > 0 ? reasonId : undefined}
        aria-haspopup="dialog"
        onClick={() => {
          const form = formProps.ref.current;
          setNote(form ? String(new FormData(form).get("note") ?? "") : "");
          dialogRef.current?.showModal();
          // "Back" first, as every confirmation here: Enter must not publish by accident.
          backRef.current?.focus();
        }}
        className="rounded-lg bg-emerald-800 px-4 py-2 text-sm font-medium text-white hover:bg-emerald-900 disabled:cursor-not-allowed disabled:bg-slate-400"
      >
        {pending ? "Publishing…" : "Publish"}
      </button>
      {/* The second step: what readers will see change, then the real button. Inside the form, so it submits it. */}
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        className="m-auto w-[min(64rem,calc(100vw-1.5rem))] max-w-none rounded-xl border border-slate-300 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="flex max-h-[85vh] flex-col">
          <div className="border-b border-slate-200 px-4 py-3">
            <h2 id={titleId} className="text-lg font-semibold">
              Publish these changes as version {nextVersion}?
            </h2>
            <p className="mt-1 text-sm text-slate-700">
              Readers see them as soon as you publish.{" "}
              {note.trim() ? (
                <>
                  Changelog note: <span className="whitespace-pre-line">“{note.trim()}”</span>
                </>
              ) : (
                <span className="font-medium text-red-800">Write a changelog note first: readers see it.</span>
              )}
            </p>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto px-4 pb-4">{review}</div>
          <div className="flex flex-wrap gap-2 border-t border-slate-200 px-4 py-3">
            <button
              type="submit"
              disabled={pending}
              className="rounded-lg bg-emerald-800 px-4 py-2 text-sm font-medium text-white hover:bg-emerald-900 disabled:bg-slate-400"
            >
              {pending ? "Publishing…" : `Publish version ${nextVersion}`}
            </button>
            <button
              ref={backRef}
              type="button"
              onClick={() => dialogRef.current?.close()}
              className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              Back to the draft
            </button>
          </div>
        </div>
      </dialog>
      <FormMessage state={state} />
      {published ? (
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <Link href={published.versionHref} className="font-medium text-blue-700 underline">
            Open version {published.number}
          </Link>
          {published.diffHref ? (
            <Link href={published.diffHref} className="font-medium text-blue-700 underline">
              See what changed from version {published.number - 1}
            </Link>
          ) : null}
        </p>
      ) : null}
    </form>
  );
}

export function DiscardForm({ provider, changes }: { provider: string; changes: number }) {
  const { state, pending, formProps } = useActionForm(discardDraftAction);
  return (
    <form {...formProps} className="space-y-2" aria-label="Discard the draft">
      <input type="hidden" name="provider" value={provider} />
      <ConfirmAction
        label="Discard draft"
        question={`Throw away ${changes} unpublished ${changes === 1 ? "change" : "changes"}?`}
        confirmLabel="Discard draft"
        confirmType="submit"
        disabled={changes === 0}
        pending={pending}
        size="large"
      />
      <FormMessage state={state} />
    </form>
  );
}

export function RevertForm({
  provider,
  versions,
  changes,
}: {
  provider: string;
  versions: readonly { number: number; note: string; publishedAt: string }[];
  changes: number;
}) {
  const { state, pending, fieldError, formProps } = useActionForm(revertDraftAction);
  if (versions.length === 0) return <p className="text-sm text-slate-600">No published versions yet.</p>;
  return (
    <form {...formProps} className="space-y-3" aria-label="Start the draft from a version">
      <input type="hidden" name="provider" value={provider} />
      <SelectField
        label="Published version"
        name="versionNumber"
        options={versions.map((v) => ({
          value: String(v.number),
          label: `Version ${v.number} (${v.publishedAt}): ${v.note.length > 60 ? `${v.note.slice(0, 57)}…` : v.note}`,
        }))}
        error={fieldError("versionNumber")}
        hint="The draft becomes that version; publishing it then makes a new version (history stays)."
      />
      <ConfirmAction
        label="Revert the draft"
        question={
          changes > 0
            ? `Replace the draft and its ${changes} unpublished ${changes === 1 ? "change" : "changes"} with this version?`
            : "Replace the draft with this version?"
        }
        confirmLabel="Revert the draft"
        confirmType="submit"
        pending={pending}
        size="large"
      />
      <FormMessage state={state} />
    </form>
  );
}
