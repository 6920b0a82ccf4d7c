// Draws a tagged table row by row onto the page flow: the header row is repeated (as an artifact,
// so it is read once) at the top of every page the table continues on, a row is never split unless
// it is taller than a page (then it is cut between lines), and every block of a cell becomes its
// structure element (Table > THead/TBody > TR > TH/TD > P | L > LI > LBody).
import type { PdfFlow } from "./flow";
import { cellPadX, cellPadY } from "./matrix-cells";
import type { Block, CellLayout, Run } from "./matrix-layout";
import {
  artifact,
  ascent,
  drawLine,
  markedContent,
  structElement,
  setFont,
  type StructElement,
  type StructOptions,
} from "./pdfkit-adapter";
import { drawChip } from "./swatch";
import { bodyBottom, bodyTop, colors } from "./theme";

export interface TableCell {
  x: number;
  width: number;
  layout: CellLayout;
  type: "TD" | "TH";
  struct?: StructOptions;
}

export interface TableRow {
  cells: TableCell[];
  /** Tallest cell's content, without padding. */
  contentHeight: number;
  fill?: string;
}

export function tableRow(cells: TableCell[], fill?: string): TableRow {
  return { cells, contentHeight: Math.max(0, ...cells.map((c) => c.layout.height)), fill };
}

export const rowHeight = (row: TableRow) => row.contentHeight + 2 * cellPadY;

/** Structure elements of a row, created when its first slice is drawn. */
interface RowTags {
  tr: StructElement;
  cells: StructElement[];
  blocks: Map<Block, StructElement>;
  lists: Map<string, StructElement>;
}

export class TableWriter {
  private readonly table: StructElement;
  private readonly head: StructElement;
  private readonly body: StructElement;
  private headerPage = -1;

  constructor(
    private readonly flow: PdfFlow,
    parent: StructElement,
    private readonly header: TableRow,
    private readonly width: number,
  ) {
    this.table = structElement(flow.doc, "Table");
    parent.add(this.table);
    this.head = structElement(flow.doc, "THead");
    this.table.add(this.head);
    this.body = structElement(flow.doc, "TBody");
    this.table.add(this.body);
  }

  /** Draws the header (tagged) where the table starts, leaving room for `leadHeight` under it. */
  start(leadHeight: number): void {
    this.flow.ensure(rowHeight(this.header) + leadHeight);
    this.drawRow(this.header, this.head, 0, this.header.contentHeight);
    this.headerPage = this.flow.pageIndex;
    this.head.end();
  }

  /** Adds a row; `keepWith` is room to keep below it (a group heading stays with its first row). */
  add(row: TableRow, keepWith = 0): void {
    const { flow } = this;
    const height = rowHeight(row);
    const pageRoom = bodyBottom - bodyTop - rowHeight(this.header);
    if (flow.y + height + keepWith > bodyBottom && height + keepWith <= pageRoom) this.continueOnNewPage();
    if (flow.y + height <= bodyBottom) {
      this.drawRow(row, this.body, 0, row.contentHeight);
      return;
    }
    // Taller than what is left of a page: cut between lines, continuing under a repeated header.
    let from = 0;
    let tags: RowTags | undefined;
    while (from < row.contentHeight) {
      const room = bodyBottom - flow.y - 2 * cellPadY;
      if (room < 30) {
        this.continueOnNewPage();
        continue;
      }
      const to = cutBetweenLines(row, from, from + room);
      tags = this.drawRow(row, this.body, from, to, tags, false);
      from = to;
      if (from < row.contentHeight) this.continueOnNewPage();
    }
    tags?.tr.end();
  }

  finish(): void {
    this.body.end();
    this.table.end();
    this.flow.y += 6;
  }

  private continueOnNewPage(): void {
    this.flow.newPage();
    if (this.headerPage === this.flow.pageIndex) return;
    // The repeated header is pagination furniture: tagged once (THead), drawn again as an artifact.
    const y = this.flow.y;
    artifact(this.flow.doc, "Pagination", () => {
      this.drawBackground(this.header, y, rowHeight(this.header));
      for (const cell of this.header.cells)
        for (const block of cell.layout.blocks) this.drawRuns(block.runs, cell, y, 0);
    });
    this.flow.y += rowHeight(this.header);
    this.headerPage = this.flow.pageIndex;
  }

  /** Draws the part of a row between content offsets `from` and `to` at the cursor. */
  private drawRow(
    row: TableRow,
    section: StructElement,
    from: number,
    to: number,
    existing?: RowTags,
    endRow = true,
  ): RowTags {
    const { flow } = this;
    const { doc } = flow;
    const y = flow.y;
    const height = to - from + 2 * cellPadY;
    const inSlice = (top: number) => top >= from && top < to;
    artifact(doc, "Layout", () => {
      this.drawBackground(row, y, height);
      for (const cell of row.cells)
        for (const block of cell.layout.blocks)
          for (const mark of block.marks) {
            if (!inSlice(mark.y)) continue;
            const x = flow.left + cell.x + cellPadX + mark.x;
            const top = y + cellPadY + mark.y - from;
            if (mark.kind === "chip") drawChip(flow, x, top, mark.size, mark.assignment);
            else flow.drawAtBaseline("•", x, top + mark.baseline - mark.y, "regular", mark.style.size, colors.faint);
          }
    });
    let tags = existing;
    if (!tags) {
      const tr = structElement(doc, "TR");
      section.add(tr);
      const cells = row.cells.map((cell) => {
        const element = structElement(doc, cell.type, cell.struct);
        tr.add(element);
        return element;
      });
      tags = { tr, cells, blocks: new Map(), lists: new Map() };
    }
    const rowTags = tags;
    row.cells.forEach((cell, index) => {
      const cellTag = rowTags.cells[index];
      if (!cellTag) return;
      for (const block of cell.layout.blocks) {
        const runs = block.runs.filter((run) => inSlice(run.y));
        if (!runs.length) continue;
        const target = block.tag === null ? cellTag : this.blockTag(rowTags, cellTag, index, block);
        const tag = block.tag === null ? cell.type : block.tag === "LI" ? "LBody" : "P";
        markedContent(doc, target, tag, () => this.drawRuns(runs, cell, y, from));
      }
    });
    if (endRow) rowTags.tr.end();
    flow.y += height;
    return rowTags;
  }

  /** The element a block's content goes into: P, or LBody in LI in the cell's list. */
  private blockTag(tags: RowTags, cellTag: StructElement, cellIndex: number, block: Block): StructElement {
    const found = tags.blocks.get(block);
    if (found) return found;
    const { doc } = this.flow;
    let element: StructElement;
    if (block.tag === "LI") {
      const listKey = `${cellIndex}:${block.list ?? 0}`;
      let list = tags.lists.get(listKey);
      if (!list) {
        list = structElement(doc, "L");
        cellTag.add(list);
        tags.lists.set(listKey, list);
      }
      const item = structElement(doc, "LI");
      list.add(item);
      element = structElement(doc, "LBody", block.struct);
      item.add(element);
    } else {
      element = structElement(doc, "P", block.struct);
      cellTag.add(element);
    }
    tags.blocks.set(block, element);
    return element;
  }

  private drawRuns(runs: readonly Run[], cell: TableCell, y: number, from: number): void {
    const { doc, left } = this.flow;
    // Runs of a block mostly share one style: set font and colour only when they change.
    let style: Run["style"] | undefined;
    for (const run of runs) {
      const x = left + cell.x + cellPadX + run.x;
      const baseline = y + cellPadY + run.baseline - from;
      if (run.style.font !== style?.font || run.style.size !== style.size) setFont(doc, run.style.font, run.style.size);
      this.flow.fill(run.style.color);
      style = run.style;
      drawLine(doc, run.text, x, baseline - ascent(doc, run.style.size), run.width);
      if (run.strike) {
        const strikeY = baseline - run.style.size * 0.3;
        doc
          .moveTo(x, strikeY)
          .lineTo(x + run.width, strikeY)
          .lineWidth(0.5)
          .strokeColor(run.style.color)
          .stroke();
      }
    }
  }

  private drawBackground(row: TableRow, y: number, height: number): void {
    const { doc, left } = this.flow;
    if (row.fill) {
      this.flow.fill(row.fill);
      doc.rect(left, y, this.width, height).fill();
    }
    doc.lineWidth(0.5).strokeColor(colors.rule);
    doc.moveTo(left, y + height).lineTo(left + this.width, y + height);
    for (const cell of row.cells.slice(1)) doc.moveTo(left + cell.x, y).lineTo(left + cell.x, y + height);
    doc.stroke();
  }
}

/** The lowest offset ≤ `limit` that cuts no line of any cell in two. */
function cutBetweenLines(row: TableRow, from: number, limit: number): number {
  if (limit >= row.contentHeight) return row.contentHeight;
  let cut = limit;
  for (let changed = true; changed;) {
    changed = false;
    for (const cell of row.cells)
      for (const block of cell.layout.blocks)
        for (const run of block.runs)
          if (run.y < cut && run.y + run.style.line > cut && run.y > from) {
            cut = run.y;
            changed = true;
          }
  }
  return cut > from ? cut : limit;
}
