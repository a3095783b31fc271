/**
 * The 楷体 of level-2 headings looks as large as the 仿宋 body: the ink of 国 measured on the
 * rendered page (AR PL KaitiM GB drew it about 10% smaller than the body face at the same size).
 */
import { describe, expect, it } from "vitest";
import type { DocumentTree } from "../../../src/document/tree.js";
import { createPdfRenderer } from "../../../src/render/pdf/index.js";
import { pageGray, pdfWords, textLines } from "../../helpers/pdf.js";

const tree: DocumentTree = {
  kind: "document",
  meta: { title: "测试", author: "测试机关", date: "2015-01-23" },
  blocks: [
    { type: "heading", level: 2, runs: [{ text: "国国国国国国" }] },
    { type: "paragraph", runs: [{ text: "国国国国国国" }] },
  ],
};

describe("楷体 size", () => {
  it("draws 国 in a level-2 heading within 5% of the body's ink height", async () => {
    const r = await createPdfRenderer({}).render(tree);
    const g = pageGray(r.bytes, 1, 288);
    const s = g.scale;
    const lines = textLines(pdfWords(r.bytes)[0]!).filter((l) => l.text.startsWith("国"));
    expect(lines).toHaveLength(2);
    const ink = (l: { y: number; xMin: number; xMax: number }): number => {
      const rows: number[] = [];
      for (let y = Math.round((l.y - 6) * s); y < Math.round((l.y + 24) * s); y++) {
        let dark = false;
        for (let x = Math.round(l.xMin * s); x < Math.round(l.xMax * s) && !dark; x++)
          dark = g.data[y * g.width + x]! < 128;
        if (dark) rows.push(y);
      }
      return (rows.at(-1)! - rows[0]! + 1) / s;
    };
    const [heading, body] = lines.map(ink) as [number, number];
    expect(body).toBeGreaterThan(12);
    expect(Math.abs(heading / body - 1)).toBeLessThan(0.05);
  });
});
