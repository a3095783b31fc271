/**
 * The span grid (document/grid.ts spanGrid) through every caller: the DOCX, PDF and XLSX writers
 * place a table's cells where it says, and refuse the same overlapping spans with the same
 * message (the PDF writer drew overlapping cells over each other before).
 */
import { describe, expect, it } from "vitest";
import { spanGrid } from "../../src/document/grid.js";
import type { DocumentTree, TableBlock, TableCell } from "../../src/document/tree.js";
import { renderDocx, renderPdf, tablesToXlsx } from "../../src/index.js";
import { docxText } from "../helpers/docx.js";

const cell = (text: string, span: { rowSpan?: number; colSpan?: number } = {}): TableCell => ({
  paragraphs: [[{ text }]],
  ...span,
});

/** A | B B | / (A) | C | D / E | F | G — A spans two rows, B two columns. */
const TABLE: TableBlock = {
  type: "table",
  headerRows: 0,
  rows: [
    { cells: [cell("甲", { rowSpan: 2 }), cell("乙", { colSpan: 2 })] },
    { cells: [cell("丙"), cell("丁")] },
    { cells: [cell("戊"), cell("己"), cell("庚")] },
  ],
};
/** 乙 spans down into column 2 of row 2, which 丙 (two columns from column 1) needs too. */
const OVERLAP: TableBlock = {
  type: "table",
  headerRows: 0,
  rows: [{ cells: [cell("甲"), cell("乙", { rowSpan: 2 })] }, { cells: [cell("丙", { colSpan: 2 })] }],
};

const tree = (table: TableBlock): DocumentTree => ({
  kind: "letter",
  meta: { title: "表", author: "某局", subject: "表", date: "2024-01-02" },
  blocks: [table],
});

describe("one span grid", () => {
  it("places each cell in the first free column of its row", () => {
    const g = spanGrid(TABLE);
    expect(g.columns).toBe(3);
    expect(g.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan])).toEqual([
      [0, 0, 2, 1],
      [0, 1, 1, 2],
      [1, 1, 1, 1],
      [1, 2, 1, 1],
      [2, 0, 1, 1],
      [2, 1, 1, 1],
      [2, 2, 1, 1],
    ]);
  });

  it("every writer writes the table", async () => {
    expect(docxText(await renderDocx(tree(TABLE)))).toContain("甲");
    expect((await renderPdf(tree(TABLE), { systemFonts: false })).bytes.length).toBeGreaterThan(0);
    const xlsx = await tablesToXlsx([{ name: "表", table: TABLE }], { date: "2024-01-02", author: "某局" });
    expect(xlsx.length).toBeGreaterThan(0);
  });

  it("every writer refuses overlapping spans with the grid's message", async () => {
    const message = "table cells overlap at row 2, column 2";
    expect(() => spanGrid(OVERLAP)).toThrow(message);
    await expect(renderDocx(tree(OVERLAP))).rejects.toThrow(message);
    await expect(renderPdf(tree(OVERLAP), { systemFonts: false })).rejects.toThrow(message);
    await expect(
      tablesToXlsx([{ name: "表", table: OVERLAP }], { date: "2024-01-02", author: "某局" }),
    ).rejects.toThrow(message);
  });
});
