import { describe, expect, it } from "vitest";
import { headingNumber, numberHeadings } from "../../src/compose/numbering.js";
import type { Block, DocumentTree, HeadingBlock, HeadingLevel } from "../../src/document/tree.js";

const meta = { title: "t", author: "a", date: "2015-01-23" };
const h = (level: HeadingLevel, text: string, unnumbered = false): HeadingBlock => ({
  type: "heading",
  level,
  number: "",
  runs: [{ text }],
  ...(unnumbered ? { unnumbered: true } : {}),
});
const tree = (blocks: Block[]): DocumentTree => ({ kind: "document", meta, blocks });
const numbers = (t: DocumentTree) =>
  t.blocks.filter((b): b is HeadingBlock => b.type === "heading").map((b) => `${b.number}${b.runs[0]!.text}`);

describe("headingNumber", () => {
  it("formats each level as GB/T 9704 orders them", () => {
    expect(headingNumber(1, 1)).toBe("一、");
    expect(headingNumber(1, 11)).toBe("十一、");
    expect(headingNumber(2, 3)).toBe("（三）");
    expect(headingNumber(2, 10)).toBe("（十）");
    expect(headingNumber(3, 2)).toBe("2.");
    expect(headingNumber(4, 12)).toBe("（12）");
  });
});

describe("numberHeadings", () => {
  it("numbers a four-level outline and restarts deeper levels", () => {
    const input = tree([
      h(1, "甲"),
      h(2, "甲一"),
      h(3, "甲一1"),
      h(4, "甲一1a"),
      h(4, "甲一1b"),
      h(3, "甲一2"),
      h(4, "甲一2a"),
      h(2, "甲二"),
      h(3, "甲二1"),
      h(1, "乙"),
      h(2, "乙一"),
      h(4, "乙一a"),
    ]);
    expect(numbers(numberHeadings(input))).toEqual([
      "一、甲",
      "（一）甲一",
      "1.甲一1",
      "（1）甲一1a",
      "（2）甲一1b",
      "2.甲一2",
      "（1）甲一2a",
      "（二）甲二",
      "1.甲二1",
      "二、乙",
      "（一）乙一",
      "（1）乙一a",
    ]);
  });

  it("leaves opted-out headings unnumbered, not counted, but restarting deeper levels", () => {
    const out = numberHeadings(
      tree([h(1, "甲"), h(2, "甲一"), h(2, "甲二"), h(1, "附", true), h(2, "附一"), h(1, "乙")]),
    );
    expect(numbers(out)).toEqual(["一、甲", "（一）甲一", "（二）甲二", "附", "（一）附一", "二、乙"]);
  });

  it("restarts at a title and leaves other blocks alone", () => {
    const para: Block = { type: "paragraph", runs: [{ text: "正文" }] };
    const out = numberHeadings(
      tree([
        h(1, "甲"),
        h(1, "乙"),
        para,
        { type: "pageBreak" },
        { type: "title", text: "附件" },
        h(1, "丙"),
      ]),
    );
    expect(numbers(out)).toEqual(["一、甲", "二、乙", "一、丙"]);
    expect(out.blocks[2]).toBe(para);
  });

  it("does not change its input and renumbers already numbered trees the same way", () => {
    const input = tree([h(1, "甲"), h(2, "甲一")]);
    const once = numberHeadings(input);
    expect((input.blocks[0] as HeadingBlock).number).toBe("");
    expect(numberHeadings(once)).toEqual(once);
  });
});
