"use client";

import { useEffect, useRef, useState } from "react";
import { AssignmentBadge } from "@/components/assignment/assignment-badge";
import { AreaLabel } from "@/components/matrix/area-label";
import type { AreaChange } from "@/lib/domain/area-changes";
import { Duties } from "@/components/matrix/duties";
import { fromDraft, isArea, partiesDetail, toDraft, type Area, type AreaDraft, type RowIssue } from "./area-draft";
import { AreaEditorCells } from "./area-editor-cells";
import { AreaSummary } from "./area-summary";
import { cell } from "./cell-style";
import { RowEditorActions } from "./row-editor-actions";
import type { RowSharedProps } from "./row-props";
import { ConfirmAction, ConflictPanel, smallButton } from "../editor-controls";
import { conflictOf, useDraftChange } from "../use-draft-change";

// One row of the editable matrix: read-only cells with the row's actions, or, while editing, the
// editing cells saved as one compare-and-set change; a stale save shows both versions side by side.

export function AreaRow({
  rowKey,
  area,
  index,
  issues,
  sincePublished,
  dropIndicator,
  dragging,
  onRemoved,
  ...shared
}: RowSharedProps & {
  rowKey: string;
  area: Area;
  index: number;
  issues: readonly RowIssue[];
  /** How the row differs from the published version (none: it is as published). */
  sincePublished?: { kind: AreaChange; since: number };
  dropIndicator: "before" | "after" | null;
  dragging: boolean;
  onRemoved: () => void;
}) {
  const { parties, count } = shared;
  /** While editing: the row as it was when editing began (the `expected` value) and the user's input. */
  const [editing, setEditing] = useState<{ loaded: Area; draft: AreaDraft } | null>(null);
  const change = useDraftChange(shared.provider);
  const remove = useDraftChange(shared.provider);
  const conflict = conflictOf(change.state);
  const path = [...shared.basePath, index];
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    if (editing && !wasEditing.current) nameRef.current?.focus();
    if (!editing && wasEditing.current) editButtonRef.current?.focus();
    wasEditing.current = editing !== null;
  }, [editing]);

  const startEditing = () => {
    change.reset();
    setEditing({ loaded: area, draft: toDraft(area, parties) });
  };

  const save = async (expected: Area | null) => {
    if (!editing) return;
    const value = fromDraft(editing.draft, editing.loaded);
    const state = await change.submit({ op: "set", path, expected, value });
    if (state.status === "success") {
      setEditing(null);
      shared.announce(`Saved “${value.name}”.`);
    }
  };

  const saveAsNew = async () => {
    if (!editing) return;
    const value = fromDraft(editing.draft, editing.loaded);
    const state = await change.submit({ op: "insert", path: [...shared.basePath, Math.min(index, count)], value });
    if (state.status === "success") {
      setEditing(null);
      shared.announce(`Added “${value.name}” again as a new row.`);
    }
  };

  const ownLabel = `${area.name}, row ${index + 1} of ${count}`;
  const rowClass = [
    editing ? "bg-blue-50/40" : "hover:bg-slate-50/60",
    dragging ? "opacity-50" : "",
    dropIndicator === "before" ? "shadow-[inset_0_2px_0_0_#2563eb]" : "",
    dropIndicator === "after" ? "shadow-[inset_0_-2px_0_0_#2563eb]" : "",
    "focus:outline-2 focus:-outline-offset-2 focus:outline-blue-600",
  ].join(" ");

  return (
    <>
      <tr
        ref={(element) => shared.register(rowKey, element)}
        id={`${shared.idPrefix}-${index}`}
        tabIndex={editing ? -1 : 0}
        aria-label={ownLabel}
        aria-describedby={shared.instructionsId}
        data-row-key={rowKey}
        className={rowClass}
        onKeyDown={(event) => shared.onKeyboardMove(event, index)}
        onDragOver={(event) => shared.drag.over(event, index)}
        onDrop={(event) => shared.drag.drop(event, index)}
      >
        <td className={`${cell} w-14 font-mono text-xs text-slate-500`}>
          <div className="flex items-center gap-1.5">
            {editing ? null : (
              <span
                draggable
                onDragStart={(event) => shared.drag.start(event, index)}
                onDragEnd={shared.drag.end}
                title="Drag to reorder"
                data-drag-handle=""
                className="cursor-grab select-none rounded px-0.5 text-base leading-none text-slate-400 hover:bg-slate-100 hover:text-slate-600 active:cursor-grabbing"
              >
                <span aria-hidden="true">⠿</span>
              </span>
            )}
            <span className="tabular-nums">{index + 1}</span>
          </div>
        </td>
        {editing ? (
          <AreaEditorCells
            {...shared}
            draft={editing.draft}
            state={change.state}
            nameRef={nameRef}
            loadedAssignment={editing.loaded.assignment}
            loadedParties={editing.loaded.parties}
            onChange={(draft) => setEditing({ ...editing, draft })}
            actions={
              <RowEditorActions
                label="Save row"
                pendingLabel="Saving…"
                pending={change.pending}
                state={change.state}
                onSave={() => void save(editing.loaded)}
                onCancel={() => {
                  change.reset();
                  setEditing(null);
                }}
              />
            }
          />
        ) : (
          <>
            <th scope="row" className={`${cell} min-w-48 max-w-sm font-normal`}>
              <AreaLabel area={area} />
              {sincePublished ? (
                <p className="mt-1">
                  <span className="inline-block rounded border border-violet-300 bg-violet-50 px-1.5 py-0.5 text-xs font-medium text-violet-900">
                    <span aria-hidden="true">● </span>
                    {sincePublished.kind === "added" ? "New" : "Changed"} since version {sincePublished.since}
                  </span>
                </p>
              ) : null}
              {issues.length > 0 ? (
                <ul className="mt-2 space-y-1" aria-label={`Checks for ${area.name}`}>
                  {issues.map((issue, i) => (
                    <li
                      key={i}
                      className={`rounded px-1.5 py-0.5 text-xs ${
                        issue.severity === "error" ? "bg-red-50 text-red-800" : "bg-amber-50 text-amber-900"
                      }`}
                    >
                      <span className="font-semibold">{issue.severity === "error" ? "Error" : "Warning"}:</span>{" "}
                      {issue.message}
                    </li>
                  ))}
                </ul>
              ) : null}
            </th>
            <td className={cell}>
              <AssignmentBadge assignment={area.assignment} detail={partiesDetail(area, parties)} />
            </td>
            {parties.map((party) => (
              <td key={party.key} className={`${cell} min-w-48`}>
                <Duties cell={area.cells.find((c) => c.party === party.key)} label={`${party.name} duties`} />
              </td>
            ))}
            <td className={`${cell} w-52`}>
              <div className="flex flex-wrap gap-1.5">
                <button
                  ref={editButtonRef}
                  type="button"
                  className={smallButton.primary}
                  aria-label={`Edit “${area.name}”`}
                  onClick={startEditing}
                >
                  Edit
                </button>
                <button
                  type="button"
                  className={smallButton.secondary}
                  aria-label={`Insert a row below “${area.name}”`}
                  onClick={() => shared.onInsertBelow(index)}
                >
                  Insert below
                </button>
                <button
                  type="button"
                  className={smallButton.secondary}
                  aria-label={`Move up “${area.name}”`}
                  disabled={index === 0 || shared.moving}
                  onClick={() => void shared.onMove(index, index - 1)}
                >
                  Move up
                </button>
                <button
                  type="button"
                  className={smallButton.secondary}
                  aria-label={`Move down “${area.name}”`}
                  disabled={index === count - 1 || shared.moving}
                  onClick={() => void shared.onMove(index, index + 1)}
                >
                  Move down
                </button>
                <ConfirmAction
                  label="Delete"
                  ariaLabel={`Delete “${area.name}”`}
                  question="Delete this row from the draft?"
                  confirmLabel="Delete row"
                  pending={remove.pending}
                  onConfirm={async () => {
                    const state = await remove.submit({ op: "remove", path, expected: area });
                    if (state.status === "success") onRemoved();
                    else
                      shared.announce(state.status === "error" ? state.message : "Not deleted.", {
                        error: true,
                        reload: true,
                      });
                  }}
                />
              </div>
            </td>
          </>
        )}
      </tr>
      {editing && conflict ? (
        <tr>
          <td colSpan={4 + parties.length} className="border-b border-slate-100 px-3 pb-3">
            <ConflictPanel
              message={
                conflict.current === null
                  ? "They deleted this row. Your input is still in the form: save it as a new row, or cancel."
                  : "Your change was not saved. Compare the versions: keep yours (it replaces theirs) or start again from theirs."
              }
              theirs={
                isArea(conflict.current) ? (
                  <AreaSummary
                    area={conflict.current}
                    other={fromDraft(editing.draft, editing.loaded)}
                    parties={parties}
                  />
                ) : conflict.current === null ? (
                  <p className="text-xs text-slate-700">The row was deleted.</p>
                ) : (
                  <pre className="overflow-x-auto text-xs">{JSON.stringify(conflict.current, null, 2)}</pre>
                )
              }
              mine={
                <AreaSummary
                  area={fromDraft(editing.draft, editing.loaded)}
                  other={isArea(conflict.current) ? conflict.current : undefined}
                  parties={parties}
                />
              }
              pending={change.pending}
              keepMineLabel={conflict.current === null ? "Save mine as a new row" : "Save mine over theirs"}
              onKeepMine={() => void (conflict.current === null ? saveAsNew() : save(conflict.current as Area | null))}
              onUseTheirs={() => {
                change.reset();
                if (isArea(conflict.current))
                  setEditing({ loaded: conflict.current, draft: toDraft(conflict.current, parties) });
                else setEditing(null);
              }}
            />
          </td>
        </tr>
      ) : null}
    </>
  );
}
