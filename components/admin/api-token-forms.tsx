"use client";

import { useId, useRef, useState } from "react";
import { issueApiTokenAction, revokeApiTokenAction, type IssueTokenState } from "@/lib/actions/users";
import { FormMessage, SubmitButton, TextField, useActionForm } from "@/components/forms/form-controls";

/** Issues a token and shows it once, in a read-only field with a copy button. */
export function IssueTokenForm({ userId, disabledReason }: { userId: string; disabledReason?: string }) {
  const { state, pending, fieldError, formProps } = useActionForm<IssueTokenState>(issueApiTokenAction, {
    resetOnSuccess: true,
  });
  const issued = state.status === "success" && "token" in state ? state : null;
  const [dismissed, setDismissed] = useState<string | null>(null);

  if (disabledReason) return <p className="text-sm text-slate-600">{disabledReason}</p>;
  return (
    <div className="space-y-4">
      {issued && dismissed !== issued.token ? (
        <NewToken token={issued.token} name={issued.tokenName} onDone={() => setDismissed(issued.token)} />
      ) : null}
      <form {...formProps} className="flex flex-wrap items-end gap-4">
        <input type="hidden" name="userId" value={userId} />
        <TextField
          label="Token name"
          name="name"
          required
          autoComplete="off"
          className="w-full max-w-sm"
          error={fieldError("name")}
          hint="What will use it, e.g. “CI pipeline” or “Nightly export”."
        />
        <div className="pb-6">
          <SubmitButton pending={pending} pendingLabel="Issuing…">
            Issue token
          </SubmitButton>
        </div>
        <FormMessage state={issued ? { status: "idle" } : state} />
      </form>
    </div>
  );
}

function NewToken({ token, name, onDone }: { token: string; name: string; onDone: () => void }) {
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
        New token “{name}”
      </h3>
      <p id={`${fieldId}-note`} className="mt-1 text-sm text-emerald-900">
        Copy it now: <strong>you won’t see it again.</strong> Only a fingerprint is stored; if it is lost, revoke it and
        issue a new one.
      </p>
      <label htmlFor={fieldId} className="sr-only">
        New API token
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

/**
 * A token row's status cell: "Active" and a revoke button while the token is live, the revocation time after.
 * One component for both, so the outcome stays announced when the row re-renders as revoked.
 */
export function RevokeTokenForm({
  userId,
  tokenId,
  tokenName,
  revoked,
}: {
  userId: string;
  tokenId: string;
  tokenName: string;
  /** Formatted revocation time, when revoked. */
  revoked?: string;
}) {
  const { state, pending, formProps } = useActionForm(revokeApiTokenAction);
  return (
    <div className="flex flex-col items-start gap-1">
      {revoked ? (
        <span className="text-slate-700">Revoked {revoked}</span>
      ) : (
        <span className="font-medium text-emerald-800">Active</span>
      )}
      {revoked ? null : (
        <form {...formProps} className="no-print">
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="tokenId" value={tokenId} />
          <SubmitButton
            pending={pending}
            pendingLabel="Revoking…"
            variant="secondary"
            ariaLabel={`Revoke token ${tokenName}`}
          >
            Revoke
          </SubmitButton>
        </form>
      )}
      <FormMessage state={state} />
    </div>
  );
}
