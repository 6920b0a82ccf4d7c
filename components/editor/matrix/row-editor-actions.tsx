"use client";

import { editedFields } from "./area-draft";
import { smallButton } from "../editor-controls";
import { conflictOf, otherFieldErrors, type ChangeDraftState } from "../use-draft-change";

/** The buttons under a row being edited or added, and the outcome of its last save. */
export function RowEditorActions({
  label,
  pendingLabel,
  pending,
  state,
  onSave,
  onCancel,
}: {
  label: string;
  pendingLabel: string;
  pending: boolean;
  state: ChangeDraftState;
  onSave: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="flex flex-col items-start gap-2">
      <div className="flex flex-wrap gap-2">
        <button type="button" className={smallButton.primary} disabled={pending} onClick={onSave}>
          {pending ? pendingLabel : label}
        </button>
        <button type="button" className={smallButton.secondary} disabled={pending} onClick={onCancel}>
          Cancel
        </button>
      </div>
      <RowMessage state={state} />
    </div>
  );
}

/** A row save's outcome under its buttons: the error, and errors about fields the row does not show. */
function RowMessage({ state }: { state: ChangeDraftState }) {
  const others = otherFieldErrors(state, editedFields);
  return (
    <div role="status" aria-live="polite" className="text-xs">
      {state.status === "error" && !conflictOf(state) ? (
        <>
          <p className="font-medium text-red-700">{state.message}</p>
          {others.length > 0 ? (
            <ul className="mt-1 list-disc pl-4 text-red-700">
              {others.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : state.status === "error" ? (
        <p className="font-medium text-amber-800">Not saved: someone else changed this row.</p>
      ) : null}
    </div>
  );
}
