"use client";

import { setUserActiveAction } from "@/lib/actions/users";
import { FormMessage, SubmitButton, useActionForm } from "@/components/forms/form-controls";

/**
 * Deactivate (behind an explicit confirmation that works without JavaScript) or reactivate.
 * Administrators cannot deactivate themselves; the service refuses it too.
 */
export function UserActiveForm({
  userId,
  version,
  active,
  isSelf,
  name,
}: {
  userId: string;
  version: number;
  active: boolean;
  isSelf: boolean;
  name: string;
}) {
  const { state, pending, formProps } = useActionForm(setUserActiveAction);
  if (active && isSelf)
    return <p className="text-sm text-slate-600">You cannot deactivate your own account; ask another administrator.</p>;
  return (
    <form {...formProps} className="space-y-3">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      {active ? (
        <details className="group rounded-lg border border-red-200 bg-red-50/50 p-4">
          <summary className="cursor-pointer text-sm font-medium text-red-800">Deactivate this account…</summary>
          <p className="mt-3 text-sm text-slate-700">
            {name} will be signed out of every browser at once and their API tokens will stop working. Nothing is
            deleted; you can reactivate the account later.
          </p>
          <div className="mt-3">
            <SubmitButton pending={pending} pendingLabel="Deactivating…" variant="danger">
              Deactivate {name}
            </SubmitButton>
          </div>
        </details>
      ) : (
        <div className="flex flex-wrap items-center gap-3">
          <p className="text-sm text-slate-700">This account is deactivated: it cannot sign in or use API tokens.</p>
          <SubmitButton pending={pending} pendingLabel="Reactivating…" variant="secondary">
            Reactivate account
          </SubmitButton>
        </div>
      )}
      <FormMessage state={state} />
    </form>
  );
}
