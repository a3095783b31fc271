/**
 * The width class (document/chars.ts) through every caller: GB/T 9704 placements and title
 * breaks (textWidthInChars), the data-escaping line join, the Markdown paragraph join and the
 * PDF line breaker. The three classifiers it replaces disagreed on U+FF61–U+FFDC (half-width
 * katakana/hangul: narrow) and on emoji (wide).
 */
import { describe, expect, it } from "vitest";
import { charWidth, isWide } from "../../src/document/chars.js";
import { textWidthInChars } from "../../src/document/layout.js";
import { escapeMarkdown } from "../../src/compose/markdown-escape.js";
import { markdownToTree } from "../../src/compose/markdown-to-tree.js";
import { isWide as pdfIsWide } from "../../src/render/pdf/linebreak.js";
import { runsText, type ParagraphBlock } from "../../src/index.js";

// [character, class, width in characters, joined across a line break with itself]
const CASES: [string, ReturnType<typeof charWidth>, number, string][] = [
  ["的", "wide", 1, "的的"],
  ["，", "wide", 1, "，，"],
  ["“", "wide", 1, "““"],
  ["😀", "wide", 1, "😀😀"],
  // The edges of the full-width forms (U+FF01–FF60) and the half-width forms after them.
  ["！", "wide", 1, "！！"],
  ["｠", "wide", 1, "｠｠"],
  ["｡", "narrow", 0.5, "｡ ｡"],
  ["ｱ", "narrow", 0.5, "ｱ ｱ"],
  ["ￜ", "narrow", 0.5, "ￜ ￜ"],
  ["A", "narrow", 0.5, "A A"],
  ["①", "ambiguous", 1, "① ①"],
  ["※", "ambiguous", 1, "※ ※"],
];

function paragraphJoin(markdown: string): string {
  const tree = markdownToTree(markdown, { kind: "summary", meta: { title: "t" } as never });
  return runsText((tree.blocks[0] as ParagraphBlock).runs);
}

describe("one width class", () => {
  it("the PDF line breaker uses it", () => expect(pdfIsWide).toBe(isWide));

  for (const [ch, cls, width, joined] of CASES) {
    it(`${ch} (U+${ch.codePointAt(0)!.toString(16).toUpperCase()}) is ${cls} everywhere`, () => {
      expect(charWidth(ch.codePointAt(0)!)).toBe(cls);
      expect(textWidthInChars(ch + ch)).toBe(2 * width);
      expect(escapeMarkdown(`${ch}\n${ch}`).replace(/\\/g, "")).toBe(joined);
      expect(paragraphJoin(`${ch}\n${ch}`).replace(/\\/g, "")).toBe(joined);
    });
  }
});
