"use client";
// How email tells this user of changes: each one as it is published, a daily digest, or none.
import { setChangeEmailsAction } from "@/lib/actions/notifications";
import { FormMessage, SubmitButton, useActionForm } from "@/components/forms/form-controls";

const choices = [
  { value: "each", label: "Each change, as it is published" },
  { value: "daily", label: "A daily digest" },
  { value: "none", label: "No email" },
] as const;

export function EmailChoiceForm({ choice, address }: { choice: string; address: string }) {
  const { state, pending, fieldError, formProps } = useActionForm(setChangeEmailsAction);
  const error = fieldError("changeEmails");
  return (
    <form {...formProps} className="space-y-3">
      <fieldset aria-describedby={error ? "change-emails-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Email to {address}</legend>
        <ul className="mt-2 space-y-1.5">
          {choices.map((c) => (
            <li key={c.value}>
              <label className="flex items-center gap-2 text-sm text-slate-800">
                <input type="radio" name="changeEmails" value={c.value} defaultChecked={choice === c.value} />
                {c.label}
              </label>
            </li>
          ))}
        </ul>
        {error ? (
          <p id="change-emails-error" className="mt-1 text-sm font-medium text-red-700">
            {error}
          </p>
        ) : null}
      </fieldset>
      <SubmitButton pending={pending}>Save</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
