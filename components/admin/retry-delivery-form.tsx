"use client";

import { retryDeliveryAction } from "@/lib/actions/deliveries";
import { FormMessage, SubmitButton, useActionForm } from "@/components/forms/form-controls";

export function RetryDeliveryForm({ delivery, label }: { delivery: string; label: string }) {
  const { state, pending, formProps } = useActionForm(retryDeliveryAction);
  return (
    <form {...formProps} className="flex flex-col items-start gap-1">
      <input type="hidden" name="delivery" value={delivery} />
      <SubmitButton pending={pending} pendingLabel="Queuing…" variant="secondary" ariaLabel={`Retry ${label}`}>
        Retry
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
