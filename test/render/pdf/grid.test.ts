/**
 * Positions read back from the PDF (pdftotext -bbox: the em box of each word, y from the page
 * top) against the GB/T 9704 grid: A4, margins 37/28/35/26 mm, 22 lines × 28 characters.
 */
import { describe, expect, it } from "vitest";
import { charPitch, linePitch, mmToPt } from "../../../src/document/layout.js";
import type { DocumentTree } from "../../../src/document/tree.js";
import { createPdfRenderer } from "../../../src/render/pdf/index.js";
import { isClosing, isOpening } from "../../../src/render/pdf/linebreak.js";
import { pdfWords, textLines } from "../../helpers/pdf.js";
import { letterTree } from "./fixtures.js";

const TOP = mmToPt(37);
const LEFT = mmToPt(28);
const RIGHT = mmToPt(210 - 26);
const PITCH = linePitch();
const CELL = charPitch();
const SIZE = 16;
/** Top of the em box of grid line k (0-based): the 16 pt box is centred in the line. */
const lineTop = (k: number): number => TOP + k * PITCH + (PITCH - SIZE) / 2;
/** Left edge of a 16 pt glyph in grid cell c: centred in the 15.75 pt cell. */
const cellLeft = (c: number): number => LEFT + c * CELL + (CELL - SIZE) / 2;

const renderer = createPdfRenderer({ systemFonts: false });

const doc = (blocks: DocumentTree["blocks"], kind: DocumentTree["kind"] = "document"): DocumentTree => ({
  kind,
  meta: { title: "测试", author: "测试机关", date: "2015-01-23" },
  blocks,
});

/** Text of CJK characters only (no punctuation), n characters long. */
const han = (n: number): string =>
  Array.from({ length: n }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919) % 2000))).join("");

describe("the character grid", async () => {
  const r = await renderer.render(doc([{ type: "paragraph", runs: [{ text: han(28 * 30) }] }]));
  const page1 = textLines(pdfWords(r.bytes, { first: 1, last: 1 })[0]!);
  const body = page1.filter((l) => l.y < mmToPt(297 - 35));

  it("puts the first body line where the grid says (within 0.5 pt)", () => {
    expect(Math.abs(body[0]!.y - lineTop(0))).toBeLessThan(0.5);
    // First-line indent of two characters.
    expect(Math.abs(body[0]!.xMin - cellLeft(2))).toBeLessThan(0.5);
  });

  it("sets 22 lines on a full page, one line pitch apart", () => {
    expect(body).toHaveLength(22);
    body.forEach((l, k) => expect(Math.abs(l.y - lineTop(k))).toBeLessThan(0.5));
  });

  it("sets 28 characters per full line, on the character grid", () => {
    for (const l of body.slice(1)) {
      expect([...l.text]).toHaveLength(28);
      expect(Math.abs(l.xMin - cellLeft(0))).toBeLessThan(0.5);
      // Justified to the measure; the last character keeps its natural width (as in the DOCX).
      expect(Math.abs(l.xMax - (RIGHT + (SIZE - CELL) / 2 - (SIZE - CELL)))).toBeLessThan(0.5);
    }
  });
});

describe("Chinese line breaking in the PDF", async () => {
  // Clauses of varying length: commas and closing marks keep landing at line ends.
  const clauses = Array.from(
    { length: 60 },
    (_, i) => han(3 + ((i * 5) % 11)) + ["，", "。", "、", "；", "”", "）。"][i % 6]!,
  );
  const text = clauses.map((c, i) => (i % 6 === 4 ? "“" : i % 6 === 5 ? "（" : "") + c).join("");
  const r = await renderer.render(doc([{ type: "paragraph", runs: [{ text }] }]));
  const lines = pdfWords(r.bytes)
    .flatMap((p) => textLines(p))
    .filter((l) => !/^—\d+—$/.test(l.text));

  it("the paragraph provokes the rules: plain 28-per-line chopping would start lines with closing marks", () => {
    const chars = [...text];
    const naive: string[] = [chars.slice(0, 26).join("")];
    for (let i = 26; i < chars.length; i += 28) naive.push(chars.slice(i, i + 28).join(""));
    expect(naive.filter((l) => isClosing(l.codePointAt(0)!)).length).toBeGreaterThan(3);
  });

  it("no line starts with closing punctuation nor ends with opening punctuation", () => {
    expect(lines.map((l) => l.text).join("")).toBe(text);
    for (const l of lines) {
      expect(isClosing(l.text.codePointAt(0)!), l.text).toBe(false);
      expect(isOpening([...l.text].at(-1)!.codePointAt(0)!), l.text).toBe(false);
    }
  });

  it("never overflows the margins", () => {
    for (const l of lines) {
      expect(l.xMin).toBeGreaterThan(LEFT - 0.5);
      expect(l.xMax).toBeLessThan(RIGHT + 0.5);
    }
  });

  it("keeps numbers whole and breaks a URL only after a slash", async () => {
    const url = "http://www.example.gov.cn/xxgk/2014/index.html";
    const t = han(20) + "2014" + han(23) + url + han(10) + "60%" + han(30);
    const rr = await renderer.render(doc([{ type: "paragraph", runs: [{ text: t }] }]));
    const ls = textLines(pdfWords(rr.bytes)[0]!).map((l) => l.text);
    const i = ls.findIndex((l) => l.includes("http"));
    const head = ls[i]!.slice(ls[i]!.indexOf("http"));
    if (!head.includes(url)) {
      expect(url.startsWith(head) && head.endsWith("/")).toBe(true);
      expect(ls[i + 1]!.startsWith(url.slice(head.length))).toBe(true);
    }
    expect(ls.join("")).toContain(url);
    expect(ls.some((l) => l.includes("2014"))).toBe(true);
    expect(ls.some((l) => l.includes("60%"))).toBe(true);
  });
});

describe("signature block, page numbers", async () => {
  it("without seal: agency right-indented 2 characters or shifted for a longer date; date 2 characters right of the agency", async () => {
    const r = await renderer.render(
      doc([
        { type: "paragraph", runs: [{ text: "正文。" }] },
        { type: "signature", agency: "某市人民政府办公室", date: "2015年1月23日" },
      ]),
    );
    const ls = textLines(pdfWords(r.bytes)[0]!);
    const agency = ls.find((l) => l.text === "某市人民政府办公室")!;
    const date = ls.find((l) => l.text === "2015年1月23日")!;
    // One blank line between body and signature.
    expect(Math.abs(agency.y - lineTop(2))).toBeLessThan(0.5);
    expect(Math.abs(date.y - lineTop(3))).toBeLessThan(0.5);
    expect(Math.abs(agency.xMax - (RIGHT - 2 * CELL))).toBeLessThan(0.5);
    expect(Math.abs(date.xMin - (agency.xMin + 2 * CELL))).toBeLessThan(0.5);
  });

  it("without seal, a date longer than the agency is right-indented 2 characters", async () => {
    const r = await renderer.render(letterTree(1));
    const ls = textLines(pdfWords(r.bytes)[0]!);
    const agency = ls.find((l) => l.text === "某市商务局")!;
    const date = ls.find((l) => l.text === "2014年3月28日")!;
    expect(Math.abs(date.xMax - (RIGHT - 2 * CELL))).toBeLessThan(0.5);
    expect(Math.abs(date.xMin - (agency.xMin + 2 * CELL))).toBeLessThan(0.5);
  });

  it("with seal: date right-indented 4 characters, agency centred over it", async () => {
    const r = await renderer.render(
      doc([
        { type: "paragraph", runs: [{ text: "正文。" }] },
        { type: "signature", agency: "某市商务局", date: "2015年1月23日", seal: true },
      ]),
    );
    const ls = textLines(pdfWords(r.bytes)[0]!);
    const agency = ls.find((l) => l.text === "某市商务局")!;
    const date = ls.find((l) => l.text === "2015年1月23日")!;
    expect(Math.abs(date.xMax - (RIGHT - 4 * CELL))).toBeLessThan(0.5);
    expect(Math.abs((agency.xMin + agency.xMax) / 2 - (date.xMin + date.xMax) / 2)).toBeLessThan(0.5);
  });

  it("page numbers: 14 pt, 7 mm below the type area, odd pages right and even pages left, one character in", async () => {
    const r = await renderer.render(doc([{ type: "paragraph", runs: [{ text: han(28 * 30) }] }]));
    const pages = pdfWords(r.bytes).map((p) => textLines(p));
    const num = (k: number) => pages[k - 1]!.find((l) => l.text === `—${k}—`)!;
    const emTop = mmToPt(297 - 35 + 7);
    expect(Math.abs(num(1).y - emTop)).toBeLessThan(0.5);
    expect(Math.abs(num(1).xMax - (RIGHT - CELL))).toBeLessThan(0.5);
    expect(Math.abs(num(2).y - emTop)).toBeLessThan(0.5);
    expect(Math.abs(num(2).xMin - (LEFT + CELL))).toBeLessThan(0.5);
  });
});
