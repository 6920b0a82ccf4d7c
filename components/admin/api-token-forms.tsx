"use client";

import { issueApiTokenAction, revokeApiTokenAction, type IssueTokenState } from "@/lib/actions/users";
import { FormMessage, SubmitButton, TextField, useActionForm } from "@/components/forms/form-controls";
import { ShownOnce, useShownOnce } from "@/components/forms/shown-once";

/** Issues a token and shows it once, in a read-only field with a copy button. */
export function IssueTokenForm({ userId, disabledReason }: { userId: string; disabledReason?: string }) {
  const { state, pending, fieldError, formProps } = useActionForm<IssueTokenState>(issueApiTokenAction, {
    resetOnSuccess: true,
  });
  const issued = state.status === "success" && "token" in state ? state : null;
  const { showing, dismiss } = useShownOnce(issued?.token ?? null);

  if (disabledReason) return <p className="text-sm text-slate-600">{disabledReason}</p>;
  return (
    <div className="space-y-4">
      {issued && showing ? (
        <ShownOnce
          title={`New token “${issued.tokenName}”`}
          label="New API token"
          value={issued.token}
          onDone={dismiss}
        >
          Copy it now: <strong>you won’t see it again.</strong> Only a fingerprint is stored; if it is lost, revoke it
          and issue a new one.
        </ShownOnce>
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
