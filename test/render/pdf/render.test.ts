import { describe, expect, it } from "vitest";
import { createPdfRenderer, renderPdf } from "../../../src/render/pdf/index.js";
import { pdfFonts, pdfInfo, pdfText, pageSizes, qpdfCheck, squeezeSpace } from "../../helpers/pdf.js";
import { letterTree, summaryTree, treeText } from "./fixtures.js";

const renderer = createPdfRenderer({ systemFonts: false });

describe("renderPdf on a multi-page document", async () => {
  const tree = summaryTree();
  const result = await renderer.render(tree);

  const header = "本列数据的勾稽关系申请人情况自然人法人总计";

  it("gives back the tree's text, in order (pdftotext; whitespace, page numbers, repeated table header aside)", () => {
    const text = squeezeSpace(pdfText(result.bytes)).replace(/—\d+—/g, "");
    const first = text.indexOf(header) + header.length;
    const once = text.slice(0, first) + text.slice(first).split(header).join("");
    expect(once).toBe(squeezeSpace(treeText(tree)));
  });

  it("repeats the table's header rows on the page the table continues on", () => {
    const pages = Array.from({ length: result.pages }, (_, i) =>
      squeezeSpace(pdfText(result.bytes, { first: i + 1, last: i + 1 })),
    );
    const withHeader = pages.map((p, i) => (p.includes(header) ? i + 1 : 0)).filter((n) => n > 0);
    expect(withHeader.length).toBe(2);
    const cont = pages[withHeader[1]! - 1]!;
    // The continuation page starts with the header, then the next body row.
    expect(cont.indexOf(header)).toBe(0);
    expect(cont.slice(header.length)).toMatch(/^第\d+项/);
    // Every body row appears exactly once.
    for (let i = 1; i <= 14; i++) expect(pages.join("").split(`第${i}项`).length - 1).toBe(1);
  });

  it("has several A4 pages and reports the count", () => {
    expect(result.pages).toBeGreaterThanOrEqual(3);
    const sizes = pageSizes(result.bytes);
    expect(sizes).toHaveLength(result.pages);
    for (const s of sizes) expect(s).toEqual({ width: 595.28, height: 841.89 });
  });

  it("embeds every font as a tagged subset (pdffonts: emb yes, sub yes, uni yes)", () => {
    const fonts = pdfFonts(result.bytes);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const f of fonts) {
      expect(f.name).toMatch(/^[A-Z]{6}\+[A-Za-z0-9-]+$/);
      expect(f).toMatchObject({
        type: "CID TrueType",
        encoding: "Identity-H",
        emb: true,
        sub: true,
        uni: true,
      });
    }
    expect(fonts.map((f) => f.name.slice(7)).sort()).toEqual(["NotoSansSC-Regular", "NotoSerifSC-Regular"]);
  });

  it("passes qpdf --check", () => {
    const r = qpdfCheck(result.bytes);
    expect(r.output).toContain("No syntax or stream encoding errors");
    expect(r.ok).toBe(true);
  });

  it("writes the document info with fixed dates", () => {
    const info = pdfInfo(result.bytes).fields;
    expect(info.Title).toBe("2014年政府信息公开工作情况的报告");
    expect(info.Author).toBe("某市商务局");
    expect(info.Keywords).toBe("政府信息公开 年度报告");
    expect(info.Creator).toBe("gongwen");
    expect(info.CreationDate).toBe("2015-01-23T00:00:00Z");
    expect(info.ModDate).toBe("2015-01-23T00:00:00Z");
  });

  it("reports every font substitution with its source", () => {
    expect(result.substitutions).toEqual([
      { role: "fangsong", requested: "仿宋_GB2312", used: "Noto Serif SC", source: "bundled" },
      {
        role: "xiaobiaosong",
        requested: "方正小标宋简体",
        used: "Noto Serif SC",
        source: "bundled",
        syntheticBold: true,
      },
      { role: "heiti", requested: "黑体", used: "Noto Sans SC", source: "bundled" },
      { role: "kaiti", requested: "楷体_GB2312", used: "Noto Serif SC", source: "bundled" },
      { role: "songti", requested: "宋体", used: "Noto Serif SC", source: "bundled" },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it("is deterministic: the same tree gives the same bytes, from the same or a fresh renderer", async () => {
    const again = await renderer.render(tree);
    const fresh = await createPdfRenderer({ systemFonts: false }).render(tree);
    expect(Buffer.from(again.bytes).equals(Buffer.from(result.bytes))).toBe(true);
    expect(Buffer.from(fresh.bytes).equals(Buffer.from(result.bytes))).toBe(true);
  });
});

describe("page numbers", () => {
  it("letters have none on page 1, and — N — on the following pages", async () => {
    const tree = letterTree(1);
    tree.blocks.push({ type: "pageBreak" }, { type: "paragraph", runs: [{ text: "第二页的正文。" }] });
    const r = await renderer.render(tree);
    expect(r.pages).toBe(2);
    expect(squeezeSpace(pdfText(r.bytes, { first: 1, last: 1 }))).not.toMatch(/—\d+—/);
    expect(squeezeSpace(pdfText(r.bytes, { first: 2, last: 2 }))).toContain("—2—");
  });

  it("documents number page 1 too", async () => {
    const tree = letterTree(1);
    tree.kind = "document";
    const r = await renderer.render(tree);
    expect(r.pages).toBe(1);
    expect(squeezeSpace(pdfText(r.bytes))).toContain("—1—");
  });
});

describe("pageBreak with odd parity", () => {
  it("inserts a blank, unnumbered page so the next part starts on an odd page", async () => {
    const tree = letterTree(1);
    tree.kind = "document";
    tree.blocks.push(
      { type: "pageBreak", parity: "odd" },
      { type: "paragraph", runs: [{ text: "附件正文。" }] },
    );
    const r = await renderer.render(tree);
    expect(r.pages).toBe(3);
    expect(squeezeSpace(pdfText(r.bytes, { first: 2, last: 2 }))).toBe("");
    expect(squeezeSpace(pdfText(r.bytes, { first: 3, last: 3 }))).toBe("附件正文。—3—");
  });
});

describe("renderPdf (process-wide renderer)", () => {
  it("renders the same bytes as a dedicated renderer with the same options", async () => {
    const a = await renderPdf(letterTree(7), { systemFonts: false });
    const b = await renderer.render(letterTree(7));
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });
});

describe("bad input", () => {
  it("rejects a document date that is not YYYY-MM-DD", async () => {
    const tree = letterTree(1);
    tree.meta.date = "2015/1/23";
    await expect(renderer.render(tree)).rejects.toThrow("文档日期应为 YYYY-MM-DD 格式：2015/1/23");
  });
});
