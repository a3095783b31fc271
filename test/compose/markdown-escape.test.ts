import { describe, expect, it } from "vitest";
import { escapeMarkdown, unescapeMarkdown } from "../../src/compose/markdown-escape.js";
import { markdownToTree } from "../../src/compose/markdown-to-tree.js";

const meta = { title: "t", author: "a", date: "2015-01-23" };
const paragraphText = (md: string) => {
  const tree = markdownToTree(md, { kind: "document", meta });
  return tree.blocks.map((b) =>
    b.type === "paragraph" ? b.runs.map((r) => r.text).join("") : `<${b.type}>`,
  );
};

describe("escapeMarkdown", () => {
  it("backslash-escapes ASCII punctuation", () => {
    expect(escapeMarkdown("a*b*_c_ #1 |x|")).toBe("a\\*b\\*\\_c\\_ \\#1 \\|x\\|");
    expect(escapeMarkdown("《条例》第二条")).toBe("《条例》第二条");
  });

  it.each([
    "a*b*_c_ #1 |x|",
    "# 不是标题",
    "1. 不是列表",
    "- 也不是列表",
    "::: signature",
    "<b>html</b> & &amp; [link](x) `code` ~~s~~ \\ {cs=2}",
    "**不加粗**",
    "===",
  ])("a value %j stays literal text", (value) => {
    expect(paragraphText("前" + escapeMarkdown(value) + "后")).toEqual(["前" + value + "后"]);
    expect(paragraphText(escapeMarkdown(value))).toEqual([value]);
  });

  it("folds line breaks: none between Chinese, one space between Latin words", () => {
    expect(escapeMarkdown("第一行\n第二行")).toBe("第一行第二行");
    expect(escapeMarkdown("first\r\n\r\n  second")).toBe("first second");
    expect(escapeMarkdown("张三\n\nabc")).toBe("张三abc");
    expect(escapeMarkdown("end\n")).toBe("end");
  });

  it("is undone by unescapeMarkdown", () => {
    const v = 'a*b*_c_ #1 |x| \\ "q"';
    expect(unescapeMarkdown(escapeMarkdown(v))).toBe(v);
  });
});
