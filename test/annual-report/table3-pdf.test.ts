/**
 * Table 三 of the annual report as printed: the vertically merged cell "三、本年度办理结果" is one
 * cell on each page it runs over — no rule drawn inside it (measured on the rendered pixels),
 * its text centred in its span — and the header rows repeat on the page the table continues on.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildAnnualReport } from "../../src/compose/documents/annual-report.js";
import { renderPdf } from "../../src/render/pdf/index.js";
import { pageGray, pdfWords, textLines, type GrayPage } from "../helpers/pdf.js";
import { sample2023 } from "./fixtures.js";

interface Word {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

let bytes: Uint8Array;
let words: Word[][];

beforeAll(async () => {
  const build = buildAnnualReport({ dataset: sample2023(), lang: "zh" });
  bytes = (await renderPdf(build.tree, {})).bytes;
  words = pdfWords(bytes);
}, 60_000);

const dark = (g: GrayPage, x: number, y: number): boolean => g.data[y * g.width + x]! < 128;

/** x positions (pixels) of vertical rules crossing the pixel row y, left to right. */
function verticalRules(g: GrayPage, y: number): number[] {
  const xs: number[] = [];
  for (let x = 0; x < g.width; x++) {
    // A rule is dark on the rows just above and below too (a glyph rarely is on all three).
    if (dark(g, x, y) && dark(g, x, y - 3) && dark(g, x, y + 3) && (xs.length === 0 || x - xs.at(-1)! > 2))
      xs.push(x);
  }
  return xs;
}

/** Pixel rows in [y0, y1] where a horizontal rule runs right across [xl, xr] (inset by 2 px). */
function horizontalRules(g: GrayPage, xl: number, xr: number, y0: number, y1: number): number[] {
  const ys: number[] = [];
  for (let y = Math.max(0, y0); y <= Math.min(g.height - 1, y1); y++) {
    let all = true;
    for (let x = xl + 2; x <= xr - 2 && all; x++) all = dark(g, x, y);
    if (all && (ys.length === 0 || y - ys.at(-1)! > 2)) ys.push(y);
  }
  return ys;
}

function find(page: Word[], text: string): Word {
  const w = page.find((x) => x.text.startsWith(text));
  if (!w) throw new Error(`no word ${text} on the page`);
  return w;
}

function pageWith(text: string): number {
  const i = words.findIndex((p) => p.some((w) => w.text.startsWith(text)));
  if (i < 0) throw new Error(`no page with ${text}`);
  return i;
}

describe("table 三's merged cell 三、本年度办理结果", () => {
  it("runs over two pages, the header rows repeated on the second", () => {
    const first = pageWith("（一）予以公开");
    const second = pageWith("（七）总计");
    expect(second).toBe(first + 1);
    const header = find(words[second]!, "申请人情况");
    expect(header.yMin).toBeLessThan(find(words[second]!, "1.信访举报投诉类申请").yMin);
  });

  for (const [label, top, bottom] of [
    ["first page", "（一）予以公开", null],
    ["second page", "1.信访举报投诉类申请", "（七）总计"],
  ] as const) {
    it(`has no rule inside it on the ${label} (pixels)`, () => {
      const p = pageWith(top);
      const g = pageGray(bytes, p + 1);
      const s = g.scale;
      const topWord = find(words[p]!, top);
      // The merged column: between the table's left border and the next vertical rule.
      const xs = verticalRules(g, Math.round(((topWord.yMin + topWord.yMax) / 2) * s));
      expect(xs.length).toBeGreaterThanOrEqual(3);
      const [xl, xr] = [xs[0]!, xs[1]!];
      expect(xr - xl).toBeGreaterThan(10);
      // The span on this page: from its first row's text to its last row's text.
      const lastY = bottom
        ? find(words[p]!, bottom).yMax
        : Math.max(
            ...words[p]!.filter((w) => w.yMax < 297 * (72 / 25.4) - 35 * (72 / 25.4)).map((w) => w.yMax),
          );
      const y0 = Math.round(topWord.yMin * s);
      const y1 = Math.round(lastY * s);
      expect(horizontalRules(g, xl, xr, y0, y1)).toEqual([]);
      // The measurement sees rules: the rows beside the merged cell are ruled off in that range.
      expect(horizontalRules(g, xr, xr + 20, y0, y1).length).toBeGreaterThanOrEqual(2);
    });
  }

  it("sets its text in one column, centred between the rules that close it on the first page", () => {
    const p = pageWith("（一）予以公开");
    const g = pageGray(bytes, p + 1);
    const s = g.scale;
    const topWord = find(words[p]!, "（一）予以公开");
    const xs = verticalRules(g, Math.round(((topWord.yMin + topWord.yMax) / 2) * s));
    const [xl, xr] = [xs[0]! / s, xs[1]! / s];
    const inCell = words[p]!.filter((w) => w.xMin > xl && w.xMax < xr && w.yMin > topWord.yMin - 30);
    const lines = textLines(inCell, 2).map((l) => l.text);
    expect(lines.join("")).toBe("三、本年度办理结果");
    // The piece: from the rule above its first row to the rule closing it at the page's table end.
    const rules = horizontalRules(g, xs[0]!, xs[1]!, 0, g.height - 1).map((y) => y / s);
    const above = Math.max(...rules.filter((y) => y < topWord.yMin));
    const below = Math.min(...rules.filter((y) => y > topWord.yMax));
    const textTop = Math.min(...inCell.map((w) => w.yMin));
    const textBottom = Math.max(...inCell.map((w) => w.yMax));
    expect(Math.abs((textTop + textBottom) / 2 - (above + below) / 2)).toBeLessThan(4);
    expect(below - above).toBeGreaterThan(150); // the whole span on the page, not one row
  });
});
