/**
 * Page breaking in the PDF writer, read back per page (pdftotext -bbox):
 * - the signature and date never stand alone on a page (GB/T 9704-2012 7.3.5): body lines go
 *   with them;
 * - widow and orphan control: a paragraph never leaves its first line alone at a page foot nor
 *   its last line alone at a page head; pages filled by one paragraph keep 22 lines;
 * - headings (and chains of headings) go to the next page with what follows and start on its
 *   first grid line.
 */
import { describe, expect, it } from "vitest";
import {
  A4_GBT9704,
  DEFAULT_FONT_NAMES,
  charPitch,
  linePitch,
  mmToPt,
} from "../../../src/document/layout.js";
import type { Block, DocumentTree } from "../../../src/document/tree.js";
import { FontSet } from "../../../src/render/pdf/fonts/resolve.js";
import { createPdfRenderer } from "../../../src/render/pdf/index.js";
import { layoutDocument } from "../../../src/render/pdf/layout.js";
import { NO_SEAL } from "../../../src/render/seal.js";
import { Shaper } from "../../../src/render/pdf/text.js";
import { pdfWords, textLines } from "../../helpers/pdf.js";

const TOP = mmToPt(37);
const PITCH = linePitch();
/** Top of the em box of grid line k (0-based) for 16 pt text. */
const lineTop = (k: number): number => TOP + k * PITCH + (PITCH - 16) / 2;
const BODY_BOTTOM = mmToPt(297 - 35);

const renderer = createPdfRenderer({ systemFonts: false });

const doc = (blocks: Block[], kind: DocumentTree["kind"] = "document"): DocumentTree => ({
  kind,
  meta: { title: "测试", author: "测试机关", date: "2015-01-23" },
  blocks,
});

/** CJK characters only (no punctuation), n characters long, starting at `from` in a fixed sequence. */
const han = (n: number, from = 0): string =>
  Array.from({ length: n }, (_, i) => String.fromCodePoint(0x4e00 + (((i + from) * 7919) % 2000))).join("");

/** A paragraph of exactly `lines` grid lines (first line indented two characters). */
const para = (lines: number, seed = 0): Block => ({
  type: "paragraph",
  runs: [{ text: han(26 + 28 * (lines - 1), seed * 1000) }],
});

/** The text lines of each page (page numbers dropped), with their grid line index. */
async function pages(tree: DocumentTree): Promise<{ k: number; text: string }[][]> {
  const r = await renderer.render(tree);
  return pdfWords(r.bytes).map((words) =>
    textLines(words)
      .filter((l) => l.y < BODY_BOTTOM)
      .map((l) => ({ k: Math.round((l.y - lineTop(0)) / PITCH) + 0, text: l.text })),
  );
}

const signature: Block = { type: "signature", agency: "某市商务局", date: "2015年1月23日" };

describe("the signature stays with body text (GB/T 9704-2012 7.3.5)", () => {
  it("a body ending exactly at the page foot: its last two lines go to page 2 with the signature", async () => {
    const body = para(20, 1);
    const tree = doc(
      // (an addressee right below the title gets a blank line above it: a blank line here instead)
      [{ type: "title", text: "关于某事项的复函" }, { type: "blank" }, body, signature],
      "letter",
    );
    const ps = await pages(tree);
    expect(ps).toHaveLength(2);
    // Page 1: title, a blank line and 18 lines of the paragraph.
    expect(ps[0]!.map((l) => l.k)).toEqual([0, ...Array.from({ length: 18 }, (_, i) => i + 2)]);
    // Page 2: the paragraph's last two lines from the first grid line, a blank line, agency, date.
    const text = han(26 + 28 * 19, 1000);
    expect(ps[1]).toEqual([
      { k: 0, text: text.slice(-56, -28) },
      { k: 1, text: text.slice(-28) },
      { k: 3, text: "某市商务局" },
      { k: 4, text: "2015年1月23日" },
    ]);
  });

  it("counts a note (附注) below the date: signature, date and note move together with body lines", async () => {
    const tree = doc([para(19, 1), signature, { type: "note", runs: [{ text: "（联系电话：12345678）" }] }]);
    // 19 body lines leave 3: blank + agency + date would fit, the note would not.
    const ps = await pages(tree);
    expect(ps).toHaveLength(2);
    expect(ps[0]).toHaveLength(17);
    expect(ps[1]!.map((l) => l.k)).toEqual([0, 1, 3, 4, 5]);
    expect(ps[1]![4]!.text).toBe("（联系电话：12345678）");
  });

  it("leaves the page as it is when the signature just fits", async () => {
    const ps = await pages(doc([para(19, 1), signature]));
    expect(ps).toHaveLength(1);
    expect(ps[0]!.slice(-2)).toEqual([
      { k: 20, text: "某市商务局" },
      { k: 21, text: "2015年1月23日" },
    ]);
  });

  it("an explicit blank line above the signature is not stranded: it is counted again on the new page", async () => {
    const ps = await pages(doc([para(21, 1), { type: "blank" }, signature]));
    expect(ps).toHaveLength(2);
    expect(ps[0]).toHaveLength(19);
    expect(ps[1]!.map((l) => l.k)).toEqual([0, 1, 3, 4]);
  });

  it("with a seal: two blank lines, and body lines still go along", async () => {
    const ps = await pages(doc([para(19, 1), { ...signature, seal: true }]));
    expect(ps).toHaveLength(2);
    expect(ps[1]!.map((l) => l.k)).toEqual([0, 1, 4, 5]);
  });

  it("takes whole short paragraphs rather than leave one of their lines behind or alone", async () => {
    // 7 × 3 lines + 1 line = 22: the one-line paragraph and the whole 3-line one before it go.
    const blocks: Block[] = Array.from({ length: 7 }, (_, i) => para(3, i + 1));
    const ps = await pages(doc([...blocks, para(1, 9), signature]));
    expect(ps).toHaveLength(2);
    expect(ps[0]).toHaveLength(18);
    expect(ps[1]!.map((l) => l.k)).toEqual([0, 1, 2, 3, 5, 6]);
    expect(ps[1]![0]!.text).toBe(han(26, 7000));
  });

  it("carries only the last heading group with its short paragraph, not the headings above", async () => {
    const h = (level: 1 | 2, text: string): Block => ({ type: "heading", level, runs: [{ text }] });
    // 15 + 5 lines fill 20 of 22; blank + agency + date do not fit.
    const ps = await pages(
      doc([
        para(15, 1),
        h(1, "一、总体情况"),
        h(2, "（一）主动公开"),
        para(1, 2),
        h(2, "（二）依申请公开"),
        para(1, 3),
        signature,
      ]),
    );
    expect(ps).toHaveLength(2);
    expect(ps[0]!.map((l) => l.text).slice(-3)).toEqual(["一、总体情况", "（一）主动公开", han(26, 2000)]);
    expect(ps[0]).toHaveLength(18);
    expect(ps[1]!.map((l) => l.text)).toEqual([
      "（二）依申请公开",
      han(26, 3000),
      "某市商务局",
      "2015年1月23日",
    ]);
    expect(ps[1]!.map((l) => l.k)).toEqual([0, 1, 3, 4]);
  });

  it("takes the attachment note along with the body lines above it", async () => {
    const tree = doc([para(19, 1), { type: "attachments", items: ["统计表"] }, signature]);
    const ps = await pages(tree);
    expect(ps).toHaveLength(2);
    expect(ps[1]!.map((l) => l.text)).toEqual([
      han(26 + 28 * 18, 1000).slice(-56, -28),
      han(26 + 28 * 18, 1000).slice(-28),
      "附件：统计表",
      "某市商务局",
      "2015年1月23日",
    ]);
    expect(ps[1]!.map((l) => l.k)).toEqual([0, 1, 3, 5, 6]);
  });
});

describe("widows and orphans", () => {
  const ones = (n: number): Block[] => Array.from({ length: n }, (_, i) => para(1, i + 10));

  it("a paragraph's last line never starts a page alone: the whole 3-line paragraph moves", async () => {
    const ps = await pages(doc([...ones(20), para(3, 1)]));
    expect(ps[0]).toHaveLength(20);
    expect(ps[1]!.map((l) => l.k)).toEqual([0, 1, 2]);
    expect(ps[1]![0]!.text).toBe(han(26, 1000));
  });

  it("a longer paragraph is split two lines before its end", async () => {
    const ps = await pages(doc([...ones(19), para(4, 1)]));
    expect(ps[0]).toHaveLength(21);
    expect(ps[1]).toHaveLength(2);
  });

  it("a paragraph's first line never ends a page alone", async () => {
    const ps = await pages(doc([...ones(21), para(3, 1)]));
    expect(ps[0]).toHaveLength(21);
    expect(ps[1]).toHaveLength(3);
  });

  it("a page filled by one long paragraph keeps 22 lines; the split leaves two lines for the next page", async () => {
    const ps = await pages(doc([para(23, 1)]));
    expect(ps.map((p) => p.length)).toEqual([21, 2]);
    const long = await pages(doc([para(40, 1)]));
    expect(long.map((p) => p.length)).toEqual([22, 18]);
  });
});

describe("headings at a page break", () => {
  const ones = (n: number): Block[] => Array.from({ length: n }, (_, i) => para(1, i + 10));
  const h = (level: 1 | 2, text: string): Block => ({
    type: "heading",
    level,
    number: level === 1 ? "二、" : "（一）",
    runs: [{ text }],
  });

  it("a heading on the last line goes with its paragraph and starts on the first grid line", async () => {
    const ps = await pages(doc([...ones(21), h(1, "政务信息公开工作"), para(3, 1)]));
    expect(ps[0]).toHaveLength(21);
    expect(ps[1]![0]).toEqual({ k: 0, text: "二、政务信息公开工作" });
    expect(ps[1]!.map((l) => l.k)).toEqual([0, 1, 2, 3]);
  });

  it("two headings in a row go together", async () => {
    const ps = await pages(doc([...ones(20), h(1, "政务信息公开工作"), h(2, "完善工作机制"), para(3, 1)]));
    expect(ps[0]).toHaveLength(20);
    expect(ps[1]!.slice(0, 2)).toEqual([
      { k: 0, text: "二、政务信息公开工作" },
      { k: 1, text: "（一）完善工作机制" },
    ]);
  });

  it("a heading whose paragraph moves for widow control goes with it", async () => {
    const ps = await pages(doc([...ones(19), h(1, "政务信息公开工作"), para(3, 1)]));
    expect(ps[0]).toHaveLength(19);
    expect(ps[1]![0]).toEqual({ k: 0, text: "二、政务信息公开工作" });
  });

  it("a heading above a table that moves to the next page goes with it", async () => {
    const table: Block = {
      type: "table",
      headerRows: 1,
      rows: Array.from({ length: 3 }, (_, i) => ({
        cells: [{ paragraphs: [[{ text: `行${i + 1}` }]] }, { paragraphs: [[{ text: String(i) }]] }],
      })),
    };
    const ps = await pages(doc([...ones(21), h(1, "统计表"), table]));
    expect(ps[0]).toHaveLength(21);
    expect(ps[1]![0]).toEqual({ k: 0, text: "二、统计表" });
  });
});

describe("a table row taller than a page", () => {
  // 12 pt cell text on 18 pt lines: a page holds about 35 lines; this cell wraps to about 75.
  const long = Array.from({ length: 250 }, (_, i) => `第${i + 1}行`.padEnd(8, "填")).join("");
  const table: Block = {
    type: "table",
    headerRows: 1,
    columnWidths: [1, 3],
    rows: [
      { cells: [{ paragraphs: [[{ text: "项目" }]] }, { paragraphs: [[{ text: "说明" }]] }] },
      { cells: [{ paragraphs: [[{ text: "短" }]] }, { paragraphs: [[{ text: "一行" }]] }] },
      { cells: [{ paragraphs: [[{ text: "长条目" }]] }, { paragraphs: [[{ text: long }]] }] },
      { cells: [{ paragraphs: [[{ text: "末行" }]] }, { paragraphs: [[{ text: "结束" }]] }] },
    ],
  };

  it("is split over pages: nothing below the bottom margin, every character once and in order, the header on each page", async () => {
    const r = await renderer.render(doc([para(3, 1), table, para(1, 2)]));
    const pageWords = pdfWords(r.bytes);
    expect(pageWords.length).toBeGreaterThanOrEqual(3);
    const body = pageWords.map((ws) => textLines(ws).filter((l) => !/^—\d+—$/.test(l.text)));
    for (const lines of body) for (const l of lines) expect(l.y).toBeLessThan(BODY_BOTTOM);
    const cellText = body
      .flat()
      .map((l) => l.text)
      .join("")
      .replace(/项目说明/g, "");
    expect(cellText).toContain(long.replace(/\s/g, ""));
    for (const lines of body.slice(1, -1)) expect(lines[0]!.text).toBe("项目说明");
    expect(body.flat().some((l) => l.text === "末行结束")).toBe(true);
  });

  it("draws every border inside the type area", () => {
    const fonts = new FontSet({ fontNames: DEFAULT_FONT_NAMES, systemFonts: false, lang: "zh" });
    const pages = layoutDocument(doc([para(3, 1), table]), new Shaper(fonts, charPitch() / 16), {
      geometry: A4_GBT9704,
      seal: NO_SEAL,
    });
    const rules = pages.flatMap((p) => p.items.filter((it) => it.type === "rule"));
    expect(rules.length).toBeGreaterThan(0);
    for (const it of rules) {
      if (it.type !== "rule") continue;
      expect(Math.max(it.y1, it.y2)).toBeLessThanOrEqual(BODY_BOTTOM + 0.01);
      expect(Math.min(it.y1, it.y2)).toBeGreaterThanOrEqual(TOP - 0.01);
    }
  });
});
