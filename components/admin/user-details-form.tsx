"use client";

import { useState } from "react";
import { updateUserAction } from "@/lib/actions/users";
import { roleLabels, roles, type Role } from "@/lib/auth/permissions";
import { FormMessage, SelectField, SubmitButton, TextField, useActionForm } from "@/components/forms/form-controls";

const roleOptions = roles.map((r) => ({ value: r, label: roleLabels[r] }));

/** Name, role and organization, saved against the version the page was rendered with. */
export function UserDetailsForm({
  user,
  organizations,
  isSelf,
}: {
  user: { id: string; name: string; role: Role; organizationId: string | null; version: number };
  organizations: readonly { id: string; name: string }[];
  isSelf: boolean;
}) {
  const { state, pending, fieldError, formProps } = useActionForm(updateUserAction);
  const [role, setRole] = useState<Role>(user.role);
  return (
    <form {...formProps} className="space-y-5">
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          label="Name"
          name="name"
          defaultValue={user.name}
          autoComplete="off"
          required
          error={fieldError("name")}
        />
        <SelectField
          label="Role"
          name="role"
          options={roleOptions}
          defaultValue={user.role}
          onChange={(value) => setRole(value as Role)}
          error={fieldError("role")}
          hint={
            isSelf
              ? "You cannot remove your own administrator role."
              : user.role === "account-manager"
                ? "Changing the role ends this account manager's provider assignments."
                : undefined
          }
        />
        {role === "customer" ? (
          <SelectField
            label="Organization"
            name="organizationId"
            options={organizations.map((o) => ({ value: o.id, label: o.name }))}
            defaultValue={user.organizationId ?? ""}
            placeholder="Choose an organization…"
            required
            error={fieldError("organizationId")}
          />
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={pending}>Save details</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
