/**
 * What a reader sees: OCR of rendered pages against the text layer. pdftotext alone cannot
 * catch blank glyphs (a broken font subset keeps its ToUnicode map); OCR can, as the control
 * below shows by blanking the glyphs of a good PDF.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createPdfRenderer } from "../../../src/render/pdf/index.js";
import { charOverlap, ocrPage, pdfText, withPdfFile } from "../../helpers/pdf.js";
import { letterTree, summaryTree } from "./fixtures.js";

/** A blank-glyph control: the same PDF with every text object drawn invisible (3 Tr). */
function blankGlyphs(pdf: Uint8Array): Uint8Array {
  return withPdfFile(pdf, (file, dir) => {
    const qdf = join(dir, "qdf.pdf");
    execFileSync("qpdf", ["--qdf", "--object-streams=disable", file, qdf]);
    const text = readFileSync(qdf, "latin1")
      .replace(/\bBT\n/g, "BT\n3 Tr\n")
      .replace(/\b[02] Tr\b/g, "3 Tr");
    writeFileSync(qdf, text, "latin1");
    return new Uint8Array(execFileSync("fix-qdf", [qdf], { maxBuffer: 64 << 20 }));
  });
}

const THRESHOLD = 0.8;

describe("OCR matches the text layer", () => {
  const renderer = createPdfRenderer({ systemFonts: false });

  it("page 1 of a multi-page document (bundled Noto fonts)", async () => {
    const r = await renderer.render(summaryTree());
    const layer = pdfText(r.bytes, { first: 1, last: 1 });
    const ocr = ocrPage(r.bytes, 1);
    expect(layer.length).toBeGreaterThan(300);
    expect(charOverlap(layer, ocr)).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it("the last page (table, attachments, signature)", async () => {
    const r = await renderer.render(summaryTree());
    const layer = pdfText(r.bytes, { first: r.pages, last: r.pages });
    expect(charOverlap(layer, ocrPage(r.bytes, r.pages))).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it("a letter set in the Debian arphic fonts (宋 and 楷 from the system)", async () => {
    const sys = createPdfRenderer({ fontDirs: ["/usr/share/fonts/truetype"], layout: undefined });
    const tree = letterTree(3);
    tree.blocks.push({ type: "heading", level: 2, number: "（一）", runs: [{ text: "楷体的二级标题" }] });
    const r = await sys.render(tree);
    const layer = pdfText(r.bytes, { first: 1, last: 1 });
    expect(charOverlap(layer, ocrPage(r.bytes, 1))).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it("control: the same page with blank glyphs keeps its text layer but fails the OCR check", async () => {
    const r = await renderer.render(summaryTree());
    const blank = blankGlyphs(r.bytes);
    const layer = pdfText(r.bytes, { first: 1, last: 1 });
    expect(charOverlap(layer, pdfText(blank, { first: 1, last: 1 }))).toBeGreaterThan(0.99);
    expect(charOverlap(layer, ocrPage(blank, 1))).toBeLessThan(0.2);
  });
});
