import { describe, expect, it } from "vitest";
import { createPdfRenderer, mergePdfs } from "../../../src/render/pdf/index.js";
import { pdfInfo, pdfText, qpdfCheck, squeezeSpace } from "../../helpers/pdf.js";
import { letterTree, summaryTree } from "./fixtures.js";

describe("mergePdfs", async () => {
  const renderer = createPdfRenderer({ systemFonts: false });
  const letter = await renderer.render(letterTree(1)); // 1 page
  const summary = await renderer.render(summaryTree()); // several pages
  const letter2 = await renderer.render(letterTree(2));
  const parts = [letter.bytes, summary.bytes, letter2.bytes];

  it("starts every document on an odd page for duplex printing", async () => {
    const merged = await mergePdfs(parts, { oddPageStarts: true });
    const pad = (n: number): number => n % 2;
    const expected = 1 + pad(1) + summary.pages + pad(summary.pages) + 1;
    expect(pdfInfo(merged).pages).toBe(expected);
    // The blank after the one-page letter is empty; the summary starts on page 3.
    expect(squeezeSpace(pdfText(merged, { first: 2, last: 2 }))).toBe("");
    expect(squeezeSpace(pdfText(merged, { first: 3, last: 3 }))).toContain(
      "某市商务局关于2014年政府信息公开工作情况的报告",
    );
    const lastStart = expected; // the second letter is the last page
    expect(lastStart % 2).toBe(1);
    expect(squeezeSpace(pdfText(merged, { first: lastStart, last: lastStart }))).toContain(
      "商务公开复〔2014〕2号",
    );
    expect(qpdfCheck(merged).ok).toBe(true);
  });

  it("without odd starts, simply concatenates", async () => {
    const merged = await mergePdfs(parts, { oddPageStarts: false });
    expect(pdfInfo(merged).pages).toBe(2 + summary.pages);
  });

  it("is deterministic", async () => {
    const a = await mergePdfs(parts, { oddPageStarts: true });
    const b = await mergePdfs(parts, { oddPageStarts: true });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
