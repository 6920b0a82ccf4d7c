"use client";

import { createOrganizationAction } from "@/lib/actions/organizations";
import { FormMessage, SubmitButton, TextField, useActionForm } from "@/components/forms/form-controls";

export function CreateOrganizationForm() {
  const { state, pending, fieldError, formProps } = useActionForm(createOrganizationAction, { resetOnSuccess: true });
  return (
    <form {...formProps} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" name="name" required autoComplete="off" error={fieldError("name")} />
        <TextField
          label="Slug"
          name="slug"
          required
          autoComplete="off"
          spellCheck={false}
          error={fieldError("slug")}
          hint="Used in addresses: lower-case letters, digits and hyphens, e.g. acme-corp."
        />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={pending} pendingLabel="Creating…">
          Create organization
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
