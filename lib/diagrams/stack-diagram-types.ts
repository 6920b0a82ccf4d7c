// What a stack diagram's layout produces (and takes), in viewBox units; see stack-diagram.ts.
import type { AssignmentValue } from "@/lib/domain/assignment";
import type { ComponentDto, LayerDto, PartyDto } from "@/lib/validation/api";

/** A component as the diagram needs it; `EffectiveComponent` from lib/domain/deployment-model fits. */
export type DiagramComponentInput = ComponentDto & { overridden?: boolean };
/** A layer as the diagram needs it; `EffectiveLayer` from lib/domain/deployment-model fits. */
export type DiagramLayerInput = Omit<LayerDto, "components"> & { components: readonly DiagramComponentInput[] };

export interface StackDiagramInput {
  /** Bottom layer first (as in ServiceDetailDto); sorted by `position` anyway. */
  layers: readonly DiagramLayerInput[];
  parties: readonly Pick<PartyDto, "key" | "name">[];
  title: string;
  /** Width of the drawing in viewBox units; the SVG scales to its container. Default 960. */
  width?: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One line of text; `y` is the baseline. */
export interface TextLine {
  text: string;
  x: number;
  y: number;
}

export interface StyleFlags {
  /** Draw hatched. */
  bestEffort: boolean;
  /** Draw with a dashed border. */
  thirdParty: boolean;
  /** Nobody assigned: dashed grey, symbol "?". */
  unassigned: boolean;
  /** Differs from the service default under the chosen deployment model. */
  overridden: boolean;
}

/** The small square carrying the assignment's text symbol, so colour is never the only cue. */
export interface SymbolChip extends Rect {
  symbol: string;
}

export interface DiagramBox extends Rect, StyleFlags {
  key: string;
  /** Full component name (lines may be truncated). */
  label: string;
  lines: TextLine[];
  truncated: boolean;
  assignment: AssignmentValue | null;
  partyNames: string[];
  /** Party names as drawn under the label (may be truncated), or null when there are none. */
  partyLine: TextLine | null;
  chip: SymbolChip;
  instances: number;
  /** "×3" for instances > 1, drawn at the top right of the front card. */
  instanceLabel: TextLine | null;
  /** Position of the "*" override mark, when overridden. */
  overrideMark: TextLine | null;
  /** Cards to draw, back to front; the last one is the front card holding the text. All lie within the box. */
  cards: Rect[];
  /** e.g. "Talos Linux ×3 — best effort (STACKIT)". */
  summary: string;
}

export interface DiagramBand extends Rect, StyleFlags {
  key: string;
  label: string;
  lines: TextLine[];
  truncated: boolean;
  /** Null: the layer has no assignment of its own (its components carry them). */
  assignment: AssignmentValue | null;
  partyNames: string[];
  /** Chip and "Customer · Acme" line under the label; null when the layer has no assignment of its own. */
  chip: SymbolChip | null;
  assignmentLine: TextLine | null;
  /** Where the component boxes are laid out. */
  content: Rect;
  rows: number;
  columns: number;
  boxes: DiagramBox[];
}

export interface LegendEntry {
  /** null: "Unassigned". */
  assignment: AssignmentValue | null;
  label: string;
  symbol: string;
  description: string;
  /** Distinct party combinations drawn with this assignment, e.g. ["Customer + Contain"]. */
  partyGroups: string[];
}

export interface StackDiagramModel {
  title: string;
  width: number;
  height: number;
  /** Top layer first, as drawn. */
  bands: DiagramBand[];
  /** Only the assignments that occur, in vocabulary order, then "Unassigned" if any. */
  legend: LegendEntry[];
  /** Some band or box differs from the default under a deployment model (drawn with "*"). */
  hasOverrides: boolean;
  /** Some component has several instances (drawn stacked with "×n"). */
  hasStacks: boolean;
  /** Plain-text description of every layer and component, for `<desc>` / screen readers. */
  desc: string;
}
