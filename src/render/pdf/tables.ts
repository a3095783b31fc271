/**
 * Tables: borders, row and column spans (HTML semantics: a row lists only the cells starting in
 * it), cell text wrapped with the same line-breaking rules as the body, vertically centred;
 * rows tied together by a row span never split across pages; a row taller than a page is split
 * line by line over pages; the header rows repeat at the top of every page the table continues on.
 */
import { BODY_STYLE, TABLE_STYLE, tableCellPadding } from "../../document/layout.js";
import { rowsKeptWithNext, spanGrid, type PlacedCell as GridPlacedCell } from "../../document/grid.js";
import type { TableBlock } from "../../document/tree.js";
import { BASELINE_IN_EM, type Flow, type PageItem } from "./layout.js";
import { breakParagraph, type BrokenLine } from "./paragraph.js";
import type { ShapeStyle, Shaper } from "./text.js";

const BORDER = 0.5;
const LINE_HEIGHT = 1.5;

export interface PlacedCell extends GridPlacedCell {
  lines: BrokenLine[];
  contentH: number;
}

/**
 * The left edges of the columns and the table's right edge (nCols + 1 values from 0 to `width`):
 * the relative column widths when given for every column and positive, else equal columns.
 */
export function columnEdges(
  columnWidths: readonly number[] | undefined,
  nCols: number,
  width: number,
): number[] {
  const rel =
    columnWidths && columnWidths.length === nCols && columnWidths.every((w) => w > 0)
      ? columnWidths
      : Array<number>(nCols).fill(1);
  const relSum = rel.reduce((a, b) => a + b, 0);
  const colW = rel.map((w) => (w / relSum) * width);
  const colX = [0];
  for (const w of colW) colX.push(colX[colX.length - 1]! + w);
  return colX;
}

/**
 * Row heights: at least one line and the frame; a row as high as its tallest single-row cell;
 * a cell spanning rows that needs more than its rows give adds the rest to its last row.
 */
export function rowHeights(
  cells: readonly { row: number; rowSpan: number; contentH: number }[],
  nRows: number,
  lineH: number,
  frame: number,
): number[] {
  const rowH = Array<number>(nRows).fill(lineH + frame);
  for (const pc of cells) if (pc.rowSpan === 1) rowH[pc.row] = Math.max(rowH[pc.row]!, pc.contentH + frame);
  for (const pc of cells) {
    if (pc.rowSpan === 1) continue;
    let h = 0;
    for (let i = pc.row; i < pc.row + pc.rowSpan; i++) h += rowH[i]!;
    const need = pc.contentH + frame - h;
    if (need > 0) rowH[pc.row + pc.rowSpan - 1]! += need;
  }
  return rowH;
}

/** What the drawing and page-breaking steps of one table share: its measures and its cells. */
export interface TableMeasures {
  /** Font size of the cell text. */
  size: number;
  /** Cell margins (whole twips, as the DOCX writes them). */
  padX: number;
  padY: number;
  /** Margins and one border width: what a row adds to its lines. */
  frame: number;
  lineH: number;
  /** Column edges (columnEdges) and row heights (rowHeights). */
  colX: readonly number[];
  rowH: readonly number[];
  cells: readonly PlacedCell[];
}

/** The four borders of a cell's box. */
export function drawCellBorders(items: PageItem[], x0: number, y0: number, x1: number, y1: number): void {
  items.push({ type: "rule", x1: x0, y1: y0, x2: x1, y2: y0, width: BORDER });
  items.push({ type: "rule", x1: x0, y1: y1, x2: x1, y2: y1, width: BORDER });
  items.push({ type: "rule", x1: x0, y1: y0, x2: x0, y2: y1, width: BORDER });
  items.push({ type: "rule", x1: x1, y1: y0, x2: x1, y2: y1, width: BORDER });
}

/** Lines of cell text from `top` down, one line height each, at `left` (an empty line takes its height). */
export function drawCellLines(
  items: PageItem[],
  lines: readonly BrokenLine[],
  left: number,
  top: number,
  m: Pick<TableMeasures, "lineH" | "size">,
): void {
  let ly = top;
  for (const l of lines) {
    if (l.glyphs.length)
      items.push({
        type: "text",
        baseline: ly + (m.lineH - m.size) / 2 + BASELINE_IN_EM * m.size,
        left,
        glyphs: l.glyphs,
      });
    ly += m.lineH;
  }
}

/** Wrap each cell's text to its width (between the column edges, less the margins). */
export function wrapCells(shaper: Shaper, t: TableBlock, cells: PlacedCell[], m: TableMeasures): void {
  const style: ShapeStyle = { role: TABLE_STYLE.font, size: m.size, bold: false };
  for (const pc of cells) {
    const width = m.colX[pc.col + pc.colSpan]! - m.colX[pc.col]! - 2 * m.padX;
    const header = pc.row < t.headerRows;
    const align = pc.cell.align ?? (header ? "center" : "justify");
    const paras = pc.cell.paragraphs.length ? pc.cell.paragraphs : [[]];
    for (const runs of paras) {
      // Off the character grid: the DOCX sets table text uncondensed.
      const glyphs = shaper.shapeRuns(runs, style, false);
      for (const line of breakParagraph(glyphs, {
        width,
        firstIndent: 0,
        restIndent: 0,
        align,
        avoidLoneCharacter: false,
      }))
        pc.lines.push(line);
    }
    pc.contentH = pc.lines.length * m.lineH;
  }
}

/** The height of rows [a, b]. */
export function rowsHeight(rowH: readonly number[], a: number, b: number): number {
  let h = 0;
  for (let i = a; i <= b; i++) h += rowH[i]!;
  return h;
}

/**
 * The last row of the group starting at `start`: the rows its row spans tie to it (and, with
 * `withTies`, a body row kept with the next: a sub-heading with its first data row).
 */
export function groupEnd(
  cells: readonly PlacedCell[],
  tied: readonly boolean[],
  nRows: number,
  start: number,
  withTies = false,
): number {
  let end = start;
  for (let r = start; r <= end; r++) {
    for (const pc of cells) if (pc.row === r) end = Math.max(end, r + pc.rowSpan - 1);
    if (withTies && tied[r] && r + 1 < nRows) end = Math.max(end, r + 1);
  }
  return end;
}

/** Cells running on across the boundary between row b and row b + 1 (a kept-with-next body row counts one). */
export function crossing(
  cells: readonly PlacedCell[],
  tied: readonly boolean[],
  headerCount: number,
  b: number,
): number {
  let n = 0;
  for (const pc of cells) if (pc.row <= b && pc.row + pc.rowSpan - 1 > b) n++;
  if (b >= headerCount && tied[b]) n++;
  return n;
}

/**
 * Draw rows [a, b] with the top of row a at `top` (page coordinates), the table's left edge at
 * `left`: one piece, so a cell spanning rows is drawn once, with no rule inside it, and its text
 * is centred in the part of the span in the piece where it starts.
 */
export function drawPiece(
  items: PageItem[],
  left: number,
  m: TableMeasures,
  a: number,
  b: number,
  top: number,
): void {
  const rowTop: number[] = [];
  let y = top;
  for (let r = a; r <= b; r++) {
    rowTop[r] = y;
    y += m.rowH[r]!;
  }
  const bottom = y;
  for (const pc of m.cells) {
    const last = pc.row + pc.rowSpan - 1;
    if (last < a || pc.row > b) continue;
    const r0 = Math.max(pc.row, a);
    const r1 = Math.min(last, b);
    const y0 = rowTop[r0]!;
    const y1 = r1 === b ? bottom : rowTop[r1 + 1]!;
    const x0 = left + m.colX[pc.col]!;
    const x1 = left + m.colX[pc.col + pc.colSpan]!;
    drawCellBorders(items, x0, y0, x1, y1);
    if (r0 !== pc.row) continue; // text only where the cell starts
    const cellH = y1 - y0;
    drawCellLines(items, pc.lines, x0 + m.padX, y0 + Math.max(m.padY, (cellH - pc.contentH) / 2), m);
  }
}

/**
 * Places a table's rows on the pages of a flow. Rows are placed on the current page first and
 * drawn when the page is left (flush): the rows of one page form one piece (drawPiece).
 */
export class TablePager {
  private piece: { a: number; b: number; top: number } | undefined;
  /** Has a row been placed (else a page break is the flow's own, carrying a caption along)? */
  private started = false;
  readonly headerH: number;
  private readonly nRows: number;

  constructor(
    private readonly flow: Flow,
    private readonly m: TableMeasures,
    /** Header rows (with the rows their spans tie to them), repeated on every page. */
    readonly headerCount: number,
    private readonly tied: readonly boolean[],
  ) {
    this.headerH = headerCount > 0 ? rowsHeight(m.rowH, 0, headerCount - 1) : 0;
    this.nRows = m.rowH.length;
  }

  /** Does a height `h` still fit on the page? */
  fits(h: number): boolean {
    return this.flow.y + h <= this.flow.areaH + 0.01;
  }

  /** Place rows [a, b] below what is there (joining the page's piece when they follow it). */
  place(a: number, b: number): void {
    this.started = true;
    if (this.piece && this.piece.b === a - 1) this.piece.b = b;
    else {
      this.flush();
      this.piece = { a, b, top: this.flow.top + this.flow.y };
    }
    this.flow.y += rowsHeight(this.m.rowH, a, b);
  }

  /** Draw the rows placed on the page. */
  flush(): void {
    if (!this.piece) return;
    const { a, b, top } = this.piece;
    this.piece = undefined;
    drawPiece(this.flow.page.items, this.flow.left, this.m, a, b, top);
  }

  /** The header rows, moved on with what follows them when they and the first group do not fit. */
  placeHeader(): void {
    const { headerCount, nRows } = this;
    if (headerCount === 0) return;
    const firstGroupH =
      headerCount < nRows
        ? rowsHeight(this.m.rowH, headerCount, groupEnd(this.m.cells, this.tied, nRows, headerCount, true))
        : 0;
    // Moving on: a heading or caption right above goes with the table (Flow.breakPage).
    if (!this.fits(this.headerH + firstGroupH) && !this.flow.atPageTop) this.flow.breakPage();
    this.place(0, headerCount - 1);
  }

  /** A new page, the header rows repeated on it (before the first row: the flow's own break). */
  newPageWithHeader(): void {
    this.flush();
    if (!this.started) {
      this.flow.breakPage();
      return;
    }
    this.flow.newPage();
    if (this.headerCount > 0) {
      this.place(0, this.headerCount - 1);
      this.flush();
    }
  }

  /**
   * Place rows [a, end]. They are split where the fewest cells run on (between the groups of rows
   * that spans tie together; inside a span only between its inner groups); a group that does not
   * fit moves to the next page when it fits there; a group taller than a page is placed by its
   * own inner groups, down to single rows.
   */
  placeRows(a: number, end: number): void {
    const { flow, m, headerH } = this;
    let base = Infinity;
    for (let b = a; b < end; b++) base = Math.min(base, crossing(m.cells, this.tied, this.headerCount, b));
    let s = a;
    while (s <= end) {
      let e = s;
      while (e < end && crossing(m.cells, this.tied, this.headerCount, e) !== base) e++;
      const h = rowsHeight(m.rowH, s, e);
      if (!this.fits(h) && h <= flow.areaH - headerH) this.newPageWithHeader();
      if (this.fits(h)) this.place(s, e);
      else if (e > s) this.placeRows(s, e);
      else if (m.rowH[s]! > flow.areaH - headerH + 0.01) this.drawTallRow(s);
      else {
        this.newPageWithHeader();
        this.place(s, s);
      }
      s = e + 1;
    }
  }

  /**
   * A row taller than a page (even below a repeated header): its cells' lines are shared out over
   * as many pages as it takes, starting where the table is (when two lines fit there), the header
   * rows repeated on each page, each piece closed by its own borders; text is set from the top of
   * each piece. The text of a cell that spans several rows is not split (it is set in the first
   * piece).
   */
  drawTallRow(r: number): void {
    const { flow, m } = this;
    this.flush();
    const starting = m.cells.filter((pc) => pc.row === r);
    const covering = m.cells.filter((pc) => pc.row <= r && pc.row + pc.rowSpan - 1 >= r);
    const split = starting.filter((pc) => pc.rowSpan === 1);
    const done = new Map<PlacedCell, number>(split.map((pc) => [pc, 0]));
    const fitting = (): number => Math.floor((flow.areaH - flow.y - m.frame) / m.lineH + 1e-6);
    if (fitting() < 2 && !flow.atPageTop) this.newPageWithHeader();
    let first = true;
    for (;;) {
      const k = Math.max(1, fitting());
      const remaining = Math.max(0, ...split.map((pc) => pc.lines.length - done.get(pc)!));
      const last = remaining <= k;
      const n = last ? remaining : k;
      const h = Math.max(n * m.lineH + m.frame, last ? m.lineH + m.frame : 0);
      const y0 = flow.top + flow.y;
      const y1 = y0 + h;
      const items = flow.page.items;
      for (const pc of covering) {
        const x0 = flow.left + m.colX[pc.col]!;
        const x1 = flow.left + m.colX[pc.col + pc.colSpan]!;
        drawCellBorders(items, x0, y0, x1, y1);
        const from = done.get(pc);
        const lines =
          from !== undefined ? pc.lines.slice(from, from + n) : first && pc.row === r ? pc.lines : [];
        drawCellLines(items, lines, x0 + m.padX, y0 + m.padY, m);
        if (from !== undefined) done.set(pc, Math.min(pc.lines.length, from + n));
      }
      flow.y += h;
      if (last) return;
      this.newPageWithHeader();
      first = false;
    }
  }
}

export function layoutTable(flow: Flow, shaper: Shaper, t: TableBlock): void {
  const size = t.fontSize ?? TABLE_STYLE.sizePt;
  // Cell margins in whole twips, as the DOCX writes them; a row is its lines, the margins and
  // one border width high, as LibreOffice lays out the DOCX (it adds the border to the margins).
  const pad = tableCellPadding(size);
  const padX = Math.round(pad.x * 20) / 20;
  const padY = Math.round(pad.y * 20) / 20;
  const frame = 2 * padY + BORDER;
  const lineH = size * LINE_HEIGHT;
  const nRows = t.rows.length;
  if (nRows === 0) return;

  // Place cells on the grid.
  const grid = spanGrid(t);
  const cells: PlacedCell[] = grid.cells.map((pc) => ({ ...pc, lines: [], contentH: 0 }));
  const nCols = grid.columns;
  if (nCols === 0) return;

  const colX = columnEdges(t.columnWidths, nCols, flow.areaW);
  const measures = { size, padX, padY, frame, lineH, colX, rowH: [] as number[], cells };
  wrapCells(shaper, t, cells, measures);
  measures.rowH = rowHeights(cells, nRows, lineH, frame);

  // Body rows kept with the next (a sub-heading with its header and first data row).
  const tied = rowsKeptWithNext(t);
  const headerCount =
    t.headerRows > 0 ? groupEnd(cells, tied, nRows, Math.min(t.headerRows, nRows) - 1) + 1 : 0;

  if (t.caption) {
    const cap = breakParagraph(
      shaper.shape(t.caption, { role: BODY_STYLE.font, size: BODY_STYLE.sizePt, bold: false }),
      {
        width: flow.areaW,
        firstIndent: 0,
        restIndent: 0,
        align: "center",
      },
    );
    for (const l of cap) flow.textLine(l, BODY_STYLE.sizePt);
  }

  const pager = new TablePager(flow, measures, headerCount, tied);
  pager.placeHeader();
  if (headerCount < nRows) pager.placeRows(headerCount, nRows - 1);
  pager.flush();
  flow.snap();
  if (flow.y > flow.areaH - 0.01) flow.newPage();
}
