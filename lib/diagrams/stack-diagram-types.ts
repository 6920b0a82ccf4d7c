// What a stack diagram's layout produces (and takes), in viewBox units; see stack-diagram.ts.
import type { AssignmentValue } from "@/lib/domain/assignment";
import type { ComponentDto, LayerDto, PartyDto } from "@/lib/validation/api";

/**
 * A component as the diagram needs it; `EffectiveComponent` from lib/domain/deployment-model fits.
 * `variesByModel`: no default owner, and no deployment model chosen that assigns one.
 * `markerOn` (from ComponentDto): drawn as a ◆ marker on that sibling, not as a box of its own.
 */
export type DiagramComponentInput = ComponentDto & { overridden?: boolean; variesByModel?: boolean };
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

/**
 * A component drawn as a symbol on another one (STACKIT's EdgeHostLet diamond inside every Talos Linux
 * instance), as its source's key does, instead of as a box with a colour of its own.
 */
export interface DiagramMarker {
  key: string;
  name: string;
  /** "◆". */
  symbol: string;
  assignment: AssignmentValue | null;
  partyNames: string[];
  overridden: boolean;
  /** e.g. "◆ EdgeHostLet — shared (STACKIT + Customer)". */
  summary: string;
}

/** One entry of the markers' key under the legend: "◆ EdgeHostLet — on Talos Linux; shared (…)". */
export interface MarkerKeyEntry {
  symbol: string;
  label: string;
  description: string;
}

export interface DiagramBox extends Rect, StyleFlags {
  key: string;
  /** Full component name (lines may be truncated). */
  label: string;
  lines: TextLine[];
  truncated: boolean;
  assignment: AssignmentValue | null;
  partyNames: string[];
  /** Party names as drawn under the label, wrapped (never cut); empty when there are none. */
  partyLines: TextLine[];
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
  /** Components drawn as markers on this box; their symbols end the label's last line ("Talos Linux ◆"). */
  markers: DiagramMarker[];
  /** No default owner: each deployment model assigns one (the party line says so). */
  variesByModel: boolean;
}

export interface DiagramBand extends Rect, StyleFlags {
  key: string;
  label: string;
  lines: TextLine[];
  truncated: boolean;
  /** Null: the layer has no assignment of its own (its components carry them). */
  assignment: AssignmentValue | null;
  partyNames: string[];
  /** Chip and "Customer · Acme" lines under the label; null/empty when the layer has no assignment of its own. */
  chip: SymbolChip | null;
  assignmentLines: TextLine[];
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
  /** What each marker symbol drawn stands for, as the source's key says ("◆ = EdgeHostLet"). */
  markerKey: MarkerKeyEntry[];
  /** Some box has no default owner because it depends on the deployment model. */
  hasModelDependent: boolean;
  /** Plain-text description of every layer and component, for `<desc>` / screen readers. */
  desc: string;
}
