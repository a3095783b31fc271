/**
 * The fee bands (law/fees.ts perRequestBand, PER_PAGE_BANDS) through every caller: the
 * calculator, the facts' expected amount, and the band a per-request fee notice prints, at each
 * edge of the schedule (国办函〔2020〕109号: 1–10 free, 11–30 100 元, 31–40 200 元, 41–50 300 元 …).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  composeLetters,
  deriveFacts,
  feeOfNthRequest,
  feePerPage,
  perRequestBand,
  renderDocx,
  runsText,
  type Dataset,
  type TableBlock,
} from "../../src/index.js";
import { docxText } from "../helpers/docx.js";

const SAMPLE = "samples/2023-district-bureau.json";
const ID = "YSQ2023-022";

function withFee(fee: { method: "per-request" | "per-page"; quantity: number; amount: number }): Dataset {
  const dataset = JSON.parse(readFileSync(SAMPLE, "utf8")) as Dataset;
  const app = dataset.disclosure.applications!.find((a) => a.id === ID)!;
  Object.assign(app.fee!, fee);
  return dataset;
}

function feeNotice(dataset: Dataset) {
  const { letters, errors } = composeLetters(dataset, { requests: [ID], kinds: ["fee"] });
  expect(errors).toEqual([]);
  const tree = letters[0]!.tree;
  const table = tree.blocks.find((b): b is TableBlock => b.type === "table")!;
  const rows = table.rows.map((r) => r.cells.map((c) => c.paragraphs.map(runsText).join("")));
  return { tree, rows };
}

// [k, band printed, rate 元]
const EDGES: [number, string, number][] = [
  [1, "1–10", 0],
  [10, "1–10", 0],
  [11, "11–30", 100],
  [30, "11–30", 100],
  [31, "31–40", 200],
  [40, "31–40", 200],
  [41, "41–50", 300],
  [50, "41–50", 300],
  [51, "51–60", 400],
];

describe("a per-request fee notice at each band edge", () => {
  for (const [k, band, rate] of EDGES) {
    it(`the ${k}th request of the month: band ${band}, ${rate} 元`, async () => {
      expect(feeOfNthRequest(k).amount).toBe(rate);
      const b = perRequestBand(k);
      expect(`${b.from}–${b.to}`).toBe(band);
      const dataset = withFee({ method: "per-request", quantity: k, amount: rate });
      const fact = deriveFacts(dataset).applications.find((a) => a.id === ID)!;
      expect(fact.fee!.expected).toBe(rate);
      expect(fact.fee!.matches).toBe(true);
      const { tree, rows } = feeNotice(dataset);
      expect(rows.slice(1)).toEqual([
        [band, "1", rate === 0 ? "不收费" : `${rate}元/件`, String(rate)],
        ["合计", "1", "", String(rate)],
      ]);
      const text = docxText(await renderDocx(tree));
      expect(text).toContain(`本件申请是贵单位本自然月内提出的第${k}件政府信息公开申请`);
      expect(text).toContain(`应收取信息处理费人民币${rate}元`);
    });
  }
});

describe("a per-page fee notice across the page bands", () => {
  it("prints every band reached with its count and subtotal (250 pages: 0 + 700 + 2000 + 2000)", () => {
    expect(feePerPage(250).amount).toBe(4700);
    const { rows } = feeNotice(withFee({ method: "per-page", quantity: 250, amount: 4700 }));
    expect(rows.slice(1)).toEqual([
      ["1–30", "30", "不收费", "0"],
      ["31–100", "70", "10元/页", "700"],
      ["101–200", "100", "20元/页", "2000"],
      ["201–250", "50", "40元/页", "2000"],
      ["合计", "250", "", "4700"],
    ]);
  });
});
