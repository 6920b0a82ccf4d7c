"use client";

import { setSubscriptionsAction } from "@/lib/actions/organizations";
import { CheckboxGroup, FormMessage, SubmitButton, useActionForm } from "@/components/forms/form-controls";

/** One provider's services as a checklist; saving sets each listed service to its box. */
export function SubscriptionsForm({
  organizationId,
  organizationName,
  provider,
}: {
  organizationId: string;
  organizationName: string;
  provider: { name: string; services: readonly { id: string; name: string; subscribed: boolean }[] };
}) {
  const { state, pending, formProps } = useActionForm(setSubscriptionsAction);
  return (
    <form {...formProps} className="space-y-4">
      <input type="hidden" name="organizationId" value={organizationId} />
      {provider.services.map((s) => (
        <input key={s.id} type="hidden" name="serviceIds" value={s.id} />
      ))}
      <CheckboxGroup
        legend={`${provider.name} services ${organizationName} subscribes to`}
        name="subscribed"
        options={provider.services.map((s) => ({ value: s.id, label: s.name }))}
        defaultChecked={provider.services.filter((s) => s.subscribed).map((s) => s.id)}
        emptyMessage="This provider has no services."
      />
      {provider.services.length > 0 ? (
        <div className="no-print flex flex-wrap items-center gap-4">
          <SubmitButton pending={pending} ariaLabel={`Save ${provider.name} subscriptions`}>
            Save
          </SubmitButton>
          <FormMessage state={state} />
        </div>
      ) : null}
    </form>
  );
}
