"use client";

import { setPasswordAction } from "@/lib/actions/users";
import { FormMessage, SubmitButton, TextField, useActionForm } from "@/components/forms/form-controls";

/** An administrator sets a new password; the field is cleared once it is saved. */
export function SetPasswordForm({ userId, version, isSelf }: { userId: string; version: number; isSelf: boolean }) {
  const { state, pending, fieldError, formProps } = useActionForm(setPasswordAction, { resetOnSuccess: true });
  return (
    <form {...formProps} className="space-y-4">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="version" value={version} />
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        className="max-w-sm"
        error={fieldError("password")}
        hint={
          isSelf
            ? "At least 12 characters."
            : "At least 12 characters. Saving signs this user out of every browser; tell them the new password."
        }
      />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={pending}>Set password</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
