import { describe, expect, it } from "vitest";
import type { FontFace } from "../../../src/render/pdf/fonts/face.js";
import { isSqueezableClosing, isSqueezableOpening, isWide } from "../../../src/render/pdf/linebreak.js";
import { balanceTitle, breakParagraph, type BrokenLine } from "../../../src/render/pdf/paragraph.js";
import type { Glyph } from "../../../src/render/pdf/text.js";

const CELL = 10;
const face = {} as FontFace;

/** Glyphs without a font: CJK one cell wide, Latin half a cell, as the shaper would set them. */
function glyphs(text: string): Glyph[] {
  return [...text].map((ch) => {
    const cp = ch.codePointAt(0)!;
    const wide = isWide(cp);
    const squeezable = isSqueezableClosing(cp) || isSqueezableOpening(cp);
    const w = wide ? CELL : CELL / 2;
    return {
      cp,
      text: ch,
      face,
      gid: 1,
      size: CELL,
      em: CELL,
      look: "",
      condense: 0,
      bold: false,
      underline: false,
      wide,
      space: ch === " ",
      hard: ch === "\n",
      advance: w,
      w,
      squeeze: squeezable ? CELL / 2 : 0,
      dx: 0,
      dxSqueezed: isSqueezableOpening(cp) ? -CELL / 2 : 0,
    };
  });
}

const lineText = (l: BrokenLine): string => l.glyphs.map((p) => p.g.text).join("");
const right = (l: BrokenLine): number => {
  const last = l.glyphs[l.glyphs.length - 1]!;
  return last.x + last.g.w - (last.squeezed ? last.g.squeeze : 0);
};

const params = { width: 10 * CELL, firstIndent: 0, restIndent: 0, align: "justify" as const };

describe("breakParagraph", () => {
  it("fills lines of whole characters and justifies all but the last", () => {
    const lines = breakParagraph(glyphs("一二三四五六七八九十甲乙丙丁戊"), {
      ...params,
      firstIndent: 2 * CELL,
    });
    expect(lines.map(lineText)).toEqual(["一二三四五六七八", "九十甲乙丙丁戊"]);
    expect(lines[0]!.glyphs[0]!.x).toBe(2 * CELL);
    expect(right(lines[0]!)).toBeCloseTo(10 * CELL, 9);
    expect(lines[1]!.glyphs.map((p) => p.x)).toEqual([0, 10, 20, 30, 40, 50, 60]);
  });

  it("never squeezes punctuation to fit a closing mark (推出 instead of 挤进)", () => {
    // 10 cells: "甲），丙丁戊己庚辛" fills nine; "壬" and "。" cannot both stay on the line.
    const lines = breakParagraph(glyphs("甲），丙丁戊己庚辛壬。癸子"), params);
    expect(lines.map(lineText)).toEqual(["甲），丙丁戊己庚辛", "壬。癸子"]);
    expect(lines.flatMap((l) => l.glyphs).some((p) => p.squeezed)).toBe(false);
    expect(right(lines[0]!)).toBeCloseTo(10 * CELL, 9);
  });

  it("keeps a lone bracket or comma inside the line full width (pushes a character down instead)", () => {
    const lines = breakParagraph(glyphs("第（二）项，丙丁戊己庚。癸子"), params);
    expect(lines.map(lineText)).toEqual(["第（二）项，丙丁戊己", "庚。癸子"]);
    expect(lines[0]!.glyphs.some((p) => p.squeezed)).toBe(false);
    // Every mark keeps its full cell: ten cells hold ten characters, not eleven.
    expect(lines[0]!.glyphs.map((p) => p.x)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
  });

  it("sets a line ragged rather than widen its gaps beyond a quarter character", () => {
    // "甲乙丙" then a 9-cell Latin run that cannot share the line: 7 cells of slack over 2 gaps.
    const lines = breakParagraph(glyphs("甲乙丙ABCDEFGHIJKLMNOPQR"), params);
    expect(lines.map(lineText)[0]).toBe("甲乙丙");
    expect(lines[0]!.glyphs.map((p) => p.x)).toEqual([0, 10, 20]);
    // A line short of one character over nine gaps is still justified.
    const full = breakParagraph(glyphs("甲乙丙丁戊己庚辛壬癸。子丑"), params);
    expect(right(full[0]!)).toBeCloseTo(10 * CELL, 9);
  });

  it("does not leave one character alone on the last line", () => {
    const lines = breakParagraph(glyphs("甲乙丙丁戊己庚辛壬癸述"), params);
    expect(lines.map(lineText)).toEqual(["甲乙丙丁戊己庚辛壬", "癸述"]);
    expect(right(lines[0]!)).toBeCloseTo(10 * CELL, 9);
    const withMark = breakParagraph(glyphs("甲乙丙丁戊己庚辛壬癸日。"), params);
    expect(withMark.map(lineText)).toEqual(["甲乙丙丁戊己庚辛壬", "癸日。"]);
    // Not in narrow measures (a table column one character wide sets one character a line).
    const narrow = breakParagraph(glyphs("三本年度"), { ...params, width: CELL });
    expect(narrow.map(lineText)).toEqual(["三", "本", "年", "度"]);
  });

  it("keeps a closing mark with the one character of a one-character measure, compressed", () => {
    const lines = breakParagraph(glyphs("三、本年"), { ...params, width: CELL * 1.2 });
    expect(lines.map(lineText)).toEqual(["三、", "本", "年"]);
    expect(lines[0]!.glyphs.map((p) => p.squeezed)).toEqual([false, true]);
  });

  it("pulls the previous character down when squeezing cannot make room (推出)", () => {
    const lines = breakParagraph(glyphs("甲乙丙丁戊己庚辛壬癸。子"), params);
    expect(lines.map(lineText)).toEqual(["甲乙丙丁戊己庚辛壬", "癸。子"]);
    // The shortened line is still justified to the full measure.
    expect(right(lines[0]!)).toBeCloseTo(10 * CELL, 9);
  });

  it("never ends a line with opening punctuation", () => {
    const lines = breakParagraph(glyphs("甲乙丙丁戊己庚辛壬（癸）"), params);
    expect(lines.map(lineText)).toEqual(["甲乙丙丁戊己庚辛壬", "（癸）"]);
  });

  it("keeps a Latin run whole and never overflows", () => {
    const lines = breakParagraph(glyphs("甲乙丙丁戊己庚辛壬2014年"), params);
    expect(lines.map(lineText)).toEqual(["甲乙丙丁戊己庚辛壬", "2014年"]);
  });

  it("breaks a run longer than the line inside it rather than overflow", () => {
    const lines = breakParagraph(glyphs("http://example.gov.cn/aaaaaaaaaa"), params);
    for (const l of lines) expect(right(l)).toBeLessThanOrEqual(10 * CELL + 1e-9);
    expect(lines.map(lineText).join("")).toBe("http://example.gov.cn/aaaaaaaaaa");
  });

  it("honours hard line breaks, leaving the line before unjustified", () => {
    const lines = breakParagraph(glyphs("甲乙\n丙丁"), params);
    expect(lines.map(lineText)).toEqual(["甲乙", "丙丁"]);
    expect(lines[0]!.glyphs.map((p) => p.x)).toEqual([0, 10]);
  });

  it("centres and right-aligns", () => {
    expect(breakParagraph(glyphs("甲乙"), { ...params, align: "center" })[0]!.glyphs[0]!.x).toBe(40);
    expect(breakParagraph(glyphs("甲乙"), { ...params, align: "right" })[0]!.glyphs[0]!.x).toBe(80);
  });
});

describe("balanceTitle", () => {
  it("uses one line when the title fits", () => {
    expect(
      balanceTitle(glyphs("关于报告的通知"), 28 * CELL).map((l) => l.map((g) => g.text).join("")),
    ).toEqual(["关于报告的通知"]);
  });

  it("breaks a long title into balanced lines at word boundaries", () => {
    const title = "某市商务局关于2014年政府信息公开工作情况的报告";
    const lines = balanceTitle(glyphs(title), 16 * CELL).map((l) => l.map((g) => g.text).join(""));
    expect(lines.join("")).toBe(title);
    expect(lines).toHaveLength(2);
    const widths = lines.map((l) => [...l].reduce((s, c) => s + (isWide(c.codePointAt(0)!) ? 1 : 0.5), 0));
    expect(Math.abs(widths[0]! - widths[1]!)).toBeLessThanOrEqual(3);
    // Words stay whole: no line boundary inside 政府 / 信息 / 公开 / 工作 / 情况 / 报告.
    for (const w of ["政府", "信息", "公开", "工作", "情况", "报告", "2014"]) {
      expect(lines.some((l) => l.includes(w))).toBe(true);
    }
  });
});
