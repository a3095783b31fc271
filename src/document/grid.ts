/**
 * The span grid of a table (the HTML table model): each cell of a row takes the first column
 * its row leaves free; a row span reaching past the last row is clipped; overlapping spans are a
 * defect in the tree and throw. The one placement the DOCX, PDF and XLSX writers read.
 */
import type { TableBlock, TableCell } from "./tree.js";

/** A cell where the grid puts it. */
export interface PlacedCell {
  cell: TableCell;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/** A position of the grid as a writer walks it: a cell start, a row-span continuation, or padding. */
export type GridCell =
  | { kind: "start"; cell: TableCell; col: number; colSpan: number; rowSpan: number }
  | { kind: "continue"; col: number; colSpan: number }
  | { kind: "empty"; col: number };

export interface SpanGrid {
  /** Columns the widest row covers (0 for a table without cells). */
  columns: number;
  /** Every cell, in the order of the tree (row by row). */
  cells: PlacedCell[];
  /** For each row, the cell covering each column (undefined: no cell there). */
  slots: (PlacedCell | undefined)[][];
}

export function spanGrid(table: TableBlock): SpanGrid {
  const nRows = table.rows.length;
  const slots: (PlacedCell | undefined)[][] = table.rows.map(() => []);
  const cells: PlacedCell[] = [];
  table.rows.forEach((row, r) => {
    let col = 0;
    const own = slots[r]!;
    for (const cell of row.cells) {
      while (own[col]) col++;
      const colSpan = Math.max(1, Math.floor(cell.colSpan ?? 1));
      const rowSpan = Math.min(Math.max(1, Math.floor(cell.rowSpan ?? 1)), nRows - r);
      const placed: PlacedCell = { cell, row: r, col, rowSpan, colSpan };
      for (let dr = 0; dr < rowSpan; dr++) {
        const target = slots[r + dr]!;
        for (let dc = 0; dc < colSpan; dc++) {
          if (target[col + dc]) {
            throw new Error(`table cells overlap at row ${r + dr + 1}, column ${col + dc + 1}`);
          }
          target[col + dc] = placed;
        }
      }
      cells.push(placed);
      col += colSpan;
    }
  });
  const columns = slots.reduce((n, s) => Math.max(n, s.length), 0);
  return { columns, cells, slots };
}

/**
 * The grid row by row as a writer walks it, `columns` wide (short rows padded with empty
 * cells), with the column count checked against the table's relative widths.
 */
export function layoutTableGrid(table: TableBlock): { columns: number; rows: GridCell[][] } {
  if (table.rows.length === 0) throw new Error("table has no rows");
  const grid = spanGrid(table);
  const columns = Math.max(1, grid.columns);
  if (table.columnWidths && table.columnWidths.length !== columns) {
    throw new Error(`table has ${columns} columns but ${table.columnWidths.length} column widths`);
  }
  const rows = grid.slots.map((slots, r) => {
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

/**
 * Rows that stay on a page with the row after them (keep-with-next), true at index r when the
 * page may not break between rows r and r + 1: the header rows (the table's heading or caption
 * above keeps with them, and they with the first body row), and a body row that is one cell
 * spanning the whole width — a sub-heading such as table 二's "第二十条第（八）项" — with the
 * sub-block's header row under it and that with its first data row, so that a sub-heading never
 * ends a page alone or with its header only.
 */
export function rowsKeptWithNext(table: TableBlock): boolean[] {
  const { columns } = spanGrid(table);
  const n = table.rows.length;
  const keep = new Array<boolean>(n).fill(false);
  for (let r = 0; r < n - 1; r++) {
    if (r < table.headerRows) keep[r] = true;
    const cells = table.rows[r]!.cells;
    const subHeading = r >= table.headerRows && cells.length === 1 && (cells[0]!.colSpan ?? 1) === columns;
    if (subHeading && columns > 1) {
      keep[r] = true;
      if (r + 2 < n) keep[r + 1] = true;
    }
  }
  return keep;
}
