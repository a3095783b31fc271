/**
 * Page breaking in the DOCX: what the XML asks for (w:keepNext, w:keepLines, w:widowControl) and
 * what LibreOffice makes of it (converted to PDF, lines read back per page):
 * - the signature and date never stand alone on a page (GB/T 9704-2012 7.3.5);
 * - widow and orphan control on body paragraphs.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultLayout, mmToPt } from "../../../src/document/layout.js";
import type { Block, DocumentTree } from "../../../src/document/tree.js";
import { renderDocx, signatureKeeps } from "../../../src/render/docx/index.js";
import { convertDocxesToPdf, docxPart, pdfWords, type PdfPageWords } from "../../helpers/docx.js";
import { bodyChildren, findParagraph, paragraphText } from "./xml-helpers.js";

const TOP = mmToPt(37);
const TYPE_BOTTOM = mmToPt(297 - 35);
const PITCH = 579 / 20;

const doc = (blocks: Block[], kind: DocumentTree["kind"] = "document"): DocumentTree => ({
  kind,
  meta: { title: "测试", author: "测试机关", date: "2015-01-23" },
  blocks,
});

/** CJK characters only (no punctuation): n characters from a fixed sequence. */
const han = (n: number, from = 0): string =>
  Array.from({ length: n }, (_, i) => String.fromCodePoint(0x4e00 + (((i + from) * 7919) % 2000))).join("");

/** A paragraph of exactly `lines` grid lines (28 characters a line, the first indented 2). */
const para = (lines: number, seed = 0): Block => ({
  type: "paragraph",
  runs: [{ text: han(26 + 28 * (lines - 1), seed * 1000) }],
});
const ones = (n: number): Block[] => Array.from({ length: n }, (_, i) => para(1, i + 10));
const signature: Block = { type: "signature", agency: "某市商务局", date: "2015年1月23日" };
const note: Block = { type: "note", runs: [{ text: "（联系电话：12345678）" }] };

describe("keep and widow properties in the XML", () => {
  const keeps = (blocks: Block[]) => [...signatureKeeps(blocks, defaultLayout())].sort((a, b) => a - b);

  it("keeps the last paragraph, blank lines and the attachment note with the signature", () => {
    expect(keeps([para(3), para(3), signature])).toEqual([1]);
    expect(keeps([para(3), { type: "blank" }, signature])).toEqual([0, 1]);
    expect(keeps([para(3), { type: "attachments", items: ["表"] }, { type: "blank" }, signature])).toEqual([
      0, 1, 2,
    ]);
    expect(
      keeps([{ type: "list", ordered: true, items: [[{ text: "一" }], [{ text: "二" }]] }, signature]),
    ).toEqual([0]);
    // Nothing before a table or a heading: they are not body text that could go along.
    expect(
      keeps([{ type: "heading", level: 1, number: "一、", runs: [{ text: "标题" }] }, signature]),
    ).toEqual([]);
  });

  it("does not keep a paragraph that, with the signature, would not fit well within one page", () => {
    // 18 lines + blank + agency + date = 21 ≤ 21; 19 lines would be 22.
    expect(keeps([para(18), signature])).toEqual([0]);
    expect(keeps([para(19), signature])).toEqual([]);
    // a seal takes one more blank line, a note its lines
    expect(keeps([para(18), { ...signature, seal: true }])).toEqual([]);
    expect(keeps([para(17), signature, note])).toEqual([0]);
    expect(keeps([para(18), signature, note])).toEqual([]);
  });

  it("writes w:keepNext on the kept blocks, the date when a note follows, and widow control on body text", async () => {
    const bytes = await renderDocx(doc([para(3, 1), para(2, 2), { type: "blank" }, signature, note]));
    const xml = docxPart(bytes, "word/document.xml");
    const ps = bodyChildren(xml).filter((c) => c.startsWith("<w:p"));
    const [first, last, blank, agency, date, noteP] = ps;
    expect(first).not.toContain("<w:keepNext/>");
    expect(last).toContain("<w:keepNext/>");
    expect(blank).toContain("<w:keepNext/>");
    expect(agency).toContain("<w:keepNext/>");
    expect(agency).toContain("<w:keepLines/>");
    expect(paragraphText(date!)).toBe("2015年1月23日");
    expect(date).toContain("<w:keepNext/>");
    for (const p of [first, last, noteP]) expect(p).toContain("<w:widowControl/>");
    for (const p of [agency, date]) expect(p).not.toContain("<w:widowControl/>");
  });

  it("keeps headings whole and with the next paragraph", async () => {
    const bytes = await renderDocx(
      doc([{ type: "heading", level: 1, number: "一、", runs: [{ text: "总体情况" }] }, para(2)]),
    );
    const h = findParagraph(docxPart(bytes, "word/document.xml"), "一、总体情况");
    expect(h).toContain("<w:keepNext/>");
    expect(h).toContain("<w:keepLines/>");
  });

  it("leaves the date free when no note follows", async () => {
    const xml = docxPart(await renderDocx(doc([para(2), signature])), "word/document.xml");
    expect(findParagraph(xml, "2015年1月23日")).not.toContain("<w:keepNext/>");
  });
});

describe("LibreOffice pages the DOCX", () => {
  let dir: string;
  const pages: Record<string, string[][]> = {};
  const trees: Record<string, DocumentTree> = {
    // 16 + 6 lines end exactly at the page foot.
    atFoot: doc([...ones(16), para(6, 1), signature]),
    atFootNote: doc([...ones(15), para(6, 1), signature, note]),
    atFootBlank: doc([...ones(18), para(3, 1), { type: "blank" }, signature]),
    atFootAttachment: doc([...ones(17), para(3, 1), { type: "attachments", items: ["统计表"] }, signature]),
    fits: doc([...ones(16), para(3, 1), signature]),
    widow: doc([...ones(20), para(3, 1)]),
    split: doc([...ones(19), para(4, 1)]),
  };

  /** Body lines of each page, as text. */
  const lines = (p: PdfPageWords): string[] => {
    const byY = new Map<number, { x: number; t: string }[]>();
    for (const w of p.words) {
      if (w.yMax > TYPE_BOTTOM + 2) continue;
      const k = Math.round((w.yMin - TOP) / PITCH);
      byY.set(k, [...(byY.get(k) ?? []), { x: w.xMin, t: w.text }]);
    }
    return [...byY.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, ws]) =>
        ws
          .sort((a, b) => a.x - b.x)
          .map((w) => w.t)
          .join(""),
      );
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "gongwen-docx-pages-"));
    const files: string[] = [];
    for (const [name, tree] of Object.entries(trees)) {
      const file = path.join(dir, `${name}.docx`);
      fs.writeFileSync(file, await renderDocx(tree));
      files.push(file);
    }
    const converted = convertDocxesToPdf(files);
    try {
      Object.keys(trees).forEach((name, i) => {
        pages[name] = pdfWords(converted.pdfs[i]!.pdfPath).map(lines);
      });
    } finally {
      converted.cleanup();
    }
  }, 180_000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const six = han(26 + 28 * 5, 1000);
  const three = han(26 + 28 * 2, 1000);

  it("a body ending at the page foot: page 2 holds its last paragraph with the signature and date", () => {
    const p = pages.atFoot!;
    expect(p).toHaveLength(2);
    expect(p[0]).toHaveLength(16);
    expect(p[1]!.join("")).toBe(six + "某市商务局2015年1月23日");
    expect(p[1]).toHaveLength(8);
  });

  it("the note below the date goes along too", () => {
    const p = pages.atFootNote!;
    expect(p).toHaveLength(2);
    expect(p[1]!.join("")).toBe(six + "某市商务局2015年1月23日（联系电话：12345678）");
  });

  it("an explicit blank line and the attachment note go with the body lines", () => {
    expect(pages.atFootBlank!).toHaveLength(2);
    expect(pages.atFootBlank![1]!.join("")).toBe(three + "某市商务局2015年1月23日");
    expect(pages.atFootAttachment!).toHaveLength(2);
    expect(pages.atFootAttachment![1]!.join("")).toBe(three + "附件：统计表某市商务局2015年1月23日");
  });

  it("leaves a page alone where the signature fits", () => {
    expect(pages.fits!).toHaveLength(1);
  });

  it("never starts a page with a paragraph's lone last line", () => {
    expect(pages.widow!.map((p) => p.length)).toEqual([20, 3]);
    expect(pages.widow![1]![0]).toBe(three.slice(0, 26));
    expect(pages.split!.map((p) => p.length)).toEqual([21, 2]);
  });
});
