/**
 * A table's sub-heading row (one cell across the whole width, as table 二's "第二十条第（八）项")
 * never ends a page: it stays with the sub-block's header row and its first data row. The PDF
 * is read back per page (pdftotext -bbox) for every position of the sub-heading near the page
 * foot; the DOCX gives the same rows w:keepNext paragraphs, and every row is w:cantSplit as the
 * PDF never splits a row (LibreOffice's layout of it: test/render/libreoffice-documents.full.test.ts).
 */
import { describe, expect, it } from "vitest";
import { mmToPt } from "../../src/document/layout.js";
import type { Block, DocumentTree, TableBlock } from "../../src/document/tree.js";
import { renderDocx } from "../../src/render/docx/index.js";
import { createPdfRenderer } from "../../src/render/pdf/index.js";
import { docxPart } from "../helpers/docx.js";
import { pdfWords, textLines } from "../helpers/pdf.js";

const BODY_BOTTOM = mmToPt(297 - 35);
const renderer = createPdfRenderer({ systemFonts: false });

const cell = (text: string, colSpan?: number) => ({
  paragraphs: [[{ text }]],
  ...(colSpan ? { colSpan } : {}),
});
const row = (...texts: string[]) => ({ cells: texts.map((t) => cell(t)) });

/** Header, `before` data rows, then the sub-block: sub-heading, its header row, one data row. */
function table(before: number): TableBlock {
  return {
    type: "table",
    headerRows: 1,
    rows: [
      row("信息内容", "本年处理决定数量"),
      ...Array.from({ length: before }, (_, i) => row(`事项${i + 1}`, String(i))),
      { cells: [cell("第二十条第（八）项", 2)] },
      row("信息内容", "本年收费金额（单位：万元）"),
      row("行政事业性收费", "0"),
    ],
  };
}

const doc = (blocks: Block[]): DocumentTree => ({
  kind: "document",
  meta: { title: "测试", author: "测试机关", date: "2015-01-23" },
  blocks,
});

const opening: Block = { type: "paragraph", runs: [{ text: "正文。".repeat(100) }] };

describe("a table's sub-heading keeps with its header row and first data row", () => {
  it("PDF: on the page of 第二十条第（八）项 come its header and data row, wherever the page breaks", async () => {
    let moved = 0;
    for (let before = 6; before <= 14; before++) {
      const r = await renderer.render(doc([opening, table(before)]));
      const pages = pdfWords(r.bytes).map((ws) =>
        textLines(ws)
          .filter((l) => l.y < BODY_BOTTOM)
          .map((l) => l.text.replace(/\s+/g, "")),
      );
      const p = pages.findIndex((ls) => ls.includes("第二十条第（八）项"));
      expect(p, `before=${before}`).toBeGreaterThanOrEqual(0);
      const lines = pages[p]!;
      const i = lines.indexOf("第二十条第（八）项");
      expect(lines.slice(i + 1, i + 3), `before=${before}`).toEqual([
        "信息内容本年收费金额（单位：万元）",
        "行政事业性收费0",
      ]);
      // The sub-heading went over with its rows where it alone would have fitted at the foot.
      if (p > 0 && i === pages[p]!.indexOf("信息内容本年处理决定数量") + 1) moved++;
    }
    expect(moved).toBeGreaterThan(0);
  });

  it("DOCX: every row is w:cantSplit; the sub-heading and its header row have w:keepNext paragraphs", async () => {
    const xml = docxPart(await renderDocx(doc([table(2)])), "word/document.xml");
    const rows = [...xml.matchAll(/<w:tr>.*?<\/w:tr>/g)].map((m) => m[0]);
    const unsplit = rows.map((r) => r.includes("<w:trPr><w:cantSplit/>"));
    const header = rows.map((r) => r.includes("<w:tblHeader/>"));
    const keepNext = rows.map((r) => /<w:p><w:pPr><w:keepNext\/>/.test(r));
    // header, 2 data rows, sub-heading, its header, its data row
    expect(rows).toHaveLength(6);
    expect(unsplit).toEqual([true, true, true, true, true, true]);
    expect(header).toEqual([true, false, false, false, false, false]);
    expect(keepNext).toEqual([true, false, false, true, true, false]);
  });
});
