"use client";

import { useCallback, useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from "react";
import type { DocumentPath } from "@/lib/domain/document-changes";
import type { Area } from "./area-draft";
import { useDraftChange, type ChangeDraftState } from "../use-draft-change";

export type Announce = (text: string, options?: { error?: boolean; reload?: boolean }) => void;

export interface DragHandlers {
  start: (event: DragEvent<HTMLElement>, index: number) => void;
  over: (event: DragEvent<HTMLTableRowElement>, index: number) => void;
  drop: (event: DragEvent<HTMLTableRowElement>, index: number) => void;
  end: () => void;
}

/**
 * Moving rows of a draft list: by button (move), Alt+↑/↓ on a focused row (onKeyboardMove) or by
 * dragging a row's grip (drag). Each move is one `move` change with the row as `expected`; the
 * outcome is announced, and focus follows the moved row once the server's new rows arrive
 * (register every row element; focusRow does the same after inserts and deletes).
 */
export function useRowReorder(options: {
  provider: string;
  basePath: DocumentPath;
  areas: readonly Area[];
  keys: readonly string[];
  announce: Announce;
}) {
  const { areas, keys, announce } = options;
  const list = useDraftChange(options.provider);
  const rowRefs = useRef(new Map<string, HTMLTableRowElement>());
  // The row to focus once the server's new rows arrive (after a move, insert or delete).
  const pendingFocus = useRef<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<{ index: number; after: boolean } | null>(null);

  const focusRow = useCallback((key: string) => {
    pendingFocus.current = key;
    setFocusRequest((n) => n + 1);
  }, []);

  useEffect(() => {
    const key = pendingFocus.current;
    const row = key === null ? undefined : rowRefs.current.get(key);
    if (row) {
      row.focus();
      pendingFocus.current = null;
    }
  }, [focusRequest, keys]);

  const register = useCallback((key: string, element: HTMLTableRowElement | null) => {
    if (element) rowRefs.current.set(key, element);
    else rowRefs.current.delete(key);
  }, []);

  const failed = (state: ChangeDraftState, fallback: string) => {
    const message = state.status === "error" ? state.message : fallback;
    // Someone else may have changed the list: the latest rows are one click away.
    announce(message, { error: true, reload: state.status === "error" });
  };

  const move = async (from: number, to: number) => {
    const area = areas[from];
    const key = keys[from];
    if (!area || key === undefined || to < 0 || to >= areas.length || from === to || list.pending) return;
    announce(`Moving “${area.name}”…`);
    const state = await list.submit({ op: "move", path: [...options.basePath, from], to, expected: area });
    if (state.status === "success") {
      announce(`Moved “${area.name}” to row ${to + 1} of ${areas.length}.`);
      focusRow(key);
    } else failed(state, "The row was not moved.");
  };

  const onKeyboardMove = (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    if ((event.target as HTMLElement).closest("input, textarea, select")) return;
    event.preventDefault();
    const to = event.key === "ArrowUp" ? index - 1 : index + 1;
    if (to < 0) announce("This is already the first row.");
    else if (to >= areas.length) announce("This is already the last row.");
    else void move(index, to);
  };

  const dropTarget = (event: DragEvent<HTMLTableRowElement>, index: number) => {
    const box = event.currentTarget.getBoundingClientRect();
    return { index, after: event.clientY > box.top + box.height / 2 };
  };
  const dropIndex = (from: number, target: { index: number; after: boolean }) => {
    const slot = target.index + (target.after ? 1 : 0); // the gap the row is dropped into
    return slot > from ? slot - 1 : slot;
  };

  const drag: DragHandlers = {
    start: (event, index) => {
      const row = event.currentTarget.closest("tr");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", String(index));
      if (row) event.dataTransfer.setDragImage(row, 16, 16);
      setDragFrom(index);
      announce(`Dragging “${areas[index]?.name ?? ""}”. Drop it on another row, or press Escape to cancel.`);
    },
    over: (event, index) => {
      if (dragFrom === null) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      const target = dropTarget(event, index);
      if (target.index !== dropAt?.index || target.after !== dropAt.after) setDropAt(target);
    },
    drop: (event, index) => {
      if (dragFrom === null) return;
      event.preventDefault();
      const to = dropIndex(dragFrom, dropTarget(event, index));
      const from = dragFrom;
      setDragFrom(null);
      setDropAt(null);
      if (to === from) announce("The row stays where it was.");
      else void move(from, to);
    },
    end: () => {
      if (dragFrom !== null) announce("Not moved.");
      setDragFrom(null);
      setDropAt(null);
    },
  };

  /** Where the drop indicator shows on row `index` while dragging. */
  const dropIndicator = (index: number): "before" | "after" | null =>
    dropAt?.index === index && dragFrom !== null ? (dropAt.after ? "after" : "before") : null;

  return {
    moving: list.pending,
    move,
    onKeyboardMove,
    drag,
    dragFrom,
    dropIndicator,
    register,
    focusRow,
  };
}
