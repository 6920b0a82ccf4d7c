"use client";

import { useId, type ReactNode, type RefObject } from "react";
import { assignmentMeta, assignmentValues, defaultParties, type AssignmentValue } from "@/lib/domain/assignment";
import type { AreaDraft, EditedField, EditorParty } from "./area-draft";
import { cell } from "./cell-style";
import { PartyCellEditor } from "./party-cell-editor";
import { FieldError, inputClass } from "../editor-controls";
import { fieldErrorOf, type ChangeDraftState } from "../use-draft-change";

/** The editing cells of a row (area, assignment, one cell per party, actions). */
export function AreaEditorCells({
  draft,
  state,
  onChange,
  parties,
  layers,
  groups,
  nameRef,
  loadedAssignment,
  loadedParties,
  actions,
}: {
  parties: readonly EditorParty[];
  layers: readonly { key: string; name: string }[];
  groups: readonly { key: string; title: string }[];
  draft: AreaDraft;
  state: ChangeDraftState;
  onChange: (draft: AreaDraft) => void;
  nameRef: RefObject<HTMLInputElement | null>;
  loadedAssignment: AssignmentValue | null;
  loadedParties: string[] | undefined;
  actions: ReactNode;
}) {
  const id = useId();
  const error = (field: EditedField) => fieldErrorOf(state, field);
  const set = <K extends keyof AreaDraft>(key: K, value: AreaDraft[K]) => onChange({ ...draft, [key]: value });
  const describedBy = (field: EditedField, hint?: string) =>
    [hint, error(field) ? `${id}-${field}-error` : null].filter(Boolean).join(" ") || undefined;

  // A new assignment brings its default parties; a shared row returning to "shared" gets its own back.
  const changeAssignment = (next: AssignmentValue) => {
    const restore = next === "shared" && loadedAssignment === "shared" && loadedParties !== undefined;
    onChange({
      ...draft,
      assignment: next,
      parties: next === draft.assignment ? draft.parties : restore ? loadedParties : defaultParties(next, parties),
    });
  };
  const partyChoices =
    draft.assignment === "shared"
      ? parties
      : draft.assignment === "third-party" && parties.filter((p) => p.role === "third-party").length > 1
        ? parties.filter((p) => p.role === "third-party")
        : null;
  const names = new Map(parties.map((p) => [p.key, p.name]));

  return (
    <>
      <td className={`${cell} min-w-56`}>
        <label htmlFor={`${id}-name`} className="block text-xs font-medium text-slate-700">
          Area name
        </label>
        <input
          ref={nameRef}
          id={`${id}-name`}
          value={draft.name}
          onChange={(event) => set("name", event.target.value)}
          aria-invalid={error("name") ? true : undefined}
          aria-describedby={describedBy("name")}
          className={inputClass(error("name"))}
        />
        <FieldError id={`${id}-name-error`} error={error("name")} />
        {groups.length > 0 ? (
          <>
            <label htmlFor={`${id}-group`} className="mt-2 block text-xs font-medium text-slate-700">
              Group
            </label>
            <select
              id={`${id}-group`}
              value={draft.group}
              onChange={(event) => set("group", event.target.value)}
              aria-invalid={error("group") ? true : undefined}
              aria-describedby={describedBy("group")}
              className={inputClass(error("group"))}
            >
              <option value="">No group</option>
              {groups.map((g) => (
                <option key={g.key} value={g.key}>
                  {g.title}
                </option>
              ))}
            </select>
            <FieldError id={`${id}-group-error`} error={error("group")} />
          </>
        ) : null}
        {layers.length > 0 ? (
          <>
            <label htmlFor={`${id}-layer`} className="mt-2 block text-xs font-medium text-slate-700">
              Layer
            </label>
            <select
              id={`${id}-layer`}
              value={draft.layer}
              onChange={(event) => set("layer", event.target.value)}
              aria-invalid={error("layer") ? true : undefined}
              aria-describedby={describedBy("layer")}
              className={inputClass(error("layer"))}
            >
              <option value="">No layer</option>
              {layers.map((l) => (
                <option key={l.key} value={l.key}>
                  {l.name}
                </option>
              ))}
            </select>
            <FieldError id={`${id}-layer-error`} error={error("layer")} />
          </>
        ) : null}
        <label htmlFor={`${id}-notes`} className="mt-2 block text-xs font-medium text-slate-700">
          Notes <span className="font-normal text-slate-500">(optional)</span>
        </label>
        <textarea
          id={`${id}-notes`}
          rows={2}
          value={draft.notes}
          onChange={(event) => set("notes", event.target.value)}
          aria-invalid={error("notes") ? true : undefined}
          aria-describedby={describedBy("notes")}
          className={inputClass(error("notes"))}
        />
        <FieldError id={`${id}-notes-error`} error={error("notes")} />
        <label htmlFor={`${id}-references`} className="mt-2 block text-xs font-medium text-slate-700">
          Framework references <span className="font-normal text-slate-500">(one per line, “CSA CCM: IAM-02”)</span>
        </label>
        <textarea
          id={`${id}-references`}
          rows={2}
          value={draft.references}
          onChange={(event) => set("references", event.target.value)}
          aria-invalid={error("references") ? true : undefined}
          aria-describedby={describedBy("references")}
          className={inputClass(error("references"))}
        />
        <FieldError id={`${id}-references-error`} error={error("references")} />
      </td>
      <td className={`${cell} min-w-40`}>
        <label htmlFor={`${id}-assignment`} className="block text-xs font-medium text-slate-700">
          Assignment
        </label>
        <select
          id={`${id}-assignment`}
          value={draft.assignment}
          onChange={(event) => changeAssignment(event.target.value as AssignmentValue)}
          aria-invalid={error("assignment") ? true : undefined}
          aria-describedby={describedBy("assignment")}
          className={inputClass(error("assignment"))}
        >
          {assignmentValues.map((value) => (
            <option key={value} value={value}>
              {assignmentMeta[value].label}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-assignment-error`} error={error("assignment")} />
        {partyChoices ? (
          <fieldset className="mt-2" aria-describedby={describedBy("parties")}>
            <legend className="text-xs font-medium text-slate-700">Parties</legend>
            <ul className="mt-1 space-y-1">
              {partyChoices.map((p) => (
                <li key={p.key}>
                  <label className="flex items-center gap-2 text-xs text-slate-800">
                    <input
                      type="checkbox"
                      checked={draft.parties.includes(p.key)}
                      onChange={(event) =>
                        set(
                          "parties",
                          event.target.checked
                            ? parties.map((q) => q.key).filter((k) => k === p.key || draft.parties.includes(k))
                            : draft.parties.filter((k) => k !== p.key),
                        )
                      }
                      className="size-4 rounded border-slate-300 accent-blue-700"
                    />
                    {p.name}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : draft.parties.length > 0 ? (
          <p className="mt-2 text-xs text-slate-600">
            Carried by {draft.parties.map((k) => names.get(k) ?? k).join(", ")}
          </p>
        ) : null}
        <FieldError id={`${id}-parties-error`} error={error("parties")} />
        <label htmlFor={`${id}-reason`} className="mt-2 block text-xs font-medium text-slate-700">
          Reason <span className="font-normal text-slate-500">(when it differs from the RACI letters)</span>
        </label>
        <input
          id={`${id}-reason`}
          value={draft.assignmentReason}
          onChange={(event) => set("assignmentReason", event.target.value)}
          aria-invalid={error("assignmentReason") ? true : undefined}
          aria-describedby={describedBy("assignmentReason")}
          className={inputClass(error("assignmentReason"))}
        />
        <FieldError id={`${id}-assignmentReason-error`} error={error("assignmentReason")} />
      </td>
      {draft.cells.map((cellDraft, i) => (
        <PartyCellEditor
          key={cellDraft.party}
          id={`${id}-cell-${i}`}
          partyName={names.get(cellDraft.party) ?? cellDraft.party}
          draft={cellDraft}
          onChange={(next) =>
            set(
              "cells",
              draft.cells.map((c, j) => (j === i ? next : c)),
            )
          }
        />
      ))}
      <td className={`${cell} w-52`}>{actions}</td>
    </>
  );
}
