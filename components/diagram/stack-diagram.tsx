// Accessible SVG rendering of a layered stack diagram. Server-compatible: no hooks, no client code.
// All geometry comes from lib/diagrams/stack-diagram; this file only maps it to SVG elements.
import type { ReactNode, SVGProps } from "react";
import { assignmentHex } from "@/lib/domain/assignment-colours";
import { AssignmentBadge } from "@/components/assignment/assignment-badge";
import type { AssignmentValue } from "@/lib/domain/assignment";
import {
  buildStackDiagram,
  diagramMetrics,
  diagramMetrics as dm,
  type DiagramBand,
  type DiagramBox,
  type StackDiagramInput,
  type StackDiagramModel,
  type StyleFlags,
  type TextLine,
} from "@/lib/diagrams/stack-diagram";

type Common = {
  /** Stable, page-unique id; the SVG's title, desc and pattern ids derive from it. */
  id: string;
  /** Visible caption; defaults to the diagram title. */
  caption?: ReactNode;
  /** Show the HTML legend under the drawing (default true). */
  legend?: boolean;
  className?: string;
};

export type StackDiagramProps = Common & ({ diagram: StackDiagramModel } | StackDiagramInput);

const FONT = '"Inter Variable", Inter, ui-sans-serif, system-ui, sans-serif';
const NEUTRAL = { fill: "#f8fafc", stroke: "#94a3b8", text: "#0f172a" };
const UNASSIGNED = { fill: "#ffffff", stroke: "#6b7280", text: "#374151" };

function colours(assignment: AssignmentValue | null, unassigned: boolean) {
  if (assignment) return assignmentHex[assignment];
  return unassigned ? UNASSIGNED : NEUTRAL;
}

function dash(flags: StyleFlags): string | undefined {
  if (flags.unassigned) return "4 3";
  if (flags.thirdParty) return "7 4";
  return undefined;
}

function safeId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, "-") || "stack-diagram";
}

function HatchPattern({ id }: { id: string }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
      <line
        x1="0"
        y1="0"
        x2="0"
        y2="8"
        stroke={assignmentHex["best-effort"].stroke}
        strokeWidth="2.5"
        strokeOpacity="0.32"
      />
    </pattern>
  );
}

function Lines({ lines, ...props }: { lines: readonly TextLine[] } & SVGProps<SVGTextElement>) {
  return (
    <>
      {lines.map((line, i) => (
        <text key={i} x={line.x} y={line.y} {...props}>
          {line.text}
        </text>
      ))}
    </>
  );
}

function Chip({
  x,
  y,
  w,
  h,
  symbol,
  stroke,
  text,
}: {
  x: number;
  y: number;
  w: number;
  h: number;
  symbol: string;
  stroke: string;
  text: string;
}) {
  return (
    <g>
      <rect x={x} y={y} width={w} height={h} rx="3" fill="#ffffff" stroke={stroke} strokeWidth="1.25" />
      <text
        x={x + w / 2}
        y={y + h / 2 + 4}
        textAnchor="middle"
        fontSize={dm.smallFontSize}
        fontWeight="700"
        fill={text}
        fontFamily='ui-monospace, "SFMono-Regular", Menlo, monospace'
      >
        {symbol}
      </text>
    </g>
  );
}

function Box({ box, hatchId }: { box: DiagramBox; hatchId: string }) {
  const c = colours(box.assignment, box.unassigned);
  const strokeDasharray = dash(box);
  const strokeWidth = box.overridden ? 2.5 : 1.25;
  const front = box.cards[box.cards.length - 1];
  return (
    <g>
      <title>{box.summary}</title>
      {box.cards.map((card, i) => (
        <rect
          key={i}
          x={card.x + 0.5}
          y={card.y + 0.5}
          width={card.w - 1}
          height={card.h - 1}
          rx="5"
          fill={c.fill}
          stroke={c.stroke}
          strokeWidth={card === front ? strokeWidth : 1}
          strokeDasharray={strokeDasharray}
        />
      ))}
      {box.bestEffort && front ? (
        <rect
          x={front.x + 0.5}
          y={front.y + 0.5}
          width={front.w - 1}
          height={front.h - 1}
          rx="5"
          fill={`url(#${hatchId})`}
        />
      ) : null}
      <Chip {...box.chip} stroke={c.stroke} text={c.text} />
      <Lines lines={box.lines} fontSize={dm.fontSize} fontWeight="600" fill={c.text} />
      <Lines lines={box.partyLines} fontSize={dm.smallFontSize} fill="#334155" />
      {box.instanceLabel ? (
        <Lines lines={[box.instanceLabel]} fontSize={dm.smallFontSize} fontWeight="700" fill={c.text} />
      ) : null}
      {box.overrideMark ? (
        <Lines lines={[box.overrideMark]} fontSize={dm.bandFontSize} fontWeight="700" fill={c.text} />
      ) : null}
    </g>
  );
}

function Band({ band, hatchId }: { band: DiagramBand; hatchId: string }) {
  const c = colours(band.assignment, band.unassigned);
  return (
    <g>
      <rect
        x={band.x + 0.5}
        y={band.y + 0.5}
        width={band.w - 1}
        height={band.h - 1}
        rx="8"
        fill={c.fill}
        fillOpacity={band.assignment ? 0.55 : 1}
        stroke={c.stroke}
        strokeWidth="1.5"
        strokeDasharray={dash(band)}
      />
      {band.bestEffort ? (
        <rect
          x={band.x + 0.5}
          y={band.y + 0.5}
          width={band.w - 1}
          height={band.h - 1}
          rx="8"
          fill={`url(#${hatchId})`}
        />
      ) : null}
      <Lines lines={band.lines} fontSize={dm.bandFontSize} fontWeight="700" fill={c.text} />
      {band.chip ? <Chip {...band.chip} stroke={c.stroke} text={c.text} /> : null}
      <Lines lines={band.assignmentLines} fontSize={dm.smallFontSize} fill={c.text} />
      {band.boxes.map((box) => (
        <Box key={box.key} box={box} hatchId={hatchId} />
      ))}
    </g>
  );
}

/** Small swatch repeating the box style (fill, hatch, dashes) next to each legend badge. */
function Swatch({ assignment, patternId }: { assignment: AssignmentValue | null; patternId: string }) {
  const c = colours(assignment, assignment === null);
  const flags: StyleFlags = {
    bestEffort: assignment === "best-effort",
    thirdParty: assignment === "third-party",
    unassigned: assignment === null,
    overridden: false,
  };
  return (
    <svg width="28" height="16" viewBox="0 0 28 16" aria-hidden="true" focusable="false" className="shrink-0">
      {flags.bestEffort ? (
        <defs>
          <HatchPattern id={patternId} />
        </defs>
      ) : null}
      <rect
        x="1"
        y="1"
        width="26"
        height="14"
        rx="3"
        fill={c.fill}
        stroke={c.stroke}
        strokeWidth="1.25"
        strokeDasharray={dash(flags)}
      />
      {flags.bestEffort ? <rect x="1" y="1" width="26" height="14" rx="3" fill={`url(#${patternId})`} /> : null}
    </svg>
  );
}

/**
 * The drawing is laid out for the width it is shown at, so its text stays readable (12 px and up) instead
 * of being scaled down: one layout per breakpoint, only one of them displayed (the others are
 * `display: none`, so assistive tech meets one). A prebuilt `diagram` is drawn as it is.
 */
const layouts = [
  { key: "narrow", width: 280, className: "sm:hidden" },
  { key: "medium", width: 560, className: "hidden sm:block lg:hidden" },
  { key: "wide", width: diagramMetrics.defaultWidth, className: "hidden lg:block" },
] as const;

function Drawing({ diagram, id, className }: { diagram: StackDiagramModel; id: string; className?: string }) {
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const hatchId = `${id}-hatch`;
  return (
    <svg
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      viewBox={`0 0 ${diagram.width} ${diagram.height}`}
      width={diagram.width}
      height={diagram.height}
      preserveAspectRatio="xMidYMin meet"
      fontFamily={FONT}
      className={`h-auto w-full max-w-full ${className ?? "block"}`}
      style={{ printColorAdjust: "exact", WebkitPrintColorAdjust: "exact" }}
    >
      <title id={titleId}>{diagram.title}</title>
      <desc id={descId}>{diagram.desc}</desc>
      <defs>
        <HatchPattern id={hatchId} />
      </defs>
      {diagram.bands.map((band) => (
        <Band key={band.key} band={band} hatchId={hatchId} />
      ))}
    </svg>
  );
}

export function StackDiagram(props: StackDiagramProps) {
  const base = safeId(props.id);
  const drawings =
    "diagram" in props
      ? [{ key: "given", diagram: props.diagram, className: undefined }]
      : props.width !== undefined
        ? [{ key: "given", diagram: buildStackDiagram(props), className: undefined }]
        : layouts.map((layout) => ({
            key: layout.key,
            className: layout.className,
            diagram: buildStackDiagram({ ...props, width: layout.width }),
          }));
  const diagram = drawings[drawings.length - 1]!.diagram;
  if (!diagram.bands.length) return null;
  const showLegend = props.legend ?? true;

  return (
    <figure className={`break-inside-avoid ${props.className ?? ""}`.trim()}>
      {drawings.map((drawing) => (
        <Drawing
          key={drawing.key}
          diagram={drawing.diagram}
          id={drawings.length > 1 ? `${base}-${drawing.key}` : base}
          className={drawing.className}
        />
      ))}
      {showLegend ? (
        <ul className="mt-3 flex flex-wrap gap-x-5 gap-y-2 text-xs text-slate-700" aria-label="Legend">
          {diagram.legend.map((entry) => (
            <li key={entry.assignment ?? "unassigned"} className="flex min-w-0 items-center gap-2">
              <Swatch assignment={entry.assignment} patternId={`${base}-legend-hatch`} />
              <AssignmentBadge assignment={entry.assignment} detail={entry.partyGroups.join(", ") || undefined} />
            </li>
          ))}
          {diagram.hasStacks ? (
            <li className="flex items-center gap-2">
              <span className="font-semibold">×n</span> several instances
            </li>
          ) : null}
          {diagram.hasOverrides ? (
            <li className="flex items-center gap-2">
              <span className="font-semibold" aria-hidden="true">
                *
              </span>
              <span>differs from the default under this deployment model (bold border)</span>
            </li>
          ) : null}
        </ul>
      ) : null}
      <figcaption className="mt-2 text-sm text-slate-600">{props.caption ?? diagram.title}</figcaption>
    </figure>
  );
}
