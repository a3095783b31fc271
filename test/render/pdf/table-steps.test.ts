/**
 * layoutTable's drawing and page-breaking steps alone: borders, cell lines, cell wrapping, row
 * groups and the boundaries between them, a piece of rows, and the pager that places rows on
 * pages (header repeated, a group moved on whole, a row taller than a page shared out).
 */
import { describe, expect, it } from "vitest";
import { A4_GBT9704, DEFAULT_FONT_NAMES, charPitch } from "../../../src/document/layout.js";
import type { TableBlock } from "../../../src/document/tree.js";
import { FontSet } from "../../../src/render/pdf/fonts/resolve.js";
import {
  BASELINE_IN_EM,
  Flow,
  type PageItem,
  type RuleItem,
  type TextLineItem,
} from "../../../src/render/pdf/layout.js";
import type { BrokenLine } from "../../../src/render/pdf/paragraph.js";
import {
  crossing,
  drawCellBorders,
  drawCellLines,
  drawPiece,
  groupEnd,
  rowsHeight,
  TablePager,
  wrapCells,
  type PlacedCell,
  type TableMeasures,
} from "../../../src/render/pdf/tables.js";
import { Shaper } from "../../../src/render/pdf/text.js";

const SIZE = 12;
const LINE_H = 18;
/** A line with `n` glyphs (only their count matters to the drawing). */
const line = (n: number): BrokenLine => ({ glyphs: Array(n).fill({}) as BrokenLine["glyphs"], width: 0 });
const cell = (row: number, col: number, lines: BrokenLine[], rowSpan = 1, colSpan = 1): PlacedCell => ({
  cell: { paragraphs: [] },
  row,
  col,
  rowSpan,
  colSpan,
  lines,
  contentH: lines.length * LINE_H,
});
const measures = (cells: PlacedCell[], rowH: number[], colX = [0, 100, 200]): TableMeasures => ({
  size: SIZE,
  padX: 5,
  padY: 2,
  frame: 4.5,
  lineH: LINE_H,
  colX,
  rowH,
  cells,
});
const rules = (items: PageItem[]) => items.filter((i): i is RuleItem => i.type === "rule");
const texts = (items: PageItem[]) => items.filter((i): i is TextLineItem => i.type === "text");

describe("drawCellBorders", () => {
  it("draws the four sides of the box, top, bottom, left, right", () => {
    const items: PageItem[] = [];
    drawCellBorders(items, 10, 20, 110, 50);
    expect(items.map((r) => r.type === "rule" && [r.x1, r.y1, r.x2, r.y2])).toEqual([
      [10, 20, 110, 20],
      [10, 50, 110, 50],
      [10, 20, 10, 50],
      [110, 20, 110, 50],
    ]);
  });
});

describe("drawCellLines", () => {
  it("sets one line a line height below the other; an empty line draws nothing but takes its height", () => {
    const items: PageItem[] = [];
    drawCellLines(items, [line(2), line(0), line(1)], 7, 100, { lineH: LINE_H, size: SIZE });
    const base = 100 + (LINE_H - SIZE) / 2 + BASELINE_IN_EM * SIZE;
    expect(texts(items).map((t) => [t.left, t.baseline, t.glyphs.length])).toEqual([
      [7, base, 2],
      [7, base + 2 * LINE_H, 1],
    ]);
  });
});

describe("wrapCells", () => {
  it("breaks a cell's text to its column less the margins; a wider cell takes fewer lines", () => {
    const fonts = new FontSet({ fontNames: DEFAULT_FONT_NAMES, systemFonts: false, lang: "zh" });
    const shaper = new Shaper(fonts, charPitch() / 16);
    const text = "政府信息公开工作年度报告".repeat(3);
    const t: TableBlock = {
      type: "table",
      headerRows: 0,
      rows: [{ cells: [{ paragraphs: [[{ text }]] }, { paragraphs: [[{ text }]], colSpan: 2 }] }],
    };
    const cells = [cell(0, 0, []), cell(0, 1, [], 1, 2)];
    cells[0]!.cell = t.rows[0]!.cells[0]!;
    cells[1]!.cell = t.rows[0]!.cells[1]!;
    wrapCells(shaper, t, cells, measures(cells, [], [0, 100, 200, 300]));
    const [narrow, wide] = cells;
    expect(narrow!.lines.length).toBeGreaterThan(wide!.lines.length);
    expect(narrow!.contentH).toBe(narrow!.lines.length * LINE_H);
    expect(narrow!.lines.flatMap((l) => l.glyphs).length).toBe(text.length);
    for (const l of narrow!.lines) expect(l.width).toBeLessThanOrEqual(100 - 2 * 5 + 0.01);
  });
});

describe("row groups", () => {
  // Row 0 spans rows 0–1; row 3 is kept with row 4.
  const cells = [
    cell(0, 0, [], 2),
    cell(0, 1, []),
    cell(1, 1, []),
    cell(2, 0, []),
    cell(3, 0, []),
    cell(4, 0, []),
  ];
  const tied = [false, false, false, true, false];
  it("rowsHeight adds the rows' heights", () => {
    expect(rowsHeight([10, 20, 30], 1, 2)).toBe(50);
    expect(rowsHeight([10, 20, 30], 1, 0)).toBe(0);
  });
  it("groupEnd: the rows a span ties to its first, and with ties a row kept with the next", () => {
    expect(groupEnd(cells, tied, 5, 0)).toBe(1);
    expect(groupEnd(cells, tied, 5, 2)).toBe(2);
    expect(groupEnd(cells, tied, 5, 3)).toBe(3);
    expect(groupEnd(cells, tied, 5, 3, true)).toBe(4);
  });
  it("crossing counts the cells running on over a boundary, and a kept body row", () => {
    expect(crossing(cells, tied, 0, 0)).toBe(1);
    expect(crossing(cells, tied, 0, 1)).toBe(0);
    expect(crossing(cells, tied, 0, 3)).toBe(1);
    // A header row's tie is not a body row's.
    expect(crossing(cells, tied, 4, 3)).toBe(0);
  });
});

describe("drawPiece", () => {
  const span = cell(0, 0, [line(1)], 2);
  const cells = [span, cell(0, 1, [line(1)]), cell(1, 1, [line(1)])];
  const m = measures(cells, [30, 40]);
  it("draws a cell spanning the rows once, its text centred in the span", () => {
    const items: PageItem[] = [];
    drawPiece(items, 50, m, 0, 1, 100);
    expect(rules(items).length).toBe(12);
    const spanTop = rules(items)[0]!;
    const spanBottom = rules(items)[1]!;
    expect([spanTop.x1, spanTop.y1, spanBottom.y1]).toEqual([50, 100, 170]);
    const t = texts(items);
    expect(t.length).toBe(3);
    const centred = 100 + (70 - LINE_H) / 2;
    expect(t[0]!.baseline).toBe(centred + (LINE_H - SIZE) / 2 + BASELINE_IN_EM * SIZE);
    expect(t[0]!.left).toBe(55);
  });
  it("a piece starting inside a span draws its box there without its text", () => {
    const items: PageItem[] = [];
    drawPiece(items, 50, m, 1, 1, 300);
    expect(rules(items).length).toBe(8);
    expect(texts(items).length).toBe(1);
    expect(rules(items)[0]!.y1).toBe(300);
    expect(rules(items)[1]!.y1).toBe(340);
  });
});

describe("TablePager", () => {
  const flowAt = (y: number): Flow => {
    const f = new Flow(A4_GBT9704);
    f.y = y;
    return f;
  };
  /** Rows of `h` points, one cell each, row 0 the header. */
  const table = (n: number, h: number) => {
    const cells = Array.from({ length: n }, (_, r) => cell(r, 0, [line(1)]));
    return measures(cells, Array(n).fill(h), [0, 100]);
  };

  it("place joins rows that follow each other into one piece, drawn on flush", () => {
    const flow = flowAt(0);
    const pager = new TablePager(flow, table(3, 30), 1, [false, false, false]);
    pager.place(0, 0);
    pager.place(1, 2);
    expect(flow.y).toBe(90);
    expect(flow.page.items.length).toBe(0);
    pager.flush();
    expect(rules(flow.page.items).length).toBe(12);
    expect(texts(flow.page.items).length).toBe(3);
    pager.flush();
    expect(flow.page.items.length).toBe(15);
  });

  it("placeRows moves a row that does not fit to a new page with the header repeated", () => {
    const flow = flowAt(0);
    const m = table(3, 30);
    const pager = new TablePager(flow, m, 1, [false, false, false]);
    pager.placeHeader();
    flow.y = flow.areaH - 40; // room for one more row only
    pager.placeRows(1, 2);
    pager.flush();
    expect(flow.pages.length).toBe(2);
    // Page 2: the header, then row 2, as two pieces (the header is flushed alone).
    expect(texts(flow.page.items).length).toBe(2);
    expect(flow.y).toBe(60);
  });

  it("newPageWithHeader before any row is the flow's own page break (a caption goes along)", () => {
    const flow = flowAt(100);
    const pager = new TablePager(flow, table(2, 30), 1, [false, false]);
    pager.newPageWithHeader();
    expect(flow.pages.length).toBe(2);
    expect(flow.page.items.length).toBe(0);
  });

  it("placeHeader moves the header with the first body group when they do not fit", () => {
    const flow = flowAt(0);
    flow.textLine({ glyphs: [], width: 0 }, 16);
    flow.y = flow.areaH - 50;
    const pager = new TablePager(flow, table(3, 30), 1, [false, false, false]);
    pager.placeHeader();
    expect(flow.pages.length).toBe(2);
    expect(flow.y).toBe(30);
  });

  it("drawTallRow shares a row taller than a page over pages, the header on each", () => {
    const flow = flowAt(0);
    const lines = Array.from({ length: 60 }, () => line(1));
    const cells = [cell(0, 0, [line(1)]), cell(1, 0, lines)];
    const m = measures(cells, [30, 60 * LINE_H + 4.5], [0, 100]);
    const pager = new TablePager(flow, m, 1, [false, false]);
    pager.placeHeader();
    pager.drawTallRow(1);
    const perPage = Math.floor((flow.areaH - 30 - 4.5) / LINE_H + 1e-6);
    const firstPage = Math.floor((flow.areaH - 30 - 4.5) / LINE_H + 1e-6);
    expect(flow.pages.length).toBe(1 + Math.ceil((60 - firstPage) / perPage));
    const drawn = flow.pages.flatMap((p) => texts(p.items)).length;
    // As many lines on each page as fit below the header (the first page full).
    expect(texts(flow.pages[0]!.items).length).toBe(1 + firstPage);
    // Every line once, and the header once per page.
    expect(drawn).toBe(60 + flow.pages.length);
  });
});
