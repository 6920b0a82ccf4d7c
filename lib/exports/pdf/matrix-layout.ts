// The measured layout of one matrix cell: text runs and decorations at coordinates relative to the
// cell's content box, grouped in blocks that become structure elements (P, or LI in a list). Rows
// are measured completely before drawing, so a row can be kept whole, or, when taller than a page,
// cut between lines.
import type { AssignmentValue } from "@/lib/domain/assignment";
import type { TextStyle } from "./flow";
import type { StructOptions } from "./pdfkit-adapter";
import type { TextMeasure } from "./text-wrap";
import { colors, fontAscent, fontDescent, type as typeScale } from "./theme";

export interface Run {
  text: string;
  x: number;
  /** Top of the line box (where a row may be cut). */
  y: number;
  /** Baseline; a prefix in a smaller size shares the baseline of the text it precedes. */
  baseline: number;
  width: number;
  style: TextStyle;
  strike?: boolean;
}

export type Mark =
  | { kind: "chip"; x: number; y: number; size: number; assignment: AssignmentValue }
  | { kind: "bullet"; x: number; y: number; baseline: number; style: TextStyle };

export interface Block {
  /** Structure type, or null: the content goes directly into the cell element. */
  tag: "P" | "LI" | null;
  /** LI blocks with the same list number share one L element. */
  list?: number;
  runs: Run[];
  /** Decorations drawn as artifacts (their meaning is in the runs' words). */
  marks: Mark[];
  struct?: StructOptions;
}

export interface CellLayout {
  blocks: Block[];
  height: number;
}

export const cellStyles = {
  text: { font: "regular", ...typeScale.table, color: colors.text },
  bold: { font: "bold", ...typeScale.table, color: colors.text },
  small: { font: "regular", ...typeScale.tableSmall, color: colors.muted },
  smallBold: { font: "bold", ...typeScale.tableSmall, color: colors.muted },
  smallOblique: { font: "oblique", ...typeScale.tableSmall, color: colors.muted },
} as const satisfies Record<string, TextStyle>;

/** Builds a cell top to bottom: each call appends a block under the previous one. */
export class CellBuilder {
  readonly blocks: Block[] = [];
  private y = 0;

  constructor(
    private readonly measure: TextMeasure,
    readonly width: number,
  ) {}

  /** Wrapped text, optionally after a prefix in another font ("Should:", "Interpretation:"). */
  text(
    text: string,
    style: TextStyle,
    options: {
      prefix?: { text: string; style: TextStyle };
      indent?: number;
      gapBefore?: number;
      strike?: boolean;
      struct?: StructOptions;
    } = {},
  ): Block {
    const { indent = 0 } = options;
    if (this.blocks.length) this.y += options.gapBefore ?? 2;
    const runs: Run[] = [];
    const firstBaseline = this.y + baselineOffset(style);
    let firstIndent = 0;
    if (options.prefix) {
      const { text: prefixText, style: prefixStyle } = options.prefix;
      const width = this.measure.width(prefixText, prefixStyle.font, prefixStyle.size);
      // The space after the prefix is drawn too, for text read through the structure tree.
      const text = `${prefixText} `;
      runs.push({ text, x: indent, y: this.y, baseline: firstBaseline, width, style: prefixStyle });
      firstIndent = width + this.measure.width(" ", style.font, style.size);
    }
    const lines = this.measure.wrap(text, {
      font: style.font,
      size: style.size,
      width: this.width - indent,
      firstIndent,
    });
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (!line?.text.trim()) continue;
      const x = indent + (i === 0 ? firstIndent : 0);
      const y = this.y + i * style.line;
      const baseline = firstBaseline + i * style.line;
      runs.push({ text: line.text, x, y, baseline, width: line.width, style, strike: options.strike });
    }
    const block: Block = { tag: "P", runs, marks: [], struct: options.struct };
    this.blocks.push(block);
    this.y += Math.max(1, lines.length) * style.line;
    return block;
  }

  /** A list item with a bullet (the bullet is decoration; the list structure says it is an item). */
  item(list: number, text: string, style: TextStyle, options: Parameters<CellBuilder["text"]>[2] = {}): Block {
    const block = this.text(text, style, { ...options, indent: 7, gapBefore: options.gapBefore ?? 1.5 });
    block.tag = "LI";
    block.list = list;
    const first = block.runs[0];
    if (first) block.marks.push({ kind: "bullet", x: 0.5, y: first.y, baseline: first.baseline, style });
    return block;
  }

  /** Marks a cell that holds a single paragraph and no list: its content joins the cell element directly. */
  done(): CellLayout {
    const only = this.blocks.length === 1 ? this.blocks[0] : undefined;
    if (only && only.tag === "P" && !only.struct) only.tag = null;
    return { blocks: this.blocks, height: this.y };
  }
}

/** Baseline below a line's top when the glyphs are centred in the line box (DejaVu's ascent/descent). */
export function baselineOffset(style: TextStyle): number {
  return (style.line - style.size * (fontAscent + fontDescent)) / 2 + style.size * fontAscent;
}
