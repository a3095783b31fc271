/**
 * The DOCX read back by real readers: python-docx, and LibreOffice converting it to PDF, where
 * the page geometry is measured with pdftotext -bbox (points, origin top-left).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mmToPt } from "../../../src/document/layout.js";
import type { DocumentTree } from "../../../src/document/tree.js";
import { docxParagraphTexts, renderDocx } from "../../../src/render/docx/index.js";
import {
  convertDocxesToPdf,
  pdfText,
  pdfWords,
  readWithPythonDocx,
  type PdfPageWords,
  type PdfWord,
  type PythonDocxResult,
} from "../../helpers/docx.js";
import { fullWidthParagraph, longTree, sampleTree, singleLineTree } from "./fixtures.js";

const LEFT = mmToPt(28);
const RIGHT = mmToPt(210 - 26);
const TOP = mmToPt(37);
const TYPE_BOTTOM = mmToPt(297 - 35);
const CHAR = 15.75; // one condensed 16 pt character
const PITCH = 579 / 20;

interface Converted {
  docx: string;
  pages: number;
  words: PdfPageWords[];
  text: string;
}

let dir: string;
const out: Record<string, Converted> = {};
let sampleRead: PythonDocxResult;

const trees: Record<string, () => DocumentTree> = {
  sample: sampleTree,
  long: longTree,
  single: () => singleLineTree(50),
  letter: () => singleLineTree(30, "letter"),
  grid: () => ({
    kind: "document",
    meta: { title: "网格", author: "某某市商务局", date: "2015-01-23" },
    blocks: [
      fullWidthParagraph(60),
      { ...fullWidthParagraph(60), indent: "first-line" },
      { type: "paragraph", runs: [{ text: "正文。" }] },
      { type: "signature", agency: "某某市商务局", date: "2015年1月23日" },
      { type: "signature", agency: "某某市商务局", date: "2015年1月23日", seal: true },
    ],
  }),
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "gongwen-docx-lo-"));
  return (async () => {
    const files: string[] = [];
    for (const [name, make] of Object.entries(trees)) {
      const docx = path.join(dir, `${name}.docx`);
      fs.writeFileSync(docx, await renderDocx(make()));
      files.push(docx);
    }
    const converted = convertDocxesToPdf(files);
    try {
      for (const pdf of converted.pdfs) {
        const name = path.basename(pdf.docxPath, ".docx");
        out[name] = {
          docx: pdf.docxPath,
          pages: pdf.pages,
          words: pdfWords(pdf.pdfPath),
          text: pdfText(pdf.pdfPath),
        };
      }
    } finally {
      converted.cleanup();
    }
    sampleRead = readWithPythonDocx(out.sample!.docx);
  })();
}, 180_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Body lines of a page (above the type area's bottom), each as its words left to right. */
function bodyLines(page: PdfPageWords): PdfWord[][] {
  const lines = new Map<number, PdfWord[]>();
  for (const w of page.words) {
    if (w.yMax > TYPE_BOTTOM + 2) continue;
    const key = Math.round(w.yMin);
    const line = lines.get(key) ?? [];
    line.push(w);
    lines.set(key, line);
  }
  return [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, ws]) => ws.sort((a, b) => a.xMin - b.xMin));
}

/** Positions in LibreOffice's PDF are rounded to its internal units: compare within 1 pt. */
function expectNear(actual: number, expected: number, tolerance = 1) {
  expect(Math.abs(actual - expected), `${actual} ≈ ${expected}`).toBeLessThanOrEqual(tolerance);
}

const lineText = (ws: PdfWord[]) => ws.map((w) => w.text).join("");
const footerWords = (page: PdfPageWords) => page.words.filter((w) => w.yMin > TYPE_BOTTOM);

describe("python-docx reads the DOCX", () => {
  it("finds the tree's text in reading order, the tables, properties and page setup", () => {
    const tree = sampleTree();
    expect(sampleRead.bodyTexts).toEqual(docxParagraphTexts(tree));
    expect(sampleRead.tables[0]).toEqual([
      ["项目", "申请数", "申请数", "申请数"],
      ["项目", "当面", "网络", "信函"],
      ["受理", "1", "2", "0"],
      ["受理", "1", "0", "0"],
    ]);
    expect(sampleRead.core).toEqual({
      title: "XX市商务局2014年政府信息公开工作总结",
      author: "XX市商务局",
      subject: "政府信息公开工作总结",
      keywords: "政府信息公开；年度总结",
      lastModifiedBy: "XX市商务局",
      created: "2015-01-23T00:00:00",
      modified: "2015-01-23T00:00:00",
    });
    expect(sampleRead.oddAndEvenPages).toBe(true);
    expect(sampleRead.sections.map((s) => s.startType)).toEqual(["NEW_PAGE (2)", "ODD_PAGE (4)"]);
    for (const s of sampleRead.sections) {
      expect(s).toMatchObject({
        pageWidth: 11906,
        pageHeight: 16838,
        topMargin: 2098,
        bottomMargin: 1984,
        leftMargin: 1587,
        rightMargin: 1474,
        footerDistance: 1307,
        differentFirstPage: false,
        footer: ["—  —"],
        evenFooter: ["—  —"],
      });
    }
  });
});

describe("LibreOffice lays the DOCX out to GB/T 9704", () => {
  it("converts every document, with stable page counts", () => {
    // sample: body, table page, break page, a blank page for the odd-page section, the odd page
    expect(out.sample!.pages).toBe(5);
    expect(out.sample!.words[3]!.words).toEqual([]);
    expect(out.long!.pages).toBe(11);
    expect(out.single!.pages).toBe(3);
    expect(out.letter!.pages).toBe(2);
  });

  it("prints every character of the text, punctuation at line ends included", () => {
    const squash = (s: string) => s.replace(/\s+/g, "");
    for (const name of ["long", "single", "grid"]) {
      const printed = squash(out[name]!.text).replace(/—\d+—/g, "");
      expect(printed, name).toBe(squash(docxParagraphTexts(trees[name]!()).join("")));
    }
  });

  it("sets 22 lines a page at a pitch of 28.95 pt, starting at the top margin", () => {
    const pages = out.single!.words;
    const counts = pages.map((p) => bodyLines(p).length);
    expect(counts).toEqual([22, 22, 6]);
    const lines = bodyLines(pages[0]!);
    const tops = lines.map((l) => l[0]!.yMin);
    for (let i = 1; i < tops.length; i++) expectNear(tops[i]! - tops[i - 1]!, PITCH);
    expect(tops[0]!).toBeGreaterThanOrEqual(TOP);
    expect(tops[0]!).toBeLessThan(TOP + PITCH);
    expect(lineText(lines[0]!)).toBe("第1段单行文字");
    expect(lineText(lines[21]!)).toBe("第22段单行文字");
  });

  it("sets 28 characters a line from the left margin, 26 after a 2-character first-line indent", () => {
    const lines = bodyLines(out.grid!.words[0]!);
    expect(lines.slice(0, 6).map((l) => lineText(l).length)).toEqual([28, 28, 4, 26, 28, 6]);
    expectNear(lines[0]![0]!.xMin, LEFT);
    expectNear(lines[3]![0]!.xMin, LEFT + 2 * CHAR);
    // a full line ends at the right margin
    expect(lines[0]!.at(-1)!.xMax).toBeGreaterThan(RIGHT - 2);
    expect(lines[0]!.at(-1)!.xMax).toBeLessThanOrEqual(RIGHT + 0.5);
  });

  it("puts the date's first character 2 characters right of the agency's; with a seal centres the agency over the date", () => {
    const lines = bodyLines(out.grid!.words[0]!);
    const find = (text: string, from = 0) => lines.findIndex((l, i) => i >= from && lineText(l) === text);
    const a1 = find("某某市商务局");
    const d1 = find("2015年1月23日");
    expect(d1).toBe(a1 + 1);
    const agency = lines[a1]!;
    const date = lines[d1]!;
    expectNear(date[0]!.xMin - agency[0]!.xMin, 2 * CHAR);
    // The date (6.5 characters) is longer than the agency (6): computed 2 characters from the
    // right margin. LibreOffice widens it (≈1/5 character of autospace at each CJK/digit
    // boundary, and this machine's fallback font has 0.64 em digits), so it only has to stay on
    // one line and within a character of the margin (the signature lines may overrun, not wrap).
    expect(date.at(-1)!.text).toBe("日");
    expect(date.at(-1)!.xMax).toBeLessThan(RIGHT + CHAR);
    // agency right edge: 2 + 6.5 + 2 − 6 = 4.5 characters from the right margin
    expectNear(RIGHT - agency.at(-1)!.xMax, 4.5 * CHAR);
    // one blank line above the plain signature (the paragraph "正文。" sits 2 lines above)
    const body = find("正文。");
    expectNear(agency[0]!.yMin - lines[body]![0]!.yMin, 2 * PITCH);

    const a2 = find("某某市商务局", d1 + 1);
    const sealAgency = lines[a2]!;
    const sealDate = lines[a2 + 1]!;
    expectNear(sealAgency[0]!.yMin - date[0]!.yMin, 3 * PITCH);
    // the date's right edge 4 characters from the margin (right-aligned: LibreOffice's wider
    // digits move its start, not its end)
    expectNear(sealDate.at(-1)!.xMax, RIGHT - 4 * CHAR);
    // agency centred over the date as computed (date 6.5 characters wide)
    const agencyCentre = (sealAgency[0]!.xMin + sealAgency.at(-1)!.xMax) / 2;
    expectNear(agencyCentre, RIGHT - 4 * CHAR - (6.5 * CHAR) / 2);
  });

  it("prints — N — 7 mm below the type area: odd pages right with 1 character indent, even pages left", () => {
    const [p1, p2] = out.single!.words;
    const odd = footerWords(p1!);
    const even = footerWords(p2!);
    expect(odd.map((w) => w.text)).toEqual(["—", "1", "—"]);
    expect(even.map((w) => w.text)).toEqual(["—", "2", "—"]);
    expectNear(RIGHT - odd.at(-1)!.xMax, CHAR);
    expectNear(even[0]!.xMin - LEFT, CHAR);
    // the 14 pt line box starts 7 mm below the type area: its middle is 7 mm + 7 pt below
    for (const w of [...odd, ...even]) {
      expect(Math.abs((w.yMin + w.yMax) / 2 - (TYPE_BOTTOM + mmToPt(7) + 7))).toBeLessThan(1.5);
    }
  });

  it("shows no page number on a letter's first page", () => {
    const [p1, p2] = out.letter!.words;
    expect(footerWords(p1!)).toEqual([]);
    expect(footerWords(p2!).map((w) => w.text)).toEqual(["—", "2", "—"]);
  });

  it("centres the title, repeats nothing it should not, and keeps the odd-page section on page 5", () => {
    const pages = out.sample!.words;
    const title = bodyLines(pages[0]!)[1]!;
    expect(lineText(title)).toBe("2014年政府信息公开工作总结");
    const centre = (title[0]!.xMin + title.at(-1)!.xMax) / 2;
    expectNear(centre, (LEFT + RIGHT) / 2);
    expect(lineText(bodyLines(pages[4]!)[0]!)).toBe("奇数页开始的正文。");
    expect(footerWords(pages[4]!).map((w) => w.text)).toEqual(["—", "5", "—"]);
  });
});
