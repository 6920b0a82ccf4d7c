"use client";

import { useEffect, useRef, useState } from "react";
import { fromDraft, newDraft, newRowKey, type Area } from "./area-draft";
import { AreaEditorCells } from "./area-editor-cells";
import { cell } from "./cell-style";
import { RowEditorActions } from "./row-editor-actions";
import type { RowSharedProps } from "./row-props";
import { useDraftChange } from "../use-draft-change";

/** A row being added at `at`: the editing cells, saved as one `insert` change. */
export function NewAreaRow({
  at,
  onDone,
  ...shared
}: RowSharedProps & { at: number; onDone: (saved: Area | null, at: number) => void }) {
  const [draft, setDraft] = useState(() => newDraft(shared.parties));
  const change = useDraftChange(shared.provider);
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), []);
  const save = async () => {
    const value = fromDraft(draft, null, newRowKey(draft.name, shared.areas));
    const state = await change.submit({ op: "insert", path: [...shared.basePath, at], value });
    if (state.status === "success") onDone(value, at);
  };
  return (
    <tr aria-label={`New row ${at + 1}`} className="bg-emerald-50/40">
      <td className={`${cell} w-14 font-mono text-xs text-slate-500`}>
        <span aria-hidden="true">+</span>
        <span className="sr-only">New row</span>
      </td>
      <AreaEditorCells
        {...shared}
        draft={draft}
        state={change.state}
        nameRef={nameRef}
        loadedAssignment={null}
        loadedParties={undefined}
        onChange={setDraft}
        actions={
          <RowEditorActions
            label="Add row"
            pendingLabel="Adding…"
            pending={change.pending}
            state={change.state}
            onSave={() => void save()}
            onCancel={() => onDone(null, at)}
          />
        }
      />
    </tr>
  );
}
