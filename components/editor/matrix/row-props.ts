import type { KeyboardEvent } from "react";
import type { DocumentPath } from "@/lib/domain/document-changes";
import type { Area, EditorParty } from "./area-draft";
import type { Announce, DragHandlers } from "./use-row-reorder";

/** What every row of the editable matrix gets from the matrix. */
export interface RowSharedProps {
  provider: string;
  basePath: DocumentPath;
  parties: readonly EditorParty[];
  layers: readonly { key: string; name: string }[];
  count: number;
  idPrefix: string;
  instructionsId: string;
  groups: readonly { key: string; title: string }[];
  /** Every row of the list (new rows get a key none of them has). */
  areas: readonly Area[];
  moving: boolean;
  register: (key: string, element: HTMLTableRowElement | null) => void;
  announce: Announce;
  onMove: (from: number, to: number) => Promise<void>;
  onKeyboardMove: (event: KeyboardEvent<HTMLTableRowElement>, index: number) => void;
  onInsertBelow: (index: number) => void;
  drag: DragHandlers;
}
