// Layout for a service's layered stack diagram (STACKIT / Contain style figures). Pure, no React:
// every coordinate and text line is computed here, so the SVG component only maps it to elements
// and tests can check geometry. Text is measured roughly (no font metrics on the server).
import { assignmentMeta, assignmentValues, type AssignmentValue } from "@/lib/domain/assignment";
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

// --- Geometry and typography (viewBox units; 1 unit = 1px at the default width). ---
export const diagramMetrics = {
  defaultWidth: 960,
  minWidth: 280,
  /** Below this width the layer label goes above the boxes instead of in a column to their left. */
  sideLabelMinWidth: 600,
  outerPad: 8,
  bandGap: 10,
  bandPad: 12,
  boxGap: 10,
  minBoxWidth: 140,
  boxPad: 10,
  chipSize: 18,
  bandChipSize: 16,
  stackOffset: 4,
  maxStackCards: 3,
  fontSize: 13,
  lineHeight: 16,
  smallFontSize: 11,
  smallLineHeight: 15,
  bandFontSize: 14,
  bandLineHeight: 18,
  boxLabelMaxLines: 2,
  bandLabelMaxLines: 3,
} as const;

const m = diagramMetrics;

/** Rough width of text: ~7 units per character at 13px (0.54em); bold ~8 (0.62em, errs wide so fallback fonts fit). */
export function estimateTextWidth(text: string, fontSize: number = m.fontSize, bold = false): number {
  return text.length * fontSize * (bold ? 0.62 : 0.54);
}

/** How many characters fit in `width` at `fontSize` (at least 1). */
export function charsThatFit(width: number, fontSize: number = m.fontSize, bold = false): number {
  return Math.max(1, Math.floor(width / (fontSize * (bold ? 0.62 : 0.54))));
}

/** Shortens text to `maxChars`, ending with "…" when cut. */
export function ellipsize(text: string, maxChars: number): string {
  const limit = Math.max(1, Math.floor(maxChars));
  if (text.length <= limit) return text;
  if (limit === 1) return "…";
  return `${text.slice(0, limit - 1).trimEnd()}…`;
}

/**
 * Greedy word wrap into at most `maxLines` lines of at most `maxChars` characters. Breaks at spaces,
 * then after "-" or "/", and hard-breaks words that are still too long; the last line ends with "…"
 * when text is left over.
 */
export function wrapText(text: string, maxChars: number, maxLines: number): { lines: string[]; truncated: boolean } {
  const limit = Math.max(1, Math.floor(maxChars));
  const parts: { text: string; space: boolean }[] = [];
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const pieces = word.match(/[^-/]+[-/]*|[-/]+/g) ?? [word];
    pieces.forEach((piece, i) => {
      for (let start = 0; start < piece.length; start += limit) {
        parts.push({ text: piece.slice(start, start + limit), space: i === 0 && start === 0 });
      }
    });
  }
  const lines: string[] = [];
  let current = "";
  for (const part of parts) {
    const joined = current === "" ? part.text : `${current}${part.space ? " " : ""}${part.text}`;
    if (joined.length <= limit) current = joined;
    else {
      lines.push(current);
      current = part.text;
    }
  }
  if (current !== "") lines.push(current);
  if (lines.length === 0) return { lines: [""], truncated: false };
  const max = Math.max(1, maxLines);
  if (lines.length <= max) return { lines, truncated: false };
  const kept = lines.slice(0, max);
  const last = kept[max - 1] ?? "";
  kept[max - 1] = last.length + 1 <= limit ? `${last}…` : ellipsize(`${last}…`, limit);
  return { lines: kept, truncated: true };
}

const assignmentWords: Record<AssignmentValue, string> = {
  provider: "provider",
  customer: "customer",
  shared: "shared",
  "best-effort": "best effort",
  "third-party": "third party",
  "n/a": "not applicable",
};

/** "best effort (STACKIT)", "shared (Customer + Contain)", "unassigned". */
export function describeAssignment(assignment: AssignmentValue | null, partyNames: readonly string[]): string {
  if (!assignment) return "unassigned";
  const names = partyNames.length ? ` (${partyNames.join(" + ")})` : "";
  return `${assignmentWords[assignment]}${names}`;
}

function flags(assignment: AssignmentValue | null, overridden: boolean, unassigned: boolean): StyleFlags {
  return {
    bestEffort: assignment === "best-effort",
    thirdParty: assignment === "third-party",
    unassigned,
    overridden,
  };
}

function chipSymbol(assignment: AssignmentValue | null): string {
  return assignment ? assignmentMeta[assignment].symbol : "?";
}

interface BoxDraft {
  component: DiagramComponentInput;
  partyNames: string[];
  depth: number;
  frontW: number;
  wrapped: { lines: string[]; truncated: boolean };
  partyText: string | null;
  instanceText: string | null;
}

export function buildStackDiagram(input: StackDiagramInput): StackDiagramModel {
  const width = Math.max(m.minWidth, Math.round(input.width ?? m.defaultWidth));
  const partyName = new Map(input.parties.map((p) => [p.key, p.name]));
  const namesOf = (keys: readonly string[]) => keys.map((k) => partyName.get(k) ?? k);

  const bandX = m.outerPad;
  const bandW = width - 2 * m.outerPad;
  const sideLabels = width >= m.sideLabelMinWidth;
  const labelColumn = sideLabels ? Math.min(220, Math.max(150, Math.round(bandW * 0.22))) : 0;

  const topDown = [...input.layers]
    .map((layer, index) => ({ layer, index }))
    .sort((a, b) => a.layer.position - b.layer.position || a.index - b.index)
    .map(({ layer }) => layer)
    .reverse();

  const bands: DiagramBand[] = [];
  let y = m.outerPad;

  for (const layer of topDown) {
    const hasComponents = layer.components.length > 0;
    const bandUnassigned = layer.assignment === null && !hasComponents;
    const bandParties = namesOf(layer.parties);
    const showsAssignment = layer.assignment !== null || bandUnassigned;

    // Label block: name (bold, wrapped), then chip + "Customer · Acme".
    const labelX = bandX + m.bandPad;
    const labelW = sideLabels && hasComponents ? labelColumn - 2 * m.bandPad : bandW - 2 * m.bandPad;
    const bandWrap = wrapText(layer.name, charsThatFit(labelW, m.bandFontSize, true), m.bandLabelMaxLines);
    const labelLines: TextLine[] = bandWrap.lines.map((text, i) => ({
      text,
      x: labelX,
      y: y + m.bandPad + m.bandFontSize + i * m.bandLineHeight - 2,
    }));
    let labelBlockH = m.bandPad + bandWrap.lines.length * m.bandLineHeight;
    let chip: SymbolChip | null = null;
    let assignmentLine: TextLine | null = null;
    if (showsAssignment) {
      const chipY = y + labelBlockH + 4;
      chip = { x: labelX, y: chipY, w: m.bandChipSize, h: m.bandChipSize, symbol: chipSymbol(layer.assignment) };
      const label = layer.assignment ? assignmentMeta[layer.assignment].label : "Unassigned";
      const names = bandParties.join(" + ");
      const text = names && names.toLowerCase() !== label.toLowerCase() ? `${label} · ${names}` : label;
      const textX = labelX + m.bandChipSize + 6;
      assignmentLine = {
        text: ellipsize(text, charsThatFit(labelW - m.bandChipSize - 6, m.smallFontSize)),
        x: textX,
        y: chipY + m.bandChipSize - 4,
      };
      labelBlockH += 4 + m.bandChipSize;
    }
    labelBlockH += m.bandPad;

    // Content area for the boxes.
    const contentX = sideLabels ? bandX + labelColumn : bandX + m.bandPad;
    const contentW = sideLabels ? bandW - labelColumn - m.bandPad : bandW - 2 * m.bandPad;
    const contentY = sideLabels ? y + m.bandPad : y + labelBlockH;

    const n = layer.components.length;
    const maxColumns = Math.max(1, Math.floor((contentW + m.boxGap) / (m.minBoxWidth + m.boxGap)));
    const rows = n ? Math.ceil(n / Math.min(n, maxColumns)) : 0;
    const columns = n ? Math.ceil(n / rows) : 0;
    const boxW = columns ? Math.floor((contentW - m.boxGap * (columns - 1)) / columns) : 0;

    const drafts: BoxDraft[] = layer.components.map((component) => {
      const instances = Math.max(1, component.instances);
      const depth = Math.min(instances, m.maxStackCards) - 1;
      const frontW = boxW - depth * m.stackOffset;
      const instanceText = instances > 1 ? `×${instances}` : null;
      const overridden = component.overridden === true;
      const rightReserve =
        (instanceText ? estimateTextWidth(instanceText, m.smallFontSize, true) + 6 : 0) + (overridden ? 12 : 0);
      const textW = frontW - 2 * m.boxPad - m.chipSize - 12 - rightReserve;
      const partyNames = namesOf(component.parties);
      return {
        component,
        partyNames,
        depth,
        frontW,
        wrapped: wrapText(component.name, charsThatFit(textW, m.fontSize, true), m.boxLabelMaxLines),
        partyText: partyNames.length
          ? ellipsize(partyNames.join(" + "), charsThatFit(frontW - 2 * m.boxPad - m.chipSize - 8, m.smallFontSize))
          : null,
        instanceText,
      };
    });

    // Uniform front-card height within a band, so rows line up.
    const labelLineCount = Math.max(1, ...drafts.map((d) => d.wrapped.lines.length));
    const anyParties = drafts.some((d) => d.partyText !== null);
    const frontH =
      m.boxPad + Math.max(m.chipSize, labelLineCount * m.lineHeight) + (anyParties ? m.smallLineHeight : 0) + m.boxPad;
    const rowH = frontH + Math.max(0, ...drafts.map((d) => d.depth)) * m.stackOffset;

    const boxes: DiagramBox[] = drafts.map((d, i) => {
      const col = i % columns;
      const row = Math.floor(i / columns);
      const bx = Math.floor(contentX + col * (boxW + m.boxGap));
      const by = contentY + row * (rowH + m.boxGap);
      const h = frontH + d.depth * m.stackOffset;
      const cards: Rect[] = [];
      for (let k = d.depth; k >= 0; k--) {
        cards.push({ x: bx + k * m.stackOffset, y: by + k * m.stackOffset, w: d.frontW, h: frontH });
      }
      const textX = bx + m.boxPad + m.chipSize + 8;
      const firstBaseline = by + m.boxPad + m.fontSize;
      const lines = d.wrapped.lines.map((text, li) => ({ text, x: textX, y: firstBaseline + li * m.lineHeight }));
      const partyLine = d.partyText
        ? { text: d.partyText, x: textX, y: by + m.boxPad + lines.length * m.lineHeight + m.smallFontSize + 2 }
        : null;
      const rightEdge = bx + d.frontW - m.boxPad;
      const overridden = d.component.overridden === true;
      const overrideMark = overridden ? { text: "*", x: rightEdge - 8, y: firstBaseline } : null;
      const instanceLabel = d.instanceText
        ? {
            text: d.instanceText,
            x: Math.round(rightEdge - (overridden ? 12 : 0) - estimateTextWidth(d.instanceText, m.smallFontSize, true)),
            y: firstBaseline,
          }
        : null;
      const assignment = d.component.assignment;
      const summary = `${d.component.name}${d.instanceText ? ` ${d.instanceText}` : ""} — ${describeAssignment(assignment, d.partyNames)}${overridden ? ", changed by the deployment model" : ""}`;
      return {
        key: d.component.key,
        x: bx,
        y: by,
        w: boxW,
        h,
        label: d.component.name,
        lines,
        truncated: d.wrapped.truncated,
        assignment,
        partyNames: d.partyNames,
        partyLine,
        chip: { x: bx + m.boxPad, y: by + m.boxPad, w: m.chipSize, h: m.chipSize, symbol: chipSymbol(assignment) },
        instances: Math.max(1, d.component.instances),
        instanceLabel,
        overrideMark,
        cards,
        summary,
        ...flags(assignment, overridden, assignment === null),
      };
    });

    const gridH = rows ? rows * rowH + (rows - 1) * m.boxGap : 0;
    const bandH = sideLabels
      ? Math.max(labelBlockH, rows ? m.bandPad + gridH + m.bandPad : 0)
      : labelBlockH + (rows ? gridH + m.bandPad : 0);

    bands.push({
      key: layer.key,
      x: bandX,
      y,
      w: bandW,
      h: bandH,
      label: layer.name,
      lines: labelLines,
      truncated: bandWrap.truncated,
      assignment: layer.assignment,
      partyNames: bandParties,
      chip,
      assignmentLine,
      content: { x: contentX, y: contentY, w: contentW, h: gridH },
      rows,
      columns,
      boxes,
      ...flags(layer.assignment, false, bandUnassigned),
    });
    y += bandH + m.bandGap;
  }

  const height = bands.length ? y - m.bandGap + m.outerPad : 2 * m.outerPad;
  return {
    title: input.title,
    width,
    height,
    bands,
    legend: buildLegend(bands),
    hasOverrides: bands.some((b) => b.overridden || b.boxes.some((x) => x.overridden)),
    hasStacks: bands.some((b) => b.boxes.some((x) => x.instances > 1)),
    desc: describeDiagram(input.title, bands),
  };
}

function buildLegend(bands: readonly DiagramBand[]): LegendEntry[] {
  const groups = new Map<AssignmentValue | null, string[]>();
  const add = (assignment: AssignmentValue | null, partyNames: readonly string[]) => {
    const list = groups.get(assignment) ?? [];
    const combo = partyNames.join(" + ");
    const label = assignment ? assignmentMeta[assignment].label : "Unassigned";
    // "Customer · Customer" says nothing; keep only combinations that add information.
    if (combo && combo.toLowerCase() !== label.toLowerCase() && !list.includes(combo)) list.push(combo);
    groups.set(assignment, list);
  };
  for (const band of bands) {
    if (band.assignment !== null || band.unassigned) add(band.assignment, band.partyNames);
    for (const box of band.boxes) add(box.assignment, box.partyNames);
  }
  const entries: LegendEntry[] = assignmentValues
    .filter((value) => groups.has(value))
    .map((value) => ({
      assignment: value,
      label: assignmentMeta[value].label,
      symbol: assignmentMeta[value].symbol,
      description: assignmentMeta[value].description,
      partyGroups: groups.get(value) ?? [],
    }));
  if (groups.has(null))
    entries.push({
      assignment: null,
      label: "Unassigned",
      symbol: "?",
      description: "Nobody has been assigned yet.",
      partyGroups: [],
    });
  return entries;
}

function describeDiagram(title: string, bands: readonly DiagramBand[]): string {
  if (!bands.length) return `${title}. No layers are described.`;
  const layerCount = `${bands.length} layer${bands.length === 1 ? "" : "s"}`;
  const parts = bands.map((band) => {
    const own =
      band.assignment !== null || band.unassigned
        ? ` (${band.assignment ? assignmentWords[band.assignment] : "unassigned"}${band.partyNames.length ? `: ${band.partyNames.join(" + ")}` : ""})`
        : "";
    const content = band.boxes.length ? band.boxes.map((b) => b.summary).join("; ") : "no components";
    return `${band.label}${own}: ${content}.`;
  });
  return `${title}. Stack of ${layerCount}, from top to bottom. ${parts.join(" ")}`;
}
