// Layout for a service's layered stack diagram (STACKIT / Contain style figures). Pure, no React:
// every coordinate and text line is computed here, so the SVG component only maps it to elements
// and tests can check geometry. Text is measured roughly (no font metrics on the server).
import { assignmentMeta, type AssignmentValue } from "@/lib/domain/assignment";
import { buildLegend, describeAssignment, describeDiagram } from "./stack-diagram-legend";
import { diagramMetrics } from "./stack-diagram-metrics";
import { charsThatFit, ellipsize, estimateTextWidth, wrapText } from "./stack-diagram-text";
import type {
  DiagramBand,
  DiagramBox,
  DiagramComponentInput,
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
  LegendEntry,
  Rect,
  StackDiagramInput,
  StackDiagramModel,
  StyleFlags,
  SymbolChip,
  TextLine,
} from "./stack-diagram-types";

const m = diagramMetrics;

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
