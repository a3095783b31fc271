/**
 * Tables: borders, row and column spans (HTML semantics: a row lists only the cells starting in
 * it), cell text wrapped with the same line-breaking rules as the body, vertically centred;
 * rows tied together by a row span never split across pages; a row taller than a page is split
 * line by line over pages; the header rows repeat at the top of every page the table continues on.
 */
import { BODY_STYLE, TABLE_STYLE } from "../../document/layout.js";
import type { TableBlock, TableCell } from "../../document/tree.js";
import { BASELINE_IN_EM, type Flow } from "./layout.js";
import { breakParagraph, type BrokenLine } from "./paragraph.js";
import type { ShapeStyle, Shaper } from "./text.js";

const BORDER = 0.5;
const LINE_HEIGHT = 1.5;

interface PlacedCell {
  cell: TableCell;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  lines: BrokenLine[];
  contentH: number;
}

export function layoutTable(flow: Flow, shaper: Shaper, t: TableBlock): void {
  const size = t.fontSize ?? TABLE_STYLE.sizePt;
  const style: ShapeStyle = { role: TABLE_STYLE.font, size, bold: false };
  const padX = Math.max(2, size * 0.3);
  const padY = Math.max(2, size * 0.25);
  const lineH = size * LINE_HEIGHT;
  const nRows = t.rows.length;
  if (nRows === 0) return;

  // Place cells on the grid.
  const occ: boolean[][] = [];
  const cells: PlacedCell[] = [];
  let nCols = 0;
  t.rows.forEach((row, r) => {
    occ[r] ??= [];
    let c = 0;
    for (const cell of row.cells) {
      while (occ[r]![c]) c++;
      const rowSpan = Math.max(1, Math.min(cell.rowSpan ?? 1, nRows - r));
      const colSpan = Math.max(1, cell.colSpan ?? 1);
      for (let i = r; i < r + rowSpan; i++) {
        occ[i] ??= [];
        for (let j = c; j < c + colSpan; j++) occ[i]![j] = true;
      }
      cells.push({ cell, row: r, col: c, rowSpan, colSpan, lines: [], contentH: 0 });
      c += colSpan;
      nCols = Math.max(nCols, c);
    }
  });
  for (const row of occ) nCols = Math.max(nCols, row?.length ?? 0);
  if (nCols === 0) return;

  const rel =
    t.columnWidths && t.columnWidths.length === nCols && t.columnWidths.every((w) => w > 0)
      ? t.columnWidths
      : Array<number>(nCols).fill(1);
  const relSum = rel.reduce((a, b) => a + b, 0);
  const colW = rel.map((w) => (w / relSum) * flow.areaW);
  const colX = [0];
  for (const w of colW) colX.push(colX[colX.length - 1]! + w);

  // Wrap cell text.
  for (const pc of cells) {
    const width = colX[pc.col + pc.colSpan]! - colX[pc.col]! - 2 * padX;
    const header = pc.row < t.headerRows;
    const align = pc.cell.align ?? (header ? "center" : "justify");
    const paras = pc.cell.paragraphs.length ? pc.cell.paragraphs : [[]];
    for (const runs of paras) {
      const glyphs = shaper.shapeRuns(runs, style);
      for (const line of breakParagraph(glyphs, { width, firstIndent: 0, restIndent: 0, align }))
        pc.lines.push(line);
    }
    pc.contentH = pc.lines.length * lineH;
  }

  // Row heights.
  const rowH = Array<number>(nRows).fill(lineH + 2 * padY);
  for (const pc of cells)
    if (pc.rowSpan === 1) rowH[pc.row] = Math.max(rowH[pc.row]!, pc.contentH + 2 * padY);
  for (const pc of cells) {
    if (pc.rowSpan === 1) continue;
    let h = 0;
    for (let i = pc.row; i < pc.row + pc.rowSpan; i++) h += rowH[i]!;
    const need = pc.contentH + 2 * padY - h;
    if (need > 0) rowH[pc.row + pc.rowSpan - 1]! += need;
  }

  // Groups of rows tied by row spans.
  const groupEnd = (start: number): number => {
    let end = start;
    for (let r = start; r <= end; r++)
      for (const pc of cells) if (pc.row === r) end = Math.max(end, r + pc.rowSpan - 1);
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

  /** Draw rows [a, b] with the top of row a at flow.y. */
  const drawRows = (a: number, b: number): void => {
    const top = flow.top + flow.y;
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
    flow.y += bottom - top;
  };

  /**
   * A row taller than a page (even below a repeated header): its cells' lines are shared out over
   * as many pages as it takes, starting where the table is (when two lines fit there), the header
   * rows repeated on each page, each piece closed by its own borders; text is set from the top of
   * each piece. The text of a cell that spans several rows is not split (it is set in the first
   * piece).
   */
  const drawTallRow = (r: number): void => {
    const starting = cells.filter((pc) => pc.row === r);
    const covering = cells.filter((pc) => pc.row <= r && pc.row + pc.rowSpan - 1 >= r);
    const split = starting.filter((pc) => pc.rowSpan === 1);
    const done = new Map<PlacedCell, number>(split.map((pc) => [pc, 0]));
    const fitting = (): number => Math.floor((flow.areaH - flow.y - 2 * padY) / lineH + 1e-6);
    if (fitting() < 2 && !flow.atPageTop) newPageWithHeader();
    let first = true;
    for (;;) {
      const k = Math.max(1, fitting());
      const remaining = Math.max(0, ...split.map((pc) => pc.lines.length - done.get(pc)!));
      const last = remaining <= k;
      const n = last ? remaining : k;
      const h = Math.max(n * lineH + 2 * padY, last ? lineH + 2 * padY : 0);
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
  let r = 0;
  if (headerCount > 0) {
    const firstGroupH = headerCount < nRows ? sumH(headerCount, groupEnd(headerCount)) : 0;
    // Moving on: a heading or caption right above goes with the table (Flow.breakPage).
    if (!fits(headerH + firstGroupH) && !flow.atPageTop) flow.breakPage();
    drawRows(0, headerCount - 1);
    r = headerCount;
  }
  const newPageWithHeader = (): void => {
    if (r === 0) {
      flow.breakPage();
      return;
    }
    flow.newPage();
    if (headerCount > 0) drawRows(0, headerCount - 1);
  };
  while (r < nRows) {
    const end = groupEnd(r);
    const h = sumH(r, end);
    // Move the group to a new page if it fits there (rows tied by spans stay together).
    if (!fits(h) && h <= flow.areaH - headerH) newPageWithHeader();
    if (fits(h)) {
      drawRows(r, end);
      r = end + 1;
      continue;
    }
    // A group taller than a page: place its rows one by one.
    if (rowH[r]! > flow.areaH - headerH + 0.01) {
      drawTallRow(r);
      r++;
      continue;
    }
    if (!fits(rowH[r]!)) newPageWithHeader();
    drawRows(r, r);
    r++;
  }
  flow.snap();
  if (flow.y > flow.areaH - 0.01) flow.newPage();
}
