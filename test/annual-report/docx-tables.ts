/**
 * Reads the tables of a DOCX back from word/document.xml as grids: every grid position holds the
 * text of the cell covering it, whether it starts there, and the cell's spans as the XML states
 * them (w:gridSpan, w:vMerge restart/continue). Nested tables are not expected.
 */
import { decodeXmlEntities, docxPart } from "../helpers/docx.js";

export interface GridCell {
  text: string;
  /** The cell starts at this position (not covered by a span from above or the left). */
  start: boolean;
  colSpan: number;
  rowSpan: number;
}

interface RawCell {
  text: string;
  colSpan: number;
  vMerge: "restart" | "continue" | null;
}

function cellText(xml: string): string {
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXmlEntities(m[1]!)).join(""),
  );
  return paragraphs.join("\n");
}

export function docxTables(docx: Uint8Array | string): GridCell[][][] {
  const xml = docxPart(docx, "word/document.xml");
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((tbl) => {
    const rows: RawCell[][] = [...tbl[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) =>
      [...tr[0].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((tc) => {
        const body = tc[1]!;
        const span = /<w:gridSpan w:val="(\d+)"\/>/.exec(body);
        const vm = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(body);
        return {
          text: cellText(body),
          colSpan: span ? Number(span[1]) : 1,
          vMerge: vm ? (vm[1] === "restart" ? "restart" : "continue") : null,
        };
      }),
    );
    // Lay out: a continue cell is covered by the cell above it.
    const grid: GridCell[][] = [];
    rows.forEach((cells, r) => {
      const line: GridCell[] = [];
      for (const c of cells) {
        const col = line.length;
        if (c.vMerge === "continue") {
          const above = grid[r - 1]?.[col];
          if (!above)
            throw new Error(`vMerge continue without a cell above at row ${r + 1}, column ${col + 1}`);
          for (let k = 0; k < c.colSpan; k++) line.push({ ...grid[r - 1]![col + k]!, start: false });
          continue;
        }
        const cell: GridCell = { text: c.text, start: true, colSpan: c.colSpan, rowSpan: 1 };
        line.push(cell);
        for (let k = 1; k < c.colSpan; k++) line.push({ ...cell, start: false });
      }
      grid.push(line);
    });
    // Row spans: count the continue rows below each restart.
    rows.forEach((cells, r) => {
      let col = 0;
      for (const c of cells) {
        if (c.vMerge === "restart") {
          let n = 1;
          while (rows[r + n] && cellAt(rows[r + n]!, col)?.vMerge === "continue") n++;
          grid[r]![col]!.rowSpan = n;
        }
        col += c.colSpan;
      }
    });
    return grid;
  });
}

function cellAt(row: RawCell[], col: number): RawCell | undefined {
  let c = 0;
  for (const cell of row) {
    if (c === col) return cell;
    c += cell.colSpan;
  }
  return undefined;
}
