/**
 * Every character of a written letter is drawn: the PDF is rendered (pdftoppm) and each
 * full-width character's box, placed from pdftotext's word boxes, must hold ink. OCR compares
 * bags of characters at a threshold and cannot see one character drawn blank; this can, and the
 * second test shows it does, on the same page with one character's box wiped. (Mutant tried:
 * the subsetter writing 的's outline empty — both tests fail, naming 的 on each page.)
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isWide } from "../../../src/document/chars.js";
import { writeLetters } from "../../../src/letters/batch.js";
import { parseLettersDataset } from "../../../src/letters/load.js";
import { pageGray, pdfInfo, pdfWords, type GrayPage, type Word } from "../../helpers/pdf.js";
import { sample2023 } from "../../letters/fixtures.js";

const tmp = mkdtempSync(join(tmpdir(), "gongwen-ink-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Cell {
  ch: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/**
 * The character cells of the words made only of full-width characters: a CJK run is set on the
 * character grid, so its box divides evenly (justification spreads a line's slack evenly too).
 * The middle half of each cell is the part its glyph must ink; full-width punctuation sits in a
 * corner, so it is left out.
 */
function cells(words: readonly Word[], scale: number): Cell[] {
  const out: Cell[] = [];
  for (const w of words) {
    const chars = [...w.text];
    if (chars.length === 0 || !chars.every((c) => isWide(c.codePointAt(0)!))) continue;
    const step = (w.xMax - w.xMin) / chars.length;
    chars.forEach((ch, i) => {
      if (/[\p{P}\u3000]/u.test(ch)) return;
      const x = w.xMin + i * step;
      out.push({
        ch,
        x0: Math.round((x + step * 0.2) * scale),
        x1: Math.round((x + step * 0.8) * scale),
        y0: Math.round((w.yMin + (w.yMax - w.yMin) * 0.2) * scale),
        y1: Math.round((w.yMax - (w.yMax - w.yMin) * 0.2) * scale),
      });
    });
  }
  return out;
}

/** Dark pixels (below mid grey) inside a cell. */
function ink(g: GrayPage, c: Cell): number {
  let n = 0;
  for (let y = c.y0; y < c.y1; y++) for (let x = c.x0; x < c.x1; x++) if (g.data[y * g.width + x]! < 128) n++;
  return n;
}

/** The characters of a page whose cell holds no ink. */
function blank(g: GrayPage, cs: readonly Cell[]): string[] {
  return cs.filter((c) => ink(g, c) === 0).map((c) => c.ch);
}

describe("every character of a letter is drawn (rendered pixels)", () => {
  const pdfs: { name: string; bytes: Uint8Array }[] = [];
  beforeAll(async () => {
    const { dataset, invalid } = parseLettersDataset(JSON.stringify(sample2023()), "s.json");
    const ids = ["YSQ2023-004", "YSQ2023-029"];
    const result = await writeLetters(dataset, invalid, { formats: ["pdf"], requests: ids, outDir: tmp });
    expect(result.errors).toEqual([]);
    for (const name of ["YSQ2023-004-reply.pdf", "YSQ2023-029-extension.pdf", "YSQ2023-029-reply.pdf"])
      pdfs.push({ name, bytes: readFileSync(join(tmp, name)) });
  }, 60_000);

  it("inks the box of each full-width character on every page", () => {
    let checked = 0;
    for (const { name, bytes } of pdfs) {
      const words = pdfWords(bytes);
      for (let p = 0; p < pdfInfo(bytes).pages; p++) {
        const g = pageGray(bytes, p + 1);
        const cs = cells(words[p]!, g.scale);
        checked += cs.length;
        expect(blank(g, cs), `${name} page ${p + 1}`).toEqual([]);
      }
    }
    expect(checked).toBeGreaterThan(600);
  });

  it("sees one character drawn blank", () => {
    const { bytes } = pdfs[0]!;
    const g = pageGray(bytes, 1);
    const cs = cells(pdfWords(bytes)[0]!, g.scale);
    const target = cs.findIndex((c) => c.ch === "的");
    expect(target).toBeGreaterThan(-1);
    // What a blanked glyph renders as: its whole box white, the characters beside it untouched.
    const c = cs[target]!;
    const w = Math.round((c.x1 - c.x0) / 0.6);
    const h = Math.round((c.y1 - c.y0) / 0.6);
    for (let y = c.y0 - Math.round(h * 0.2); y < c.y1 + Math.round(h * 0.2); y++)
      for (let x = c.x0 - Math.round(w * 0.2); x < c.x1 + Math.round(w * 0.2); x++)
        g.data[y * g.width + x] = 255;
    expect(blank(g, cs)).toEqual(["的"]);
  });
});
