/**
 * Tables: borders, row and column spans (HTML semantics: a row lists only the cells starting in
 * it), cell text wrapped with the same line-breaking rules as the body, vertically centred;
 * rows tied together by a row span never split across pages; a row taller than a page is split
 * line by line over pages; the header rows repeat at the top of every page the table continues on.
 */
import { BODY_STYLE, TABLE_STYLE, tableCellPadding } from "../../document/layout.js";
import { rowsKeptWithNext, spanGrid, type PlacedCell as GridPlacedCell } from "../../document/grid.js";
import type { TableBlock } from "../../document/tree.js";
import { BASELINE_IN_EM, type Flow } from "./layout.js";
import { breakParagraph, type BrokenLine } from "./paragraph.js";
import type { ShapeStyle, Shaper } from "./text.js";

const BORDER = 0.5;
const LINE_HEIGHT = 1.5;

interface PlacedCell extends GridPlacedCell {
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

export function layoutTable(flow: Flow, shaper: Shaper, t: TableBlock): void {
  const size = t.fontSize ?? TABLE_STYLE.sizePt;
  const style: ShapeStyle = { role: TABLE_STYLE.font, size, bold: false };
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

  // Wrap cell text.
  for (const pc of cells) {
    const width = colX[pc.col + pc.colSpan]! - colX[pc.col]! - 2 * padX;
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
    pc.contentH = pc.lines.length * lineH;
  }

  const rowH = rowHeights(cells, nRows, lineH, frame);

  // Groups of rows tied by row spans.
  // Body rows kept with the next (a sub-heading with its header and first data row).
  const tied = rowsKeptWithNext(t);
  const groupEnd = (start: number, withTies = false): number => {
    let end = start;
    for (let r = start; r <= end; r++) {
      for (const pc of cells) if (pc.row === r) end = Math.max(end, r + pc.rowSpan - 1);
      if (withTies && tied[r] && r + 1 < nRows) end = Math.max(end, r + 1);
    }
    return end;
  };
  const headerCount = t.headerRows > 0 ? groupEnd(Math.min(t.headerRows, nRows) - 1) + 1 : 0;
  const sumH = (a: number, b: number): number => {
    let h = 0;
    for (let i = a; i <= b; i++) h += rowH[i]!;
    return h;
  };
  const headerH = headerCount > 0 ? sumH(0, headerCount - 1) : 0;

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

  /**
   * Rows are placed on the current page first and drawn when the page is left (flush): the rows
   * of one page form one piece, so a cell spanning rows is drawn once per page, with no rule
   * inside it, and its text is centred in the part of the span on the page where it starts.
   */
  let piece: { a: number; b: number; top: number } | undefined;
  let started = false;
  const place = (a: number, b: number): void => {
    started = true;
    if (piece && piece.b === a - 1) piece.b = b;
    else {
      flush();
      piece = { a, b, top: flow.top + flow.y };
    }
    flow.y += sumH(a, b);
  };
  const flush = (): void => {
    if (!piece) return;
    const { a, b, top } = piece;
    piece = undefined;
    drawPiece(a, b, top);
  };
  /** Draw rows [a, b] with the top of row a at `top` (page coordinates). */
  const drawPiece = (a: number, b: number, top: number): void => {
    const rowTop: number[] = [];
    let y = top;
    for (let r = a; r <= b; r++) {
      rowTop[r] = y;
      y += rowH[r]!;
    }
    const bottom = y;
    for (const pc of cells) {
      const last = pc.row + pc.rowSpan - 1;
      if (last < a || pc.row > b) continue;
      const r0 = Math.max(pc.row, a);
      const r1 = Math.min(last, b);
      const y0 = rowTop[r0]!;
      const y1 = r1 === b ? bottom : rowTop[r1 + 1]!;
      const x0 = flow.left + colX[pc.col]!;
      const x1 = flow.left + colX[pc.col + pc.colSpan]!;
      const items = flow.page.items;
      items.push({ type: "rule", x1: x0, y1: y0, x2: x1, y2: y0, width: BORDER });
      items.push({ type: "rule", x1: x0, y1: y1, x2: x1, y2: y1, width: BORDER });
      items.push({ type: "rule", x1: x0, y1: y0, x2: x0, y2: y1, width: BORDER });
      items.push({ type: "rule", x1: x1, y1: y0, x2: x1, y2: y1, width: BORDER });
      if (r0 !== pc.row) continue; // text only where the cell starts
      const cellH = y1 - y0;
      let ly = y0 + Math.max(padY, (cellH - pc.contentH) / 2);
      for (const l of pc.lines) {
        if (l.glyphs.length)
          items.push({
            type: "text",
            baseline: ly + (lineH - size) / 2 + BASELINE_IN_EM * size,
            left: x0 + padX,
            glyphs: l.glyphs,
          });
        ly += lineH;
      }
    }
  };
  const drawRows = (a: number, b: number): void => place(a, b);

  /**
   * A row taller than a page (even below a repeated header): its cells' lines are shared out over
   * as many pages as it takes, starting where the table is (when two lines fit there), the header
   * rows repeated on each page, each piece closed by its own borders; text is set from the top of
   * each piece. The text of a cell that spans several rows is not split (it is set in the first
   * piece).
   */
  const drawTallRow = (r: number): void => {
    flush();
    const starting = cells.filter((pc) => pc.row === r);
    const covering = cells.filter((pc) => pc.row <= r && pc.row + pc.rowSpan - 1 >= r);
    const split = starting.filter((pc) => pc.rowSpan === 1);
    const done = new Map<PlacedCell, number>(split.map((pc) => [pc, 0]));
    const fitting = (): number => Math.floor((flow.areaH - flow.y - frame) / lineH + 1e-6);
    if (fitting() < 2 && !flow.atPageTop) newPageWithHeader();
    let first = true;
    for (;;) {
      const k = Math.max(1, fitting());
      const remaining = Math.max(0, ...split.map((pc) => pc.lines.length - done.get(pc)!));
      const last = remaining <= k;
      const n = last ? remaining : k;
      const h = Math.max(n * lineH + frame, last ? lineH + frame : 0);
      const y0 = flow.top + flow.y;
      const y1 = y0 + h;
      const items = flow.page.items;
      for (const pc of covering) {
        const x0 = flow.left + colX[pc.col]!;
        const x1 = flow.left + colX[pc.col + pc.colSpan]!;
        items.push({ type: "rule", x1: x0, y1: y0, x2: x1, y2: y0, width: BORDER });
        items.push({ type: "rule", x1: x0, y1: y1, x2: x1, y2: y1, width: BORDER });
        items.push({ type: "rule", x1: x0, y1: y0, x2: x0, y2: y1, width: BORDER });
        items.push({ type: "rule", x1: x1, y1: y0, x2: x1, y2: y1, width: BORDER });
        const from = done.get(pc);
        const lines =
          from !== undefined ? pc.lines.slice(from, from + n) : first && pc.row === r ? pc.lines : [];
        let ly = y0 + padY;
        for (const l of lines) {
          if (l.glyphs.length)
            items.push({
              type: "text",
              baseline: ly + (lineH - size) / 2 + BASELINE_IN_EM * size,
              left: x0 + padX,
              glyphs: l.glyphs,
            });
          ly += lineH;
        }
        if (from !== undefined) done.set(pc, Math.min(pc.lines.length, from + n));
      }
      flow.y += h;
      if (last) return;
      newPageWithHeader();
      first = false;
    }
  };

  const fits = (h: number): boolean => flow.y + h <= flow.areaH + 0.01;
  if (headerCount > 0) {
    const firstGroupH = headerCount < nRows ? sumH(headerCount, groupEnd(headerCount, true)) : 0;
    // Moving on: a heading or caption right above goes with the table (Flow.breakPage).
    if (!fits(headerH + firstGroupH) && !flow.atPageTop) flow.breakPage();
    drawRows(0, headerCount - 1);
  }
  const newPageWithHeader = (): void => {
    flush();
    if (!started) {
      flow.breakPage();
      return;
    }
    flow.newPage();
    if (headerCount > 0) {
      drawRows(0, headerCount - 1);
      flush();
    }
  };
  /** Cells running on across the boundary between row b and row b + 1. */
  const crossing = (b: number): number => {
    let n = 0;
    for (const pc of cells) if (pc.row <= b && pc.row + pc.rowSpan - 1 > b) n++;
    if (b >= headerCount && tied[b]) n++;
    return n;
  };
  /**
   * Place rows [a, end]. They are split where the fewest cells run on (between the groups of rows
   * that spans tie together; inside a span only between its inner groups); a group that does not
   * fit moves to the next page when it fits there; a group taller than a page is placed by its
   * own inner groups, down to single rows.
   */
  const placeRows = (a: number, end: number): void => {
    let base = Infinity;
    for (let b = a; b < end; b++) base = Math.min(base, crossing(b));
    let s = a;
    while (s <= end) {
      let e = s;
      while (e < end && crossing(e) !== base) e++;
      const h = sumH(s, e);
      if (!fits(h) && h <= flow.areaH - headerH) newPageWithHeader();
      if (fits(h)) place(s, e);
      else if (e > s) placeRows(s, e);
      else if (rowH[s]! > flow.areaH - headerH + 0.01) drawTallRow(s);
      else {
        newPageWithHeader();
        place(s, s);
      }
      s = e + 1;
    }
  };
  if (headerCount < nRows) placeRows(headerCount, nRows - 1);
  flush();
  flow.snap();
  if (flow.y > flow.areaH - 0.01) flow.newPage();
}
