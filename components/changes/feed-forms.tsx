"use client";
// A new secret feed address for the organization, shown once, absolute, ready to paste into a feed reader.
import { createChangeFeedAction, type SecretState } from "@/lib/actions/notifications";
import { FormMessage, SubmitButton, useActionForm } from "@/components/forms/form-controls";
import { ShownOnce, useShownOnce } from "@/components/forms/shown-once";

export function CreateFeedForm() {
  const { state, pending, formProps } = useActionForm<SecretState>(createChangeFeedAction);
  const created = state.status === "success" && "secret" in state ? state.secret : null;
  const { showing, dismiss } = useShownOnce(created);
  return (
    <div className="space-y-3">
      {showing ? (
        <ShownOnce
          title="New feed address"
          label="Feed address"
          value={`${window.location.origin}${showing}`}
          onDone={dismiss}
        >
          Paste it into your feed reader or chat tool now: <strong>you won’t see it again.</strong> Anyone with the
          address can read your organization&apos;s changes; revoke it if it leaks.
        </ShownOnce>
      ) : null}
      <form {...formProps}>
        <SubmitButton pending={pending} pendingLabel="Creating…" variant="secondary">
          Create a feed address
        </SubmitButton>
        <FormMessage state={created ? { status: "idle" } : state} />
      </form>
    </div>
  );
}
