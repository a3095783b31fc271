/**
 * renderDocx writes word/document.xml itself and reuses the package's other parts (skeleton.ts);
 * renderDocxReference writes everything through the docx package. They must give the same bytes,
 * for every block type and option — the fast path is the docx package's output, only faster.
 */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { defaultLayout } from "../../../src/document/layout.js";
import type { Block, DocumentTree } from "../../../src/document/tree.js";
import { renderDocx, renderDocxReference, type DocxOptions } from "../../../src/render/docx/index.js";
import { letterTree, summaryTree } from "../pdf/fixtures.js";
import { longTree, sampleTree, singleLineTree } from "./fixtures.js";

const meta = { title: "测试", author: "测试机关", date: "2015-01-23" };

/** Everything the writer has a branch for, beyond the fixtures. */
function edgeTree(): DocumentTree {
  const blocks: Block[] = [
    {
      type: "paragraph",
      runs: [
        { text: "制表\t对齐\t", italic: true },
        { text: " 首尾空格 ", underline: true },
        { text: "黑体强调", font: "heiti", bold: true },
        { text: "换\n行", breakAfter: true },
        { text: "控制字符\u0007与\r\n回车" },
      ],
    },
    { type: "pageBreak" },
    {
      type: "table",
      headerRows: 0,
      fontSize: 10.5,
      rows: [
        {
          cells: [
            { paragraphs: [] },
            { paragraphs: [[{ text: "两段" }], [{ text: "文字", bold: true }]], align: "right" },
          ],
        },
        { cells: [{ paragraphs: [[{ text: "短行" }]] }] },
      ],
    },
    { type: "pageBreak", parity: "odd" },
    { type: "table", headerRows: 1, rows: [{ cells: [{ paragraphs: [[{ text: "表头" }]], colSpan: 2 }] }] },
    { type: "pageBreak", parity: "odd" },
    { type: "list", ordered: false, items: [[{ text: "条目" }]] },
    { type: "blank" },
    { type: "attachments", items: ["唯一附件"] },
    { type: "blank" },
    { type: "signature", agency: "某某市人民政府办公室信息公开科", date: "2015年12月31日", seal: true },
    { type: "note", runs: [{ text: "（此件公开发布）" }] },
  ];
  return {
    kind: "document",
    meta: { ...meta, subject: "主题", keywords: ["甲", "乙"], date: "1975-06-30" },
    blocks,
  };
}

const trees: Record<string, () => DocumentTree> = {
  sample: sampleTree,
  long: longTree,
  single: () => singleLineTree(30),
  letterSingle: () => singleLineTree(3, "letter"),
  pdfLetter: () => letterTree(7),
  pdfSummary: summaryTree,
  edge: edgeTree,
  empty: () => ({ kind: "letter", meta, blocks: [] }),
  endsWithBreak: () => ({
    kind: "document",
    meta,
    blocks: [
      { type: "paragraph", runs: [{ text: "正文" }] },
      { type: "pageBreak", parity: "odd" },
    ],
  }),
};

const options: Record<string, DocxOptions> = {
  default: {},
  latin: { latinFont: "Times New Roman" },
  fonts: { layout: defaultLayout({ fangsong: "方正仿宋_GBK", heiti: "方正黑体_GBK" }) },
};

/** The first part that differs, with the text around the first difference. */
function firstDifference(a: Uint8Array, b: Uint8Array): string {
  const pa = unzipSync(a);
  const pb = unzipSync(b);
  for (const name of new Set([...Object.keys(pa), ...Object.keys(pb)])) {
    const x = pa[name] ? strFromU8(pa[name]) : "(missing)";
    const y = pb[name] ? strFromU8(pb[name]) : "(missing)";
    if (x === y) continue;
    let i = 0;
    while (x[i] === y[i]) i++;
    return `${name}: …${x.slice(Math.max(0, i - 80), i + 80)}… vs …${y.slice(Math.max(0, i - 80), i + 80)}…`;
  }
  return "same parts, different archive";
}

describe("renderDocx against renderDocxReference (the docx package alone)", () => {
  for (const [name, make] of Object.entries(trees)) {
    for (const [optName, opts] of Object.entries(options)) {
      it(`${name}, ${optName} options: the same bytes`, async () => {
        const fast = await renderDocx(make(), opts);
        const reference = await renderDocxReference(make(), opts);
        if (Buffer.compare(Buffer.from(fast), Buffer.from(reference)) !== 0)
          expect.fail(firstDifference(fast, reference));
      });
    }
  }

  it("reuses a cached package for another document of the same kind, with its own properties and body", async () => {
    const a = letterTree(1);
    const b = {
      ...letterTree(2),
      meta: { ...letterTree(2).meta, title: "另一份答复书", author: "另一机关" },
    };
    await renderDocx(a); // the skeleton for letters is built here
    const fast = await renderDocx(b);
    expect(Buffer.from(fast).equals(Buffer.from(await renderDocxReference(b)))).toBe(true);
    expect(strFromU8(unzipSync(fast)["docProps/core.xml"]!)).toContain("<dc:title>另一份答复书</dc:title>");
  });

  it("gives the same bytes run after run, and when rendered concurrently", async () => {
    const first = await renderDocx(sampleTree());
    const again = await Promise.all([
      renderDocx(sampleTree()),
      renderDocx(sampleTree()),
      renderDocx(longTree()),
    ]);
    expect(Buffer.from(again[0]).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(again[1]).equals(Buffer.from(first))).toBe(true);
  });

  it("still rejects a malformed document date before writing anything", async () => {
    await expect(renderDocx({ ...sampleTree(), meta: { ...meta, date: "2015-02-30" } })).rejects.toThrow(
      /2015-02-30/,
    );
  });
});
