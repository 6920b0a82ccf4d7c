"use client";

import { useRouter } from "next/navigation";
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from "react";
import { AssignmentBadge } from "@/components/assignment/assignment-badge";
import {
  assignmentMeta,
  assignmentValues,
  defaultParties,
  type AssignmentValue,
  type PartyRoleValue,
} from "@/lib/domain/assignment";
import type { DocumentPath } from "@/lib/domain/document-changes";
import type { ProviderDocument } from "@/lib/validation/provider-document";
import { ConfirmAction, ConflictPanel, FieldError, inputClass, smallButton } from "./editor-controls";
import { conflictOf, fieldErrorOf, otherFieldErrors, useDraftChange, type ChangeDraftState } from "./use-draft-change";
import { AreaLabel } from "@/components/matrix/area-label";

// The responsibility matrix of a draft, editable where it is read: one row per area, saved one row
// at a time as a compare-and-set change on the area (`expected` = the row as it was loaded), so two
// editors of different rows never conflict and a stale save is shown, not lost. Rows are added
// (at the end or below a row), deleted (after a confirmation) and moved with buttons, Alt+Arrow keys
// on a focused row, or by dragging the grip; moves are announced in a live region.

export type Area = ProviderDocument["crossCuttingAreas"][number];

export interface EditorParty {
  key: string;
  name: string;
  role: PartyRoleValue;
}

export interface RowIssue {
  severity: "error" | "warning";
  rule: string;
  message: string;
}

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
  caption: string;
  /** Row ids are `${idPrefix}-${index}` (the lint panel links to them). */
  idPrefix: string;
  /** Lint issues by row index. */
  issues?: Readonly<Record<number, readonly RowIssue[]>>;
}

interface AreaDraft {
  name: string;
  assignment: AssignmentValue;
  parties: string[];
  providerDuties: string;
  customerDuties: string;
  providerNotApplicable: boolean;
  customerNotApplicable: boolean;
  notes: string;
  layer: string;
}

const editedFields = [
  "name",
  "assignment",
  "parties",
  "providerDuties",
  "customerDuties",
  "providerNotApplicable",
  "customerNotApplicable",
  "notes",
  "layer",
] as const;

function toDraft(area: Area, parties: readonly EditorParty[]): AreaDraft {
  return {
    name: area.name,
    assignment: area.assignment,
    parties: area.parties ?? defaultParties(area.assignment, parties),
    providerDuties: area.providerDuties.join("\n"),
    customerDuties: area.customerDuties.join("\n"),
    providerNotApplicable: area.providerNotApplicable ?? false,
    customerNotApplicable: area.customerNotApplicable ?? false,
    notes: area.notes ?? "",
    layer: area.layer ?? "",
  };
}

const lines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

/** The area to save: the draft's fields over the loaded row (so fields this editor does not show are kept). */
function fromDraft(draft: AreaDraft, base: Area | null): Area {
  const kept: Partial<Area> = { ...base };
  for (const key of ["notes", "layer", "providerNotApplicable", "customerNotApplicable"] as const) delete kept[key];
  return {
    ...kept,
    name: draft.name.trim(),
    assignment: draft.assignment,
    parties: draft.parties,
    providerDuties: lines(draft.providerDuties),
    customerDuties: lines(draft.customerDuties),
    ...(draft.providerNotApplicable ? { providerNotApplicable: true } : {}),
    ...(draft.customerNotApplicable ? { customerNotApplicable: true } : {}),
    ...(draft.notes.trim() ? { notes: draft.notes.trim() } : {}),
    ...(draft.layer ? { layer: draft.layer } : {}),
  };
}

function newDraft(parties: readonly EditorParty[]): AreaDraft {
  return {
    name: "",
    assignment: "customer",
    parties: defaultParties("customer", parties),
    providerDuties: "",
    customerDuties: "",
    providerNotApplicable: false,
    customerNotApplicable: false,
    notes: "",
    layer: "",
  };
}

function sameSet(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && a.every((k) => b.includes(k));
}

/** Party names next to the badge when they add something (as on the read-only matrix). */
function partiesDetail(area: Pick<Area, "assignment" | "parties">, parties: readonly EditorParty[]) {
  if (area.assignment === "n/a") return undefined;
  const defaults = defaultParties(area.assignment, parties);
  const keys = area.parties ?? defaults;
  if (keys.length === 0) return undefined;
  if (sameSet(keys, defaults) && !(area.assignment === "shared" && parties.length > 2)) return undefined;
  if (parties.length > 2 && keys.length === parties.length) return "All";
  const names = new Map(parties.map((p) => [p.key, p.name]));
  return keys.map((k) => names.get(k) ?? k).join(" + ");
}

/** Row keys that survive moves: the name, numbered when it repeats. */
function rowKeys(areas: readonly Area[]): string[] {
  const seen = new Map<string, number>();
  return areas.map((a) => {
    const n = seen.get(a.name) ?? 0;
    seen.set(a.name, n + 1);
    return `${a.name}\u0000${n}`;
  });
}

function isArea(value: unknown): value is Area {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Area).name === "string" &&
    typeof (value as Area).assignment === "string" &&
    Array.isArray((value as Area).providerDuties) &&
    Array.isArray((value as Area).customerDuties)
  );
}

function Duties({
  duties,
  notApplicable,
  label,
}: {
  duties: readonly string[];
  notApplicable: boolean;
  label: string;
}) {
  if (notApplicable)
    return (
      <abbr title="Not applicable" className="text-slate-500 no-underline">
        N/A
      </abbr>
    );
  if (duties.length === 0)
    return (
      <span className="text-slate-400">
        <span aria-hidden="true">—</span>
        <span className="sr-only">none listed</span>
      </span>
    );
  return (
    <ul aria-label={label} className="list-disc space-y-0.5 pl-4 text-slate-700 marker:text-slate-300">
      {duties.map((duty, i) => (
        <li key={i}>{duty}</li>
      ))}
    </ul>
  );
}

/** A compact rendering of one area, for the two sides of a conflict; what differs from `other` is marked. */
function AreaSummary({ area, other, parties }: { area: Area; other?: Area; parties: readonly EditorParty[] }) {
  const providerName = parties.find((p) => p.role === "provider")?.name ?? "Provider";
  const customerName = parties.find((p) => p.role === "customer")?.name ?? "Customer";
  const differs = (pick: (a: Area) => unknown) =>
    other !== undefined && JSON.stringify(pick(area) ?? null) !== JSON.stringify(pick(other) ?? null);
  const item = (label: string, changed: boolean, value: ReactNode) => (
    <div className={`contents ${changed ? "[&>*]:bg-amber-100" : ""}`}>
      <dt className="rounded-l px-1 font-medium text-slate-600">
        {label}
        {changed ? <span className="sr-only"> (differs)</span> : null}
      </dt>
      <dd className="rounded-r px-1 text-slate-900">{value}</dd>
    </div>
  );
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-y-1 text-xs">
      {item(
        "Area",
        differs((a) => a.name),
        area.name || "(no name)",
      )}
      {item(
        "Assignment",
        differs((a) => [a.assignment, a.parties]),
        <AssignmentBadge assignment={area.assignment} detail={partiesDetail(area, parties)} />,
      )}
      {item(
        providerName,
        differs((a) => [a.providerDuties, a.providerNotApplicable ?? false]),
        <Duties
          duties={area.providerDuties}
          notApplicable={area.providerNotApplicable ?? false}
          label={`${providerName} duties`}
        />,
      )}
      {item(
        customerName,
        differs((a) => [a.customerDuties, a.customerNotApplicable ?? false]),
        <Duties
          duties={area.customerDuties}
          notApplicable={area.customerNotApplicable ?? false}
          label={`${customerName} duties`}
        />,
      )}
      {area.notes || other?.notes
        ? item(
            "Notes",
            differs((a) => a.notes ?? ""),
            area.notes || "—",
          )
        : null}
      {area.layer || other?.layer
        ? item(
            "Layer",
            differs((a) => a.layer ?? ""),
            area.layer || "—",
          )
        : null}
    </dl>
  );
}

export function EditableMatrix({
  provider,
  basePath,
  areas,
  parties,
  layers = [],
  caption,
  idPrefix,
  issues = {},
}: EditableMatrixProps) {
  const router = useRouter();
  const captionId = useId();
  const instructionsId = useId();
  const keys = useMemo(() => rowKeys(areas), [areas]);
  const rowRefs = useRef(new Map<string, HTMLTableRowElement>());
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const [announcement, setAnnouncement] = useState<{ text: string; error?: boolean; reload?: boolean }>({ text: "" });
  const [inserting, setInserting] = useState<number | null>(null);
  // The row to focus once the server's new rows arrive (after a move, insert or delete).
  const pendingFocus = useRef<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const focusRow = useCallback((key: string) => {
    pendingFocus.current = key;
    setFocusRequest((n) => n + 1);
  }, []);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<{ index: number; after: boolean } | null>(null);
  const list = useDraftChange(provider);

  const providerName = parties.find((p) => p.role === "provider")?.name ?? "Provider";
  const customerName = parties.find((p) => p.role === "customer")?.name ?? "Customer";

  // After a move, insert or delete the server sends the new rows; focus goes to the row it concerns.
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

  const announce = useCallback((text: string, options: { error?: boolean; reload?: boolean } = {}) => {
    setAnnouncement({ text, ...options });
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
    const state = await list.submit({ op: "move", path: [...basePath, from], to, expected: area });
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

  const drag = {
    start: (event: DragEvent<HTMLElement>, index: number) => {
      const row = event.currentTarget.closest("tr");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", String(index));
      if (row) event.dataTransfer.setDragImage(row, 16, 16);
      setDragFrom(index);
      announce(`Dragging “${areas[index]?.name ?? ""}”. Drop it on another row, or press Escape to cancel.`);
    },
    over: (event: DragEvent<HTMLTableRowElement>, index: number) => {
      if (dragFrom === null) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      const target = dropTarget(event, index);
      if (target.index !== dropAt?.index || target.after !== dropAt.after) setDropAt(target);
    },
    drop: (event: DragEvent<HTMLTableRowElement>, index: number) => {
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

  const rowProps = {
    provider,
    basePath,
    parties,
    layers,
    count: areas.length,
    idPrefix,
    instructionsId,
    register,
    announce,
    providerName,
    customerName,
    moving: list.pending,
    onMove: move,
    onKeyboardMove,
    onInsertBelow: (index: number) => setInserting(index + 1),
    drag,
  };

  const onNewRowDone = (saved: Area | null, at: number) => {
    setInserting(null);
    if (saved) {
      announce(`Added “${saved.name}” as row ${at + 1}.`);
      const sameNameBefore = areas.slice(0, at).filter((a) => a.name === saved.name).length;
      focusRow(`${saved.name}\u0000${sameNameBefore}`);
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
        dropIndicator={dropAt?.index === index && dragFrom !== null ? (dropAt.after ? "after" : "before") : null}
        dragging={dragFrom === index}
        onRemoved={() => {
          announce(`Deleted “${area.name}”.`);
          const next = keys[index + 1] ?? keys[index - 1];
          if (next) focusRow(next);
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
        className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs"
      >
        <table className="w-full border-separate border-spacing-0 text-left text-sm">
          <caption id={captionId} className="sr-only">
            {caption}
          </caption>
          <thead>
            <tr className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <th scope="col" className="w-14 border-b border-slate-200 px-3 py-2">
                <span aria-hidden="true">#</span>
                <span className="sr-only">Position</span>
              </th>
              <th scope="col" className="border-b border-slate-200 px-3 py-2">
                Area
              </th>
              <th scope="col" className="border-b border-slate-200 px-3 py-2">
                Assignment
              </th>
              <th scope="col" className="border-b border-slate-200 px-3 py-2">
                {providerName} duties
              </th>
              <th scope="col" className="border-b border-slate-200 px-3 py-2">
                {customerName} duties
              </th>
              <th scope="col" className="w-52 border-b border-slate-200 px-3 py-2">
                Actions
              </th>
            </tr>
          </thead>
          <tbody>
            {body.length > 0 ? (
              body
            ) : (
              <tr>
                <td colSpan={6} className="px-3 py-6 text-center text-slate-500">
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

interface RowSharedProps {
  provider: string;
  basePath: DocumentPath;
  parties: readonly EditorParty[];
  layers: readonly { key: string; name: string }[];
  count: number;
  idPrefix: string;
  instructionsId: string;
  providerName: string;
  customerName: string;
  moving: boolean;
  register: (key: string, element: HTMLTableRowElement | null) => void;
  announce: (text: string, options?: { error?: boolean; reload?: boolean }) => void;
  onMove: (from: number, to: number) => Promise<void>;
  onKeyboardMove: (event: KeyboardEvent<HTMLTableRowElement>, index: number) => void;
  onInsertBelow: (index: number) => void;
  drag: {
    start: (event: DragEvent<HTMLElement>, index: number) => void;
    over: (event: DragEvent<HTMLTableRowElement>, index: number) => void;
    drop: (event: DragEvent<HTMLTableRowElement>, index: number) => void;
    end: () => void;
  };
}

const cell = "border-b border-slate-100 px-3 py-3 align-top";

function AreaRow({
  rowKey,
  area,
  index,
  issues,
  dropIndicator,
  dragging,
  onRemoved,
  ...shared
}: RowSharedProps & {
  rowKey: string;
  area: Area;
  index: number;
  issues: readonly RowIssue[];
  dropIndicator: "before" | "after" | null;
  dragging: boolean;
  onRemoved: () => void;
}) {
  const { parties, count, providerName, customerName } = shared;
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
              <div className="flex flex-col items-start gap-2">
                <div className="flex flex-wrap gap-2">
                  <button
                    type="button"
                    className={smallButton.primary}
                    disabled={change.pending}
                    onClick={() => void save(editing.loaded)}
                  >
                    {change.pending ? "Saving…" : "Save row"}
                  </button>
                  <button
                    type="button"
                    className={smallButton.secondary}
                    disabled={change.pending}
                    onClick={() => {
                      change.reset();
                      setEditing(null);
                    }}
                  >
                    Cancel
                  </button>
                </div>
                <RowMessage state={change.state} />
              </div>
            }
          />
        ) : (
          <>
            <th scope="row" className={`${cell} min-w-48 max-w-sm font-normal`}>
              <AreaLabel area={area} />
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
            <td className={`${cell} min-w-48`}>
              <Duties
                duties={area.providerDuties}
                notApplicable={area.providerNotApplicable ?? false}
                label={`${providerName} duties`}
              />
            </td>
            <td className={`${cell} min-w-48`}>
              <Duties
                duties={area.customerDuties}
                notApplicable={area.customerNotApplicable ?? false}
                label={`${customerName} duties`}
              />
            </td>
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
          <td colSpan={6} className="border-b border-slate-100 px-3 pb-3">
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

function NewAreaRow({
  at,
  onDone,
  ...shared
}: RowSharedProps & { at: number; onDone: (saved: Area | null, at: number) => void }) {
  const [draft, setDraft] = useState(() => newDraft(shared.parties));
  const change = useDraftChange(shared.provider);
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), []);
  const save = async () => {
    const value = fromDraft(draft, null);
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
          <div className="flex flex-col items-start gap-2">
            <div className="flex flex-wrap gap-2">
              <button
                type="button"
                className={smallButton.primary}
                disabled={change.pending}
                onClick={() => void save()}
              >
                {change.pending ? "Adding…" : "Add row"}
              </button>
              <button type="button" className={smallButton.secondary} onClick={() => onDone(null, at)}>
                Cancel
              </button>
            </div>
            <RowMessage state={change.state} />
          </div>
        }
      />
    </tr>
  );
}

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

/** The editing cells of a row (area, assignment, both duty columns, actions). */
function AreaEditorCells({
  draft,
  state,
  onChange,
  parties,
  layers,
  providerName,
  customerName,
  nameRef,
  loadedAssignment,
  loadedParties,
  actions,
}: Pick<RowSharedProps, "parties" | "layers" | "providerName" | "customerName"> & {
  draft: AreaDraft;
  state: ChangeDraftState;
  onChange: (draft: AreaDraft) => void;
  nameRef: RefObject<HTMLInputElement | null>;
  loadedAssignment: AssignmentValue | null;
  loadedParties: string[] | undefined;
  actions: ReactNode;
}) {
  const id = useId();
  const error = (field: (typeof editedFields)[number]) => fieldErrorOf(state, field);
  const set = <K extends keyof AreaDraft>(key: K, value: AreaDraft[K]) => onChange({ ...draft, [key]: value });
  const describedBy = (field: (typeof editedFields)[number], hint?: string) =>
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

  const sideEditor = (side: "provider" | "customer", label: string) => {
    const dutiesKey = side === "provider" ? "providerDuties" : "customerDuties";
    const naKey = side === "provider" ? "providerNotApplicable" : "customerNotApplicable";
    return (
      <td className={`${cell} min-w-56`}>
        <label htmlFor={`${id}-${dutiesKey}`} className="block text-xs font-medium text-slate-700">
          {label} duties <span className="font-normal text-slate-500">(one per line)</span>
        </label>
        <textarea
          id={`${id}-${dutiesKey}`}
          rows={5}
          value={draft[dutiesKey]}
          onChange={(event) => set(dutiesKey, event.target.value)}
          aria-invalid={error(dutiesKey) ? true : undefined}
          aria-describedby={describedBy(dutiesKey)}
          className={inputClass(error(dutiesKey))}
        />
        <FieldError id={`${id}-${dutiesKey}-error`} error={error(dutiesKey)} />
        <label className="mt-2 flex items-center gap-2 text-xs text-slate-800">
          <input
            type="checkbox"
            checked={draft[naKey]}
            onChange={(event) => set(naKey, event.target.checked)}
            className="size-4 rounded border-slate-300 accent-blue-700"
          />
          {label} side not applicable (N/A)
        </label>
        <FieldError id={`${id}-${naKey}-error`} error={error(naKey)} />
      </td>
    );
  };

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
      </td>
      {sideEditor("provider", providerName)}
      {sideEditor("customer", customerName)}
      <td className={`${cell} w-52`}>{actions}</td>
    </>
  );
}
