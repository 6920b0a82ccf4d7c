"use client";

import { useState, type DragEvent, type KeyboardEvent, type ReactNode } from "react";
import type { DocumentPath } from "@/lib/domain/document-changes";
import { DraftValueForm, type FieldSpec } from "./draft-value-form";
import { smallButton } from "./editor-controls";
import { useDraftChange } from "./use-draft-change";
import { isObject, type Json } from "./value-form/field-spec";

/**
 * A list of the draft (parties, contacts, groups, …): each item in its own form (save, delete), and
 * a form that adds one at the end. `extra` renders nested editors under an item (a layer's
 * components). With `reorderable`, items move with Move up / Move down, Alt+↑/↓ on a focused item,
 * or by dragging; each move is one `move` change naming the item as the editor saw it.
 */
export function DraftList({
  provider,
  path,
  items,
  fields,
  itemTitle,
  newItem,
  addLabel,
  normalize,
  emptyMessage = "None yet.",
  extra,
  itemId,
  reorderable = false,
}: {
  provider: string;
  path: DocumentPath;
  items: readonly unknown[];
  fields: readonly FieldSpec[];
  itemTitle: (item: Json, index: number) => string;
  newItem: Json;
  addLabel: string;
  normalize?: (next: unknown, loaded: unknown) => unknown;
  emptyMessage?: string;
  extra?: (item: Json, index: number) => ReactNode;
  itemId?: (item: Json, index: number) => string;
  reorderable?: boolean;
}) {
  const [announcement, setAnnouncement] = useState("");
  const list = useDraftChange(provider);
  const [dragFrom, setDragFrom] = useState<number | null>(null);

  const move = async (from: number, to: number) => {
    const item = items[from];
    if (to < 0 || to >= items.length || from === to || list.pending) return;
    const title = itemTitle(isObject(item) ? item : {}, from);
    const state = await list.submit({ op: "move", path: [...path, from], to, expected: item });
    setAnnouncement(
      state.status === "success"
        ? `Moved “${title}” to position ${to + 1} of ${items.length}.`
        : `Not moved: ${state.status === "error" ? state.message : ""}`,
    );
  };
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, index: number) => {
    if (!reorderable || !event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    if ((event.target as HTMLElement).closest("input, textarea, select")) return;
    event.preventDefault();
    void move(index, event.key === "ArrowUp" ? index - 1 : index + 1);
  };
  const drop = (event: DragEvent<HTMLLIElement>, index: number) => {
    if (dragFrom === null) return;
    event.preventDefault();
    const from = dragFrom;
    setDragFrom(null);
    void move(from, index);
  };

  return (
    <div className="space-y-2">
      {items.length === 0 ? <p className="text-sm text-slate-600">{emptyMessage}</p> : null}
      {reorderable && items.length > 1 ? (
        <p className="text-xs text-slate-500">
          Reorder with Move up / Move down, Alt+↑ or Alt+↓ on a focused item, or by dragging its grip.
        </p>
      ) : null}
      <ul className="space-y-2">
        {items.map((item, index) => {
          const object = isObject(item) ? item : {};
          const title = itemTitle(object, index);
          return (
            <li
              key={index}
              id={itemId?.(object, index)}
              tabIndex={reorderable ? 0 : undefined}
              aria-label={reorderable ? `${title}, ${index + 1} of ${items.length}` : undefined}
              onKeyDown={(event) => onKeyDown(event, index)}
              onDragOver={(event) => {
                if (dragFrom !== null) event.preventDefault();
              }}
              onDrop={(event) => drop(event, index)}
              className="rounded-lg border border-slate-200 bg-white focus:outline-2 focus:outline-blue-600"
            >
              <details>
                <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-3 py-2 text-sm font-medium text-slate-900">
                  {reorderable ? (
                    <span
                      draggable
                      onDragStart={(event) => {
                        event.dataTransfer.effectAllowed = "move";
                        setDragFrom(index);
                      }}
                      onDragEnd={() => setDragFrom(null)}
                      title="Drag to reorder"
                      className="cursor-grab select-none text-slate-400"
                    >
                      <span aria-hidden="true">⠿</span>
                    </span>
                  ) : null}
                  <span className="grow">{title}</span>
                  {reorderable ? (
                    <span className="flex gap-1.5">
                      <button
                        type="button"
                        className={smallButton.secondary}
                        aria-label={`Move up “${title}”`}
                        disabled={index === 0 || list.pending}
                        onClick={() => void move(index, index - 1)}
                      >
                        Move up
                      </button>
                      <button
                        type="button"
                        className={smallButton.secondary}
                        aria-label={`Move down “${title}”`}
                        disabled={index === items.length - 1 || list.pending}
                        onClick={() => void move(index, index + 1)}
                      >
                        Move down
                      </button>
                    </span>
                  ) : null}
                </summary>
                <div className="space-y-4 border-t border-slate-100 px-3 py-3">
                  <DraftValueForm
                    provider={provider}
                    path={[...path, index]}
                    mode="set"
                    value={item}
                    fields={fields}
                    title={title}
                    normalize={normalize}
                    removable={{ label: "Delete", question: `Delete “${title}” from the draft?` }}
                    onSaved={(m) => setAnnouncement(`${title}: ${m}`)}
                  />
                  {extra?.(object, index)}
                </div>
              </details>
            </li>
          );
        })}
      </ul>
      <details className="rounded-lg border border-dashed border-slate-300 bg-slate-50/60">
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-800">{addLabel}</summary>
        <div className="border-t border-slate-200 px-3 py-3">
          <DraftValueForm
            provider={provider}
            path={[...path, items.length]}
            mode="insert"
            value={newItem}
            fields={fields}
            title={addLabel}
            normalize={normalize}
            submitLabel={addLabel}
            onSaved={(m) => setAnnouncement(m)}
          />
        </div>
      </details>
      <p role="status" aria-live="polite" className="min-h-5 text-sm text-emerald-700">
        {announcement}
      </p>
    </div>
  );
}
