"use client";
// Records that the organization saw this change and is handling it; the server keeps who and when.
import { acknowledgeImpactAction } from "@/lib/actions/changes";
import { FormMessage, SubmitButton, useActionForm } from "@/components/forms/form-controls";

export function AcknowledgeForm({ impact }: { impact: string }) {
  const { state, pending, formProps } = useActionForm(acknowledgeImpactAction);
  return (
    <form {...formProps} className="space-y-2">
      <input type="hidden" name="impact" value={impact} />
      <SubmitButton pending={pending} pendingLabel="Acknowledging…">
        Acknowledge
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
