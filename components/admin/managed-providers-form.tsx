"use client";

import { setManagedProvidersAction } from "@/lib/actions/users";
import { CheckboxGroup, FormMessage, SubmitButton, useActionForm } from "@/components/forms/form-controls";

/** The providers an account manager may edit (and whose subscriptions they manage). */
export function ManagedProvidersForm({
  userId,
  version,
  providers,
  managedProviderIds,
}: {
  userId: string;
  version: number;
  providers: readonly { id: string; name: string; isPrivate: boolean }[];
  managedProviderIds: readonly string[];
}) {
  const { state, pending, fieldError, formProps } = useActionForm(setManagedProvidersAction);
  return (
    <form {...formProps} className="space-y-4">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="version" value={version} />
      <CheckboxGroup
        legend="Assigned providers"
        name="providerIds"
        options={providers.map((p) => ({
          value: p.id,
          label: (
            <>
              {p.name}
              {p.isPrivate ? (
                <span className="ml-2 rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-inset ring-amber-300">
                  Private
                </span>
              ) : null}
            </>
          ),
        }))}
        defaultChecked={managedProviderIds}
        error={fieldError("providerIds")}
        emptyMessage="There are no providers yet."
      />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={pending}>Save assignments</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
