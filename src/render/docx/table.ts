/**
 * Tables: HTML-style spans (cells covered by a span are omitted in the tree) → a full DOCX grid
 * with w:gridSpan for column spans and w:vMerge restart/continue cells for row spans.
 */
import { TABLE_STYLE, tableCellPadding } from "../../document/layout.js";
import { layoutTableGrid, rowsKeptWithNext } from "../../document/grid.js";
import type { Align, TableBlock, TableCell as TreeCell } from "../../document/tree.js";
import { textRuns, type FontConfig, type RunStyle } from "./runs.js";
import type { DocxMetrics } from "./metrics.js";
import { alignment } from "./align.js";
import type { CellModel, ParagraphModel, TableModel } from "./model.js";

export { layoutTableGrid, type GridCell } from "../../document/grid.js";

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

  const kept = rowsKeptWithNext(table);
  const cellParagraphs = (
    paragraphs: TreeCell["paragraphs"],
    align: Align | undefined,
    keepNext = false,
  ): ParagraphModel[] => {
    const list = paragraphs.length > 0 ? paragraphs : [[]];
    return list.map((runs) => ({
      type: "p",
      ...(keepNext ? { keepNext: true } : {}),
      snapToGrid: false,
      spacing: { line, before: 0, after: 0 },
      indent: { left: 0, right: 0, firstLine: 0 },
      alignment: alignment(align ?? "left"),
      markSize: Math.round(sizePt * 2),
      runs: textRuns(fonts, style, runs),
    }));
  };

  const rows = grid.rows.map((cells, r) => ({
    header: r < table.headerRows,
    ...(kept[r] ? { keepWithNext: true } : {}),
    cells: cells.map((gc): CellModel => {
      const keepNext = kept[r] === true;
      const colSpan = gc.kind === "empty" ? 1 : gc.colSpan;
      const common = { width: span(gc.col, colSpan), ...(colSpan > 1 ? { columnSpan: colSpan } : {}) };
      if (gc.kind === "start") {
        return {
          ...common,
          ...(gc.rowSpan > 1 ? { verticalMerge: "restart" as const } : {}),
          paragraphs: cellParagraphs(gc.cell.paragraphs, gc.cell.align, keepNext),
        };
      }
      if (gc.kind === "continue") {
        return { ...common, verticalMerge: "continue", paragraphs: cellParagraphs([], undefined, keepNext) };
      }
      return { ...common, paragraphs: cellParagraphs([], undefined, keepNext) };
    }),
  }));

  const pad = tableCellPadding(sizePt);
  const cellMargin = { x: Math.round(pad.x * 20), y: Math.round(pad.y * 20) };
  return { type: "tbl", width: m.typeWidth, columnWidths: widths, cellMargin, rows };
}
