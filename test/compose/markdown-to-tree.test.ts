import { describe, expect, it } from "vitest";
import { markdownToTree } from "../../src/compose/markdown-to-tree.js";
import type { Block } from "../../src/document/tree.js";
import { UserError } from "../../src/util/errors.js";

const meta = { title: "标题", author: "市商务局", date: "2015-01-23" };
const blocks = (md: string): Block[] => markdownToTree(md, { kind: "document", meta }).blocks;
const failure = (md: string, lang: "zh" | "en" = "zh"): string => {
  try {
    markdownToTree(md, { kind: "document", meta, source: "templates/x.md.hbs", lang });
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error("no error");
};

describe("markdownToTree: Markdown", () => {
  it("keeps kind and meta", () => {
    const tree = markdownToTree("正文", { kind: "letter", meta });
    expect(tree.kind).toBe("letter");
    expect(tree.meta).toBe(meta);
  });

  it("maps # to the title and setext lines to title lines", () => {
    expect(blocks("# 关于2014年度工作的总结")).toEqual([{ type: "title", text: "关于2014年度工作的总结" }]);
    expect(blocks("市商务局2014年度集中审批服务和\n政务公开工作总结\n===")).toEqual([
      {
        type: "title",
        text: "市商务局2014年度集中审批服务和政务公开工作总结",
        lines: ["市商务局2014年度集中审批服务和", "政务公开工作总结"],
      },
    ]);
  });

  it("maps ## to ##### to heading levels 1–4 with empty numbers, and {-} to unnumbered", () => {
    expect(
      blocks("## 一级\n### 二级\n#### 三级\n##### 四级\n## 结语 {-}\n## 附记{-}\n## 字面 \\{-}"),
    ).toEqual([
      { type: "heading", level: 1, number: "", runs: [{ text: "一级" }] },
      { type: "heading", level: 2, number: "", runs: [{ text: "二级" }] },
      { type: "heading", level: 3, number: "", runs: [{ text: "三级" }] },
      { type: "heading", level: 4, number: "", runs: [{ text: "四级" }] },
      { type: "heading", level: 1, number: "", runs: [{ text: "结语" }], unnumbered: true },
      { type: "heading", level: 1, number: "", runs: [{ text: "附记" }], unnumbered: true },
      { type: "heading", level: 1, number: "", runs: [{ text: "字面 {-}" }] },
    ]);
    expect(blocks("二级标题\n---")).toEqual([
      { type: "heading", level: 1, number: "", runs: [{ text: "二级标题" }] },
    ]);
    expect(failure("###### 五级")).toBe(
      "templates/x.md.hbs（生成的 Markdown 第 1 行）：标题最多四级（## 到 #####）",
    );
  });

  it("maps paragraphs with bold, italic and hard breaks to runs", () => {
    expect(blocks("坚持**“一站式”**服务，*强调*文字\\\n下一行  \n再下一行")).toEqual([
      {
        type: "paragraph",
        runs: [
          { text: "坚持" },
          { text: "“一站式”", bold: true },
          { text: "服务，" },
          { text: "强调", italic: true },
          { text: "文字", breakAfter: true },
          { text: "下一行", breakAfter: true },
          { text: "再下一行" },
        ],
      },
    ]);
  });

  it("drops a typed full-width indent at the start of paragraphs and headings", () => {
    expect(blocks("\u3000\u3000正文\u3000中间\n\n## \u3000标题")).toEqual([
      { type: "paragraph", runs: [{ text: "正文\u3000中间" }] },
      { type: "heading", level: 1, number: "", runs: [{ text: "标题" }] },
    ]);
  });

  it("joins soft line breaks without a space in Chinese and with one in Latin text", () => {
    expect(blocks("第一行\n第二行\nabc\ndef\n中文\nxyz")).toEqual([
      { type: "paragraph", runs: [{ text: "第一行第二行abc def中文xyz" }] },
    ]);
  });

  it("leaves disabled constructs as text", () => {
    expect(blocks("    缩进不是代码\n> 不是引用 [链接](http://x) `代码` ~~删除~~ <b>x</b>")).toEqual([
      {
        type: "paragraph",
        runs: [{ text: "缩进不是代码> 不是引用 [链接](http://x) `代码` ~~删除~~ <b>x</b>" }],
      },
    ]);
    expect(blocks("```\ncode\n```")).toEqual([{ type: "paragraph", runs: [{ text: "``` code ```" }] }]);
  });

  it("maps lists to ListBlocks", () => {
    expect(blocks("1. 甲\n2. **乙**\n\n- 丙\n- 丁\n\n  续段")).toEqual([
      { type: "list", ordered: true, items: [[{ text: "甲" }], [{ text: "乙", bold: true }]] },
      {
        type: "list",
        ordered: false,
        items: [[{ text: "丙" }], [{ text: "丁", breakAfter: true }, { text: "续段" }]],
      },
    ]);
    expect(failure("- 甲\n  - 乙")).toBe(
      "templates/x.md.hbs（生成的 Markdown 第 2 行）：列表项中只能有文字段落（不支持嵌套列表、表格等）",
    );
  });

  it("maps GFM pipe tables with the first row as header and column alignment", () => {
    expect(blocks("| 渠道 | 条数 |\n| :--- | ---: |\n| 网站 | 118 |\n| 微博 \\| 微信 | **75** |")).toEqual([
      {
        type: "table",
        headerRows: 1,
        rows: [
          {
            cells: [
              { paragraphs: [[{ text: "渠道" }]], align: "left" },
              { paragraphs: [[{ text: "条数" }]], align: "right" },
            ],
          },
          {
            cells: [
              { paragraphs: [[{ text: "网站" }]], align: "left" },
              { paragraphs: [[{ text: "118" }]], align: "right" },
            ],
          },
          {
            cells: [
              { paragraphs: [[{ text: "微博 | 微信" }]], align: "left" },
              { paragraphs: [[{ text: "75", bold: true }]], align: "right" },
            ],
          },
        ],
      },
    ]);
  });
});

describe("markdownToTree: block forms", () => {
  it("docnumber and addressee", () => {
    expect(
      blocks(
        "::: docnumber\n商务公开复〔2014〕3号\n:::\n::: addressee\n张某\n:::\n::: addressee\n各县区商务局:\n:::",
      ),
    ).toEqual([
      { type: "docNumber", text: "商务公开复〔2014〕3号" },
      { type: "addressee", text: "张某：" },
      { type: "addressee", text: "各县区商务局：" },
    ]);
  });

  it("signature: agency and date lines, ISO dates formatted, optional seal", () => {
    expect(
      blocks("::: signature\n市商务局\n2015-01-23\n:::\n\n::: signature seal\n市商务局\n2015年1月23日\n:::"),
    ).toEqual([
      { type: "signature", agency: "市商务局", date: "2015年1月23日" },
      { type: "signature", agency: "市商务局", date: "2015年1月23日", seal: true },
    ]);
    expect(failure("::: signature\n市商务局\n:::")).toBe(
      "templates/x.md.hbs（生成的 Markdown 第 1 行）：::: signature 中须正好两行：第一行发文机关，第二行成文日期",
    );
    expect(failure("::: signature\n市商务局\n2015-02-30\n:::")).toBe(
      "templates/x.md.hbs（生成的 Markdown 第 1 行）：成文日期 2015-02-30 不是有效日期",
    );
    expect(failure("::: signature stamp\n甲\n2015-01-23\n:::")).toBe(
      "templates/x.md.hbs（生成的 Markdown 第 1 行）：::: signature 不认识 stamp",
    );
  });

  it("attachments from a list or from lines", () => {
    expect(
      blocks("::: attachments\n1. 申请表\n2. 统计表\n:::\n::: attachments\n附件甲\n附件乙\n:::"),
    ).toEqual([
      { type: "attachments", items: ["申请表", "统计表"] },
      { type: "attachments", items: ["附件甲", "附件乙"] },
    ]);
  });

  it("note is wrapped in full-width parentheses unless already", () => {
    expect(blocks("::: note\n此件公开发布\n:::\n::: note\n（联系人：**李某**）\n:::")).toEqual([
      { type: "note", runs: [{ text: "（此件公开发布）" }] },
      { type: "note", runs: [{ text: "（联系人：" }, { text: "李某", bold: true }, { text: "）" }] },
    ]);
  });

  it("center, right and noindent paragraphs", () => {
    expect(
      blocks("::: center\n居中\n\n第二段\n:::\n::: right\n右对齐\n:::\n::: noindent\n顶格\n:::"),
    ).toEqual([
      { type: "paragraph", runs: [{ text: "居中" }], indent: "none", align: "center" },
      { type: "paragraph", runs: [{ text: "第二段" }], indent: "none", align: "center" },
      { type: "paragraph", runs: [{ text: "右对齐" }], indent: "none", align: "right" },
      { type: "paragraph", runs: [{ text: "顶格" }], indent: "none" },
    ]);
    expect(failure("::: center\n- 列表\n:::")).toBe(
      "templates/x.md.hbs（生成的 Markdown 第 1 行）：::: center 中只能写文字段落",
    );
  });

  it("page breaks and blank lines are one line each", () => {
    expect(blocks("甲\n::: pagebreak\n::: pagebreak odd\n::: blank\n::: blank 2\n乙")).toEqual([
      { type: "paragraph", runs: [{ text: "甲" }] },
      { type: "pageBreak" },
      { type: "pageBreak", parity: "odd" },
      { type: "blank" },
      { type: "blank" },
      { type: "blank" },
      { type: "paragraph", runs: [{ text: "乙" }] },
    ]);
    expect(failure("::: pagebreak even")).toBe(
      "templates/x.md.hbs（生成的 Markdown 第 1 行）：::: pagebreak 只接受 odd",
    );
  });

  it("reports block-form mistakes with the Markdown line", () => {
    expect(failure("甲\n\n::: sign\n乙\n:::")).toBe(
      "templates/x.md.hbs（生成的 Markdown 第 3 行）：未知的块 ::: sign（可用：docnumber、addressee、signature、attachments、note、center、right、noindent、closing、table、pagebreak、blank）",
    );
    expect(failure("::: note\n甲")).toBe(
      "templates/x.md.hbs（生成的 Markdown 第 1 行）：块 ::: note 没有结束行 :::",
    );
    expect(failure("甲\n:::")).toBe(
      "templates/x.md.hbs（生成的 Markdown 第 2 行）：多余的 :::（前面没有对应的 ::: 块名）",
    );
    expect(failure("::: note\n::: center\n:::\n:::")).toBe(
      "templates/x.md.hbs（生成的 Markdown 第 2 行）：块 ::: note 还没有用 ::: 结束，不能再开始新的块",
    );
    expect(failure("::: docnumber\n甲\n\n乙\n:::", "en")).toBe(
      "templates/x.md.hbs (generated Markdown line 1): ::: docnumber must hold exactly one paragraph",
    );
  });
});

describe("markdownToTree: dropEmptyHeadings", () => {
  const kept = (md: string, drop = true): string[] =>
    markdownToTree(md, { kind: "document", meta, ...(drop ? { dropEmptyHeadings: true } : {}) }).blocks.map(
      (b) => (b.type === "heading" ? `h${b.level}:${b.runs.map((r) => r.text).join("")}` : b.type),
    );
  it("leaves out a heading followed by one of its level or above, the signature, a closing or the end", () => {
    const md = "## 甲\n\n### 一\n\n正文\n\n### 二\n\n## 乙\n\n### 三\n\n::: closing\n结尾\n:::\n\n### 四\n";
    expect(kept(md)).toEqual(["h1:甲", "h2:一", "paragraph", "paragraph"]);
    expect(kept("## 甲\n\n::: signature\n市商务局\n2015-01-23\n:::\n")).toEqual(["signature"]);
  });
  it("keeps every heading without the option (the annual report's six sections are fixed)", () => {
    expect(kept("## 甲\n\n## 乙\n", false)).toEqual(["h1:甲", "h1:乙"]);
  });
  it("::: closing is ordinary paragraphs", () => {
    expect(blocks("::: closing\n结尾一\n\n结尾二\n:::")).toEqual([
      { type: "paragraph", runs: [{ text: "结尾一" }] },
      { type: "paragraph", runs: [{ text: "结尾二" }] },
    ]);
  });
});
