"use client";

import type { CellDraft } from "./area-draft";
import { cell } from "./cell-style";
import { inputClass } from "../editor-controls";

/** One party's cell of a row being edited: its duties (one per line), N/A, and RACI letters. */
export function PartyCellEditor({
  id,
  partyName,
  draft,
  onChange,
}: {
  id: string;
  partyName: string;
  draft: CellDraft;
  onChange: (draft: CellDraft) => void;
}) {
  const hintId = `${id}-hint`;
  return (
    <td className={`${cell} min-w-56`}>
      <label htmlFor={`${id}-duties`} className="block text-xs font-medium text-slate-700">
        {partyName} duties
      </label>
      <p id={hintId} className="text-xs text-slate-500">
        One per line. Start a line with “Should:”, “May:” or “Not done:” when it is not a must.
      </p>
      <textarea
        id={`${id}-duties`}
        rows={5}
        value={draft.duties}
        onChange={(event) => onChange({ ...draft, duties: event.target.value })}
        aria-describedby={hintId}
        className={inputClass(undefined)}
      />
      <label className="mt-2 flex items-center gap-2 text-xs text-slate-800">
        <input
          type="checkbox"
          checked={draft.notApplicable}
          onChange={(event) => onChange({ ...draft, notApplicable: event.target.checked })}
          className="size-4 rounded border-slate-300 accent-blue-700"
        />
        {partyName}: not applicable (N/A)
      </label>
      <label htmlFor={`${id}-raci`} className="mt-2 block text-xs font-medium text-slate-700">
        {partyName} RACI letters <span className="font-normal text-slate-500">(optional, e.g. RA)</span>
      </label>
      <input
        id={`${id}-raci`}
        value={draft.raci}
        onChange={(event) => onChange({ ...draft, raci: event.target.value })}
        className={`${inputClass(undefined)} w-24 font-mono uppercase`}
        maxLength={8}
        autoComplete="off"
      />
    </td>
  );
}
