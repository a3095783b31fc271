/**
 * Tables: HTML-style spans (cells covered by a span are omitted in the tree) → a full DOCX grid
 * with w:gridSpan for column spans and w:vMerge restart/continue cells for row spans.
 */
import { TABLE_STYLE } from "../../document/layout.js";
import type { Align, TableBlock, TableCell as TreeCell } from "../../document/tree.js";
import { textRuns, type FontConfig, type RunStyle } from "./runs.js";
import type { DocxMetrics } from "./metrics.js";
import { alignment } from "./align.js";
import type { CellModel, ParagraphModel, TableModel } from "./model.js";

/** One position of the grid: the cell that covers it and where that cell starts. */
interface Slot {
  cell: TreeCell;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/** A grid cell as the DOCX writes it: a cell start, a vMerge continuation, or a padding cell. */
export type GridCell =
  | { kind: "start"; cell: TreeCell; col: number; colSpan: number; rowSpan: number }
  | { kind: "continue"; col: number; colSpan: number }
  | { kind: "empty"; col: number };

/**
 * Lays the tree's rows out on a grid (the HTML table model): each cell takes the first free
 * column of its row; row spans reaching past the last row are clipped. Short rows are padded
 * with empty cells. Overlapping spans are a defect in the tree and throw.
 */
export function layoutTableGrid(table: TableBlock): { columns: number; rows: GridCell[][] } {
  if (table.rows.length === 0) throw new Error("table has no rows");
  const occupied: (Slot | undefined)[][] = table.rows.map(() => []);
  const nRows = table.rows.length;
  table.rows.forEach((row, r) => {
    let col = 0;
    const slots = occupied[r] ?? [];
    for (const cell of row.cells) {
      while (slots[col]) col++;
      const colSpan = Math.max(1, Math.floor(cell.colSpan ?? 1));
      const rowSpan = Math.min(Math.max(1, Math.floor(cell.rowSpan ?? 1)), nRows - r);
      const slot: Slot = { cell, row: r, col, rowSpan, colSpan };
      for (let dr = 0; dr < rowSpan; dr++) {
        const target = occupied[r + dr] ?? [];
        for (let dc = 0; dc < colSpan; dc++) {
          if (target[col + dc]) {
            throw new Error(`table cells overlap at row ${r + dr + 1}, column ${col + dc + 1}`);
          }
          target[col + dc] = slot;
        }
      }
      col += colSpan;
    }
  });
  const columns = Math.max(1, ...occupied.map((s) => s.length));
  if (table.columnWidths && table.columnWidths.length !== columns) {
    throw new Error(`table has ${columns} columns but ${table.columnWidths.length} column widths`);
  }
  const rows = occupied.map((slots, r) => {
    const out: GridCell[] = [];
    for (let c = 0; c < columns;) {
      const slot = slots[c];
      if (!slot) {
        out.push({ kind: "empty", col: c });
        c++;
      } else if (slot.row === r) {
        out.push({ kind: "start", cell: slot.cell, col: c, colSpan: slot.colSpan, rowSpan: slot.rowSpan });
        c += slot.colSpan;
      } else {
        out.push({ kind: "continue", col: c, colSpan: slot.colSpan });
        c += slot.colSpan;
      }
    }
    return out;
  });
  return { columns, rows };
}

/** Column widths in twips summing exactly to `total`, proportional to `relative`. */
export function normaliseColumnWidths(
  relative: readonly number[] | undefined,
  columns: number,
  total: number,
) {
  const rel = relative && relative.every((w) => Number.isFinite(w) && w > 0) ? relative : undefined;
  if (relative && !rel) throw new Error("table column widths must be positive numbers");
  const weights = rel ?? Array.from({ length: columns }, () => 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((total * w) / sum));
  const rest = total - widths.reduce((a, b) => a + b, 0);
  widths[widths.length - 1]! += rest;
  return widths;
}

/** Line height of cell text: exact, 1.5 × the cell font size (exact also keeps cells off the grid). */
export function cellLineTwips(sizePt: number): number {
  return Math.round(sizePt * 1.5 * 20);
}

export function docxTable(table: TableBlock, m: DocxMetrics, fonts: FontConfig): TableModel {
  const grid = layoutTableGrid(table);
  const widths = normaliseColumnWidths(table.columnWidths, grid.columns, m.typeWidth);
  const sizePt = table.fontSize ?? TABLE_STYLE.sizePt;
  const style: RunStyle = { role: TABLE_STYLE.font, sizePt, bold: TABLE_STYLE.bold };
  const line = cellLineTwips(sizePt);
  const span = (col: number, n: number) => widths.slice(col, col + n).reduce((a, b) => a + b, 0);

  const cellParagraphs = (paragraphs: TreeCell["paragraphs"], align: Align | undefined): ParagraphModel[] => {
    const list = paragraphs.length > 0 ? paragraphs : [[]];
    return list.map((runs) => ({
      type: "p",
      spacing: { line, before: 0, after: 0 },
      indent: { left: 0, right: 0, firstLine: 0 },
      alignment: alignment(align ?? "left"),
      markSize: Math.round(sizePt * 2),
      runs: textRuns(fonts, style, runs),
    }));
  };

  const rows = grid.rows.map((cells, r) => ({
    header: r < table.headerRows,
    cells: cells.map((gc): CellModel => {
      const colSpan = gc.kind === "empty" ? 1 : gc.colSpan;
      const common = { width: span(gc.col, colSpan), ...(colSpan > 1 ? { columnSpan: colSpan } : {}) };
      if (gc.kind === "start") {
        return {
          ...common,
          ...(gc.rowSpan > 1 ? { verticalMerge: "restart" as const } : {}),
          paragraphs: cellParagraphs(gc.cell.paragraphs, gc.cell.align),
        };
      }
      if (gc.kind === "continue") {
        return { ...common, verticalMerge: "continue", paragraphs: cellParagraphs([], undefined) };
      }
      return { ...common, paragraphs: cellParagraphs([], undefined) };
    }),
  }));

  return { type: "tbl", width: m.typeWidth, columnWidths: widths, rows };
}
