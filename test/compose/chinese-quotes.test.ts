/**
 * Straight quotes in Chinese free text come out of compose as “” and ‘’ — read back from the PDF
 * and the DOCX written — while quotes in Latin-only text, apostrophes and URLs stay as typed.
 */
import { describe, expect, it } from "vitest";
import { markdownToTree } from "../../src/compose/markdown-to-tree.js";
import { renderDocx } from "../../src/render/docx/index.js";
import { createPdfRenderer } from "../../src/render/pdf/index.js";
import { docxParagraphs } from "../helpers/docx.js";
import { pdfText } from "../helpers/pdf.js";

const meta = { title: "测试", author: "测试机关", date: "2024-01-25" };
const md = [
  `获得"红旗窗口"称号2次，**"一网通办"**事项'A类'3项。`,
  ``,
  `网址 http://www.example.gov.cn/a?b=1&c=2 不变，英文 "cases" 与 don't 不变，单个"引号不变。`,
  ``,
  `| 事项 | 说明 |`,
  `| --- | --- |`,
  `| 危及"三安全一稳定" | 见"说明" |`,
].join("\n");

const expected = [
  "获得“红旗窗口”称号2次，“一网通办”事项‘A类’3项。",
  `网址 http://www.example.gov.cn/a?b=1&c=2 不变，英文 "cases" 与 don't 不变，单个"引号不变。`,
  "危及“三安全一稳定”",
  "见“说明”",
];

describe("typographic quotes in Chinese text", () => {
  const tree = markdownToTree(md, { kind: "document", meta });

  it("DOCX: the paragraphs and cells as written", async () => {
    const paras = docxParagraphs(await renderDocx(tree));
    for (const e of expected) expect(paras).toContain(e);
  });

  it("PDF: the text read back", async () => {
    const r = await createPdfRenderer({ systemFonts: false }).render(tree);
    const text = pdfText(r.bytes).replace(/\s+/g, "");
    for (const e of expected) expect(text).toContain(e.replace(/\s+/g, ""));
  });
});
