"use client";

import { useId } from "react";
import { discardDraftAction, publishDraftAction, revertDraftAction } from "@/lib/actions/draft";
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
}: {
  provider: string;
  draftVersion: number;
  changed: boolean;
  errorCount: number;
  warningCount: number;
}) {
  const { state, pending, fieldError, formProps } = useActionForm(publishDraftAction, { resetOnSuccess: true });
  const reasonId = useId();
  const blocked = !changed
    ? "There are no unpublished changes to publish."
    : errorCount > 0
      ? `Publishing is blocked by ${errorCount} ${errorCount === 1 ? "error" : "errors"} in the checks: fix ${errorCount === 1 ? "it" : "them"} first.`
      : null;
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
        type="submit"
        disabled={pending || blocked !== null}
        aria-describedby={blocked || warningCount > 0 ? reasonId : undefined}
        className="rounded-lg bg-emerald-800 px-4 py-2 text-sm font-medium text-white hover:bg-emerald-900 disabled:cursor-not-allowed disabled:bg-slate-400"
      >
        {pending ? "Publishing…" : "Publish"}
      </button>
      <FormMessage state={state} />
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
