"use client";
// Registers an HTTPS endpoint; its signing secret is shown once.
import { addWebhookAction, type SecretState } from "@/lib/actions/notifications";
import { FormMessage, SubmitButton, TextField, useActionForm } from "@/components/forms/form-controls";
import { ShownOnce, useShownOnce } from "@/components/forms/shown-once";

export function AddWebhookForm() {
  const { state, pending, fieldError, formProps } = useActionForm<SecretState>(addWebhookAction, {
    resetOnSuccess: true,
  });
  const created = state.status === "success" && "secret" in state ? state.secret : null;
  const { showing, dismiss } = useShownOnce(created);
  return (
    <div className="space-y-3">
      {showing ? (
        <ShownOnce title="Signing secret of the new endpoint" label="Signing secret" value={showing} onDone={dismiss}>
          Keep it with your receiver to check the <code>Demarc-Signature</code> header of each delivery:{" "}
          <strong>you won’t see it again.</strong>
        </ShownOnce>
      ) : null}
      <form {...formProps} className="flex flex-wrap items-end gap-4">
        <TextField
          label="Endpoint address"
          name="url"
          type="url"
          required
          autoComplete="off"
          className="w-full max-w-lg"
          hint="An https:// address that accepts POST requests with a JSON body."
          error={fieldError("url")}
        />
        <div className="pb-6">
          <SubmitButton pending={pending} pendingLabel="Registering…">
            Register endpoint
          </SubmitButton>
        </div>
        <FormMessage state={created ? { status: "idle" } : state} />
      </form>
    </div>
  );
}
