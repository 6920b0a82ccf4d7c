// Layout for a service's layered stack diagram (STACKIT / Contain style figures). Pure, no React:
// every coordinate and text line is computed here, so the SVG component only maps it to elements
// and tests can check geometry. Text is measured roughly (no font metrics on the server).
import { assignmentMeta, type AssignmentValue } from "@/lib/domain/assignment";
import { buildLegend, describeAssignment, describeDiagram } from "./stack-diagram-legend";
import { diagramMetrics } from "./stack-diagram-metrics";
import { charsThatFit, estimateTextWidth, wrapText } from "./stack-diagram-text";
import type {
  DiagramBand,
  DiagramBox,
  DiagramComponentInput,
  DiagramMarker,
  MarkerKeyEntry,
  Rect,
  StackDiagramInput,
  StackDiagramModel,
  StyleFlags,
  SymbolChip,
  TextLine,
} from "./stack-diagram-types";

export { describeAssignment } from "./stack-diagram-legend";
export { diagramMetrics } from "./stack-diagram-metrics";
export { charsThatFit, ellipsize, estimateTextWidth, wrapText } from "./stack-diagram-text";
export type {
  DiagramBand,
  DiagramBox,
  DiagramComponentInput,
  DiagramLayerInput,
  DiagramMarker,
  LegendEntry,
  MarkerKeyEntry,
  Rect,
  StackDiagramInput,
  StackDiagramModel,
  StyleFlags,
  SymbolChip,
  TextLine,
} from "./stack-diagram-types";

const m = diagramMetrics;
/** Party lists wrap onto at most this many lines (three parties' names fit in two on the narrowest layout). */
const partyMaxLines = 3;

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

/** The symbol a marker component is drawn with (STACKIT's key: "diamond = EdgeHostLet"). */
export const MARKER_SYMBOL = "◆";
const VARIES_TEXT = "depends on the deployment model";

/**
 * A layer's components split into the boxes to draw and, per box key, the components drawn as markers
 * on it. A marker whose host is missing, is itself, or is itself a marker is drawn as a box after all.
 */
export function splitMarkers(components: readonly DiagramComponentInput[]): {
  boxes: DiagramComponentInput[];
  markersOn: Map<string, DiagramComponentInput[]>;
} {
  const byKey = new Map(components.map((c) => [c.key, c]));
  const isMarker = (c: DiagramComponentInput) => {
    const host = c.markerOn ? byKey.get(c.markerOn) : undefined;
    return host !== undefined && host.key !== c.key && !host.markerOn;
  };
  const markersOn = new Map<string, DiagramComponentInput[]>();
  const boxes: DiagramComponentInput[] = [];
  for (const c of components) {
    if (isMarker(c)) markersOn.set(c.markerOn!, [...(markersOn.get(c.markerOn!) ?? []), c]);
    else boxes.push(c);
  }
  return { boxes, markersOn };
}

interface BoxDraft {
  component: DiagramComponentInput;
  markers: DiagramMarker[];
  partyNames: string[];
  depth: number;
  frontW: number;
  wrapped: { lines: string[]; truncated: boolean };
  partyLines: string[];
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
  const markerKey: MarkerKeyEntry[] = [];
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
    let assignmentLines: TextLine[] = [];
    if (showsAssignment) {
      const chipY = y + labelBlockH + 4;
      chip = { x: labelX, y: chipY, w: m.bandChipSize, h: m.bandChipSize, symbol: chipSymbol(layer.assignment) };
      const label = layer.assignment ? assignmentMeta[layer.assignment].label : "Unassigned";
      const names = bandParties.join(" + ");
      const text = names && names.toLowerCase() !== label.toLowerCase() ? `${label} · ${names}` : label;
      const textX = labelX + m.bandChipSize + 6;
      // Wrapped, never cut: a party list must stay readable where no tooltip can be hovered.
      const wrapped = wrapText(text, charsThatFit(labelW - m.bandChipSize - 6, m.smallFontSize), partyMaxLines);
      assignmentLines = wrapped.lines.map((line, i) => ({
        text: line,
        x: textX,
        y: chipY + m.bandChipSize - 4 + i * m.smallLineHeight,
      }));
      labelBlockH += 4 + m.bandChipSize + (wrapped.lines.length - 1) * m.smallLineHeight;
    }
    labelBlockH += m.bandPad;

    // Content area for the boxes.
    const contentX = sideLabels ? bandX + labelColumn : bandX + m.bandPad;
    const contentW = sideLabels ? bandW - labelColumn - m.bandPad : bandW - 2 * m.bandPad;
    const contentY = sideLabels ? y + m.bandPad : y + labelBlockH;

    const { boxes: boxed, markersOn } = splitMarkers(layer.components);
    const n = boxed.length;
    const maxColumns = Math.max(1, Math.floor((contentW + m.boxGap) / (m.minBoxWidth + m.boxGap)));
    const rows = n ? Math.ceil(n / Math.min(n, maxColumns)) : 0;
    const columns = n ? Math.ceil(n / rows) : 0;
    const boxW = columns ? Math.floor((contentW - m.boxGap * (columns - 1)) / columns) : 0;

    const drafts: BoxDraft[] = boxed.map((component) => {
      const markers: DiagramMarker[] = (markersOn.get(component.key) ?? []).map((mc) => {
        const names = namesOf(mc.parties);
        const overridden = mc.overridden === true;
        const summary = `${MARKER_SYMBOL} ${mc.name} — ${describeAssignment(mc.assignment, names)}${overridden ? ", changed by the deployment model" : ""}`;
        const description = `drawn on every ${component.name}${component.instances > 1 ? " instance" : ""}; ${describeAssignment(mc.assignment, names)}`;
        if (!markerKey.some((e) => e.label === mc.name && e.description === description))
          markerKey.push({ symbol: MARKER_SYMBOL, label: mc.name, description });
        return {
          key: mc.key,
          name: mc.name,
          symbol: MARKER_SYMBOL,
          assignment: mc.assignment,
          partyNames: names,
          overridden,
          summary,
        };
      });
      const labelText = markers.length ? `${component.name} ${markers.map((x) => x.symbol).join("")}` : component.name;
      const instances = Math.max(1, component.instances);
      const depth = Math.min(instances, m.maxStackCards) - 1;
      const frontW = boxW - depth * m.stackOffset;
      const instanceText = instances > 1 ? `×${instances}` : null;
      const overridden = component.overridden === true;
      const rightReserve =
        (instanceText ? estimateTextWidth(instanceText, m.smallFontSize, true) + 6 : 0) + (overridden ? 12 : 0);
      const textW = frontW - 2 * m.boxPad - m.chipSize - 12 - rightReserve;
      const partyNames = namesOf(component.parties);
      const partyText = component.variesByModel ? VARIES_TEXT : partyNames.join(" + ");
      return {
        component,
        markers,
        partyNames,
        depth,
        frontW,
        wrapped: wrapText(labelText, charsThatFit(textW, m.fontSize, true), m.boxLabelMaxLines),
        partyLines: partyText
          ? wrapText(partyText, charsThatFit(frontW - 2 * m.boxPad - m.chipSize - 8, m.smallFontSize), partyMaxLines)
              .lines
          : [],
        instanceText,
      };
    });

    // Uniform front-card height within a band, so rows line up.
    const labelLineCount = Math.max(1, ...drafts.map((d) => d.wrapped.lines.length));
    const partyLineCount = Math.max(0, ...drafts.map((d) => d.partyLines.length));
    const frontH =
      m.boxPad + Math.max(m.chipSize, labelLineCount * m.lineHeight) + partyLineCount * m.smallLineHeight + m.boxPad;
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
      const partyLines = d.partyLines.map((text, i) => ({
        text,
        x: textX,
        y: by + m.boxPad + lines.length * m.lineHeight + m.smallFontSize + 2 + i * m.smallLineHeight,
      }));
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
      const varies = d.component.variesByModel === true && assignment === null;
      const summary = `${d.component.name}${d.instanceText ? ` ${d.instanceText}` : ""} — ${varies ? VARIES_TEXT : describeAssignment(assignment, d.partyNames)}${overridden ? ", changed by the deployment model" : ""}${d.markers.length ? `; marked ${d.markers.map((x) => x.summary).join("; ")}` : ""}`;
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
        partyLines,
        chip: { x: bx + m.boxPad, y: by + m.boxPad, w: m.chipSize, h: m.chipSize, symbol: chipSymbol(assignment) },
        instances: Math.max(1, d.component.instances),
        instanceLabel,
        overrideMark,
        cards,
        summary,
        markers: d.markers,
        variesByModel: varies,
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
      assignmentLines,
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
    hasOverrides: bands.some(
      (b) => b.overridden || b.boxes.some((x) => x.overridden || x.markers.some((mk) => mk.overridden)),
    ),
    hasStacks: bands.some((b) => b.boxes.some((x) => x.instances > 1)),
    markerKey,
    hasModelDependent: bands.some((b) => b.boxes.some((x) => x.variesByModel)),
    desc: describeDiagram(input.title, bands),
  };
}
