import { describe, expect, it } from "vitest";
import { markdownToTree } from "../../src/compose/markdown-to-tree.js";
import type { TableBlock } from "../../src/document/tree.js";

const meta = { title: "t", author: "a", date: "2015-01-23" };
const table = (md: string): TableBlock => {
  const [block] = markdownToTree(md, { kind: "document", meta }).blocks;
  expect(block?.type).toBe("table");
  return block as TableBlock;
};
const failure = (md: string): string => {
  try {
    markdownToTree(md, { kind: "document", meta, source: "t.md.hbs" });
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("no error");
};
const cell = (text: string, extra: object = {}) => ({ paragraphs: [[{ text }]], ...extra });

describe("::: table (spans)", () => {
  it("reads a three-row header with row and column spans (annual-report style)", () => {
    const md = [
      '::: table widths=4,1,1,1,1 size=10.5 caption="表二 收到和处理政府信息公开申请情况"',
      "| 本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和 {rs=3} | 申请人情况 {cs=4} |",
      "| 自然人 {rs=2} | 法人或其他组织 {cs=2} | 总计 {rs=2} |",
      "| 商业企业 | 科研机构 |",
      "| --- | :-: | :-: | :-: | :-: |",
      "| 一、本年新收政府信息公开申请数量 | 1 | 2 | 0 | 3 |",
      "| 二、上年结转 {align=right} | 0 | 0 | 0 | 0 |",
      ":::",
    ].join("\n");
    expect(table(md)).toEqual({
      type: "table",
      caption: "表二 收到和处理政府信息公开申请情况",
      headerRows: 3,
      columnWidths: [4, 1, 1, 1, 1],
      fontSize: 10.5,
      rows: [
        {
          cells: [
            cell("本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和", { rowSpan: 3 }),
            cell("申请人情况", { colSpan: 4 }),
          ],
        },
        {
          cells: [
            cell("自然人", { rowSpan: 2 }),
            cell("法人或其他组织", { colSpan: 2 }),
            cell("总计", { rowSpan: 2 }),
          ],
        },
        { cells: [cell("商业企业"), cell("科研机构")] },
        {
          cells: [
            cell("一、本年新收政府信息公开申请数量"),
            cell("1", { align: "center" }),
            cell("2", { align: "center" }),
            cell("0", { align: "center" }),
            cell("3", { align: "center" }),
          ],
        },
        {
          cells: [
            cell("二、上年结转", { align: "right" }),
            cell("0", { align: "center" }),
            cell("0", { align: "center" }),
            cell("0", { align: "center" }),
            cell("0", { align: "center" }),
          ],
        },
      ],
    });
  });

  it("has no header rows without a | --- | line, splits cells at <br>, keeps escaped | and {", () => {
    expect(
      table("::: table\n| 甲<br>乙 | **丙** \\| 丁 |\n| a\\{cs=2\\} | b {colspan=1 rowspan=1} |\n:::"),
    ).toEqual({
      type: "table",
      headerRows: 0,
      rows: [
        {
          cells: [
            { paragraphs: [[{ text: "甲" }], [{ text: "乙" }]] },
            { paragraphs: [[{ text: "丙", bold: true }, { text: " | 丁" }]] },
          ],
        },
        { cells: [cell("a{cs=2}"), cell("b")] },
      ],
    });
  });

  it("gives an empty cell one empty paragraph", () => {
    expect(table("::: table\n| 甲 |  |\n:::").rows[0]!.cells[1]).toEqual({ paragraphs: [[]] });
  });

  it("checks that the grid adds up", () => {
    expect(failure("::: table\n| a | b |\n| c |\n:::")).toBe(
      "t.md.hbs（生成的 Markdown 第 3 行）：第 2 行只覆盖了 1 列，表格有 2 列",
    );
    expect(failure("::: table\n| a | b |\n| c | d | e |\n:::")).toBe(
      "t.md.hbs（生成的 Markdown 第 3 行）：第 2 行超出了表格的 2 列",
    );
    expect(failure("::: table\n| a {rs=3} | b |\n| c |\n:::")).toBe(
      "t.md.hbs（生成的 Markdown 第 2 行）：第 1 行的 rs=3 超出了表格底部",
    );
    expect(failure("::: table widths=1,2,3\n| a | b |\n:::")).toBe(
      "t.md.hbs（生成的 Markdown 第 1 行）：widths= 有 3 个数，表格有 2 列",
    );
    expect(failure("::: table\n| a | b |\n| --- |\n| c | d |\n:::")).toBe(
      "t.md.hbs（生成的 Markdown 第 3 行）：分隔行有 1 格，表格有 2 列",
    );
    expect(failure("::: table\n| a {rs=2} | b |\n| --- | --- |\n| c |\n:::")).toBe(
      "t.md.hbs（生成的 Markdown 第 2 行）：表头的单元格不能跨到表身（rs=2）",
    );
  });

  it("rejects unknown attributes and malformed rows", () => {
    expect(failure("::: table\n| a {span=2} | b |\n:::")).toBe(
      "t.md.hbs（生成的 Markdown 第 2 行）：无法识别的单元格属性 span=2（可用 cs=、rs=、align=）",
    );
    expect(failure("::: table border=1\n| a |\n:::")).toBe(
      "t.md.hbs（生成的 Markdown 第 1 行）：::: table 没有参数 border=（可用 widths=、size=、caption=）",
    );
    expect(failure("::: table\na | b\n:::")).toBe(
      "t.md.hbs（生成的 Markdown 第 2 行）：表格的每一行须以 | 开头",
    );
    expect(failure("::: table\n:::")).toBe("t.md.hbs（生成的 Markdown 第 1 行）：表格没有任何行");
  });
});
