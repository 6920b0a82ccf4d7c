"use client";

import { FormMessage, SubmitButton, useActionForm } from "@/components/forms/form-controls";
import { deleteSystemAction } from "@/lib/actions/systems";

export function DeleteSystemForm({ slug, version, name }: { slug: string; version: number; name: string }) {
  const { state, pending, formProps } = useActionForm(deleteSystemAction);
  return (
    <form {...formProps} aria-labelledby="delete-system">
      <h2 id="delete-system" className="font-semibold text-slate-900">
        Delete this system
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        “{name}” and its bindings go; the services and your organization&apos;s subscriptions stay.
      </p>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="version" value={version} />
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} variant="danger" pendingLabel="Deleting…">
          Delete the system
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
