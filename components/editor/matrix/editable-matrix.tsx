"use client";

import { useRouter } from "next/navigation";
import { useCallback, useId, useMemo, useRef, useState, type ReactNode } from "react";
import type { AreaChange } from "@/lib/domain/area-changes";
import type { DocumentPath } from "@/lib/domain/document-changes";
import { rowKeyAt, rowKeys, type Area, type EditorParty, type RowIssue } from "./area-draft";
import { AreaRow } from "./area-row";
import { NewAreaRow } from "./new-area-row";
import type { RowSharedProps } from "./row-props";
import { useRowReorder, type Announce } from "./use-row-reorder";
import { smallButton } from "../editor-controls";

// The responsibility matrix of a draft, editable where it is read: one row per area, saved one row
// at a time as a compare-and-set change on the area (`expected` = the row as it was loaded), so two
// editors of different rows never conflict and a stale save is shown, not lost. Rows are added
// (at the end or below a row), deleted (after a confirmation) and moved with buttons, Alt+Arrow keys
// on a focused row, or by dragging the grip; every outcome is announced in a live region.

export type { Area, EditorParty, RowIssue } from "./area-draft";

export interface EditableMatrixProps {
  /** Provider slug. */
  provider: string;
  /** Where the list lives in the provider document: ["services", 2, "areas"] or ["crossCuttingAreas"]. */
  basePath: DocumentPath;
  /** The areas as the draft holds them (document form, not DTOs): they are the `expected` values. */
  areas: readonly Area[];
  parties: readonly EditorParty[];
  /** The service's layers (none for cross-cutting areas). */
  layers?: readonly { key: string; name: string }[];
  /** The groups rows may sit in. */
  groups?: readonly { key: string; title: string }[];
  caption: string;
  /** Row ids are `${idPrefix}-${index}` (the lint panel links to them). */
  idPrefix: string;
  /** Lint issues by row index. */
  issues?: Readonly<Record<number, readonly RowIssue[]>>;
  /** Rows that differ from the published version, by row index, and that version's number. */
  changes?: { since: number; rows: Readonly<Record<number, AreaChange>> };
}

export function EditableMatrix({
  provider,
  basePath,
  areas,
  parties,
  layers = [],
  groups = [],
  caption,
  idPrefix,
  issues = {},
  changes,
}: EditableMatrixProps) {
  const router = useRouter();
  const captionId = useId();
  const instructionsId = useId();
  const keys = useMemo(() => rowKeys(areas), [areas]);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const [announcement, setAnnouncement] = useState<{ text: string; error?: boolean; reload?: boolean }>({ text: "" });
  const [inserting, setInserting] = useState<number | null>(null);
  const announce: Announce = useCallback((text, options = {}) => setAnnouncement({ text, ...options }), []);
  const reorder = useRowReorder({ provider, basePath, areas, keys, announce });

  const rowProps: RowSharedProps = {
    provider,
    basePath,
    parties,
    layers,
    count: areas.length,
    idPrefix,
    instructionsId,
    groups,
    areas,
    moving: reorder.moving,
    register: reorder.register,
    announce,
    onMove: reorder.move,
    onKeyboardMove: reorder.onKeyboardMove,
    onInsertBelow: (index) => setInserting(index + 1),
    drag: reorder.drag,
  };

  const onNewRowDone = (saved: Area | null, at: number) => {
    setInserting(null);
    if (saved) {
      announce(`Added “${saved.name}” as row ${at + 1}.`);
      reorder.focusRow(rowKeyAt(areas, saved.name, at));
    } else addButtonRef.current?.focus();
  };
  const newRow =
    inserting === null ? null : (
      <NewAreaRow key="new-row" {...rowProps} at={Math.min(inserting, areas.length)} onDone={onNewRowDone} />
    );

  const body: ReactNode[] = [];
  areas.forEach((area, index) => {
    if (inserting === index) body.push(newRow);
    const key = keys[index]!;
    body.push(
      <AreaRow
        key={key}
        rowKey={key}
        {...rowProps}
        area={area}
        index={index}
        issues={issues[index] ?? []}
        sincePublished={changes?.rows[index] ? { kind: changes.rows[index], since: changes.since } : undefined}
        dropIndicator={reorder.dropIndicator(index)}
        dragging={reorder.dragFrom === index}
        onRemoved={() => {
          announce(`Deleted “${area.name}”.`);
          const next = keys[index + 1] ?? keys[index - 1];
          if (next) reorder.focusRow(next);
          else addButtonRef.current?.focus();
        }}
      />,
    );
  });
  if (inserting !== null && inserting >= areas.length) body.push(newRow);

  return (
    <div className="flex flex-col gap-3">
      <p id={instructionsId} className="text-xs text-slate-500">
        Edit a row and save it on its own. To reorder, use Move up / Move down, press Alt+↑ or Alt+↓ on a focused row,
        or drag a row by its grip.
      </p>
      <div className="flex min-h-6 flex-wrap items-center gap-2">
        <p
          role="status"
          aria-live="polite"
          className={`text-sm ${announcement.error ? "font-medium text-red-700" : "text-slate-700"}`}
        >
          {announcement.text}
        </p>
        {announcement.reload ? (
          <button
            type="button"
            className={smallButton.secondary}
            onClick={() => {
              announce("");
              router.refresh();
            }}
          >
            Reload the rows
          </button>
        ) : null}
      </div>
      <div
        role="region"
        aria-labelledby={captionId}
        tabIndex={0}
        className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs"
      >
        <table className="w-full border-separate border-spacing-0 text-left text-sm">
          <caption id={captionId} className="sr-only">
            {caption}
          </caption>
          <MatrixHeader parties={parties} />
          <tbody>
            {body.length > 0 ? (
              body
            ) : (
              <tr>
                <td colSpan={4 + parties.length} className="px-3 py-6 text-center text-slate-500">
                  No areas yet. Add the first one below.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <div>
        <button
          ref={addButtonRef}
          type="button"
          className={smallButton.secondary}
          disabled={inserting !== null}
          onClick={() => setInserting(areas.length)}
        >
          Add area
        </button>
      </div>
    </div>
  );
}

function MatrixHeader({ parties }: { parties: readonly EditorParty[] }) {
  const head = "border-b border-slate-200 px-3 py-2";
  return (
    <thead>
      <tr className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
        <th scope="col" className={`w-14 ${head}`}>
          <span aria-hidden="true">#</span>
          <span className="sr-only">Position</span>
        </th>
        <th scope="col" className={head}>
          Area
        </th>
        <th scope="col" className={head}>
          Assignment
        </th>
        {parties.map((party) => (
          <th key={party.key} scope="col" className={head}>
            {party.name} duties
          </th>
        ))}
        <th scope="col" className={`w-52 ${head}`}>
          Actions
        </th>
      </tr>
    </thead>
  );
}
