"use client";

import { useState } from "react";
import { createUserAction } from "@/lib/actions/users";
import { roleLabels, roles, type Role } from "@/lib/auth/permissions";
import { FormMessage, SelectField, SubmitButton, TextField, useActionForm } from "@/components/forms/form-controls";

const roleOptions = roles.map((r) => ({ value: r, label: roleLabels[r] }));

/** Creates an account; on success the action opens the new user's page. */
export function NewUserForm({ organizations }: { organizations: readonly { id: string; name: string }[] }) {
  const { state, pending, fieldError, formProps } = useActionForm(createUserAction);
  const [role, setRole] = useState<Role>("customer");
  return (
    <form {...formProps} className="space-y-5" aria-describedby="new-user-message">
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          required
          error={fieldError("email")}
          hint="The address the person signs in with."
        />
        <TextField label="Name" name="name" autoComplete="off" required error={fieldError("name")} />
        <SelectField
          label="Role"
          name="role"
          options={roleOptions}
          defaultValue={role}
          onChange={(value) => setRole(value as Role)}
          error={fieldError("role")}
          hint="Administrators manage accounts; account managers edit their providers; auditors read everything."
        />
        {role === "customer" ? (
          <SelectField
            label="Organization"
            name="organizationId"
            options={organizations.map((o) => ({ value: o.id, label: o.name }))}
            placeholder="Choose an organization…"
            required
            error={fieldError("organizationId")}
            hint={
              organizations.length === 0 ? "Create an organization first." : "Customers belong to one organization."
            }
          />
        ) : null}
        <TextField
          label="Initial password"
          name="password"
          type="password"
          autoComplete="new-password"
          error={fieldError("password")}
          hint="At least 12 characters. Leave empty for accounts that sign in through SSO only."
        />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={pending} pendingLabel="Creating…">
          Create user
        </SubmitButton>
        <FormMessage state={state} id="new-user-message" />
      </div>
    </form>
  );
}
