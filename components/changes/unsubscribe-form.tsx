"use client";
// Stops change emails for the account an email's link names; a button, so that link checkers and
// previews that open the address change nothing.
import { unsubscribeAction } from "@/lib/actions/notifications";
import { FormMessage, SubmitButton, useActionForm } from "@/components/forms/form-controls";

export function UnsubscribeForm({ token }: { token: string }) {
  const { state, pending, formProps } = useActionForm(unsubscribeAction);
  return (
    <form {...formProps} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={pending} pendingLabel="Unsubscribing…">
        Stop change emails
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
