"use client";
// A form that is one button: hidden fields naming what it acts on, the server action, and its outcome
// announced beside it. For acknowledging, revoking, removing, retrying and the like.
import type { ActionState } from "@/lib/actions/action-state";
import { FormMessage, SubmitButton, useActionForm } from "./form-controls";

export function ButtonForm({
  action,
  fields,
  label,
  pendingLabel,
  variant = "primary",
  ariaLabel,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  fields: Readonly<Record<string, string>>;
  label: string;
  pendingLabel: string;
  variant?: "primary" | "secondary" | "danger";
  /** Names what the button acts on when several such buttons share a page. */
  ariaLabel?: string;
}) {
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} className="flex flex-col items-start gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton pending={pending} pendingLabel={pendingLabel} variant={variant} ariaLabel={ariaLabel}>
        {label}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
