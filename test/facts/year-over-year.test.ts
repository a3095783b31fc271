/**
 * Year-over-year facts (src/facts/year-over-year.ts): last year's value and the change as data,
 * from deriveFacts(dataset, { previous }).
 */
import { describe, expect, it } from "vitest";
import { deriveFacts } from "../../src/facts/index.js";
import { changePercent, yearChange } from "../../src/facts/year-over-year.js";
import type { Dataset } from "../../src/data/types.js";
import { UserError } from "../../src/util/errors.js";
import { sample2014, validated } from "./datasets.js";

/**
 * The 2014 sample as if it were 2013, with the first `n` cases (each completed the day it was
 * accepted, so none is overdue) and `documentsIssued` given.
 */
function as2013(n: number, documentsIssued: number): Dataset {
  const d = sample2014();
  d.year = 2013;
  d.documents = { summary: { date: "2014-01-20" } };
  const y = (s: string) => s.replace(/^2014/, "2013");
  d.approval!.cases = d.approval!.cases!.slice(0, n).map((c) => ({
    ...c,
    received: y(c.received),
    accepted: y(c.accepted),
    completed: y(c.accepted),
  }));
  delete d.approval!.totals;
  d.disclosure.validDocumentFilings!.dates = d.disclosure.validDocumentFilings!.dates.map(y);
  d.disclosure.newMedia = [];
  d.disclosure.documentsIssued = documentsIssued;
  return validated(d);
}

describe("yearChange", () => {
  it("states direction, amount and percentage", () => {
    expect(yearChange(9, 8)).toEqual({
      current: 9,
      previous: 8,
      direction: "increase",
      increase: true,
      decrease: false,
      equal: false,
      amount: 1,
      percent: 12.5,
      previousZero: false,
    });
    expect(yearChange(9, 12)).toMatchObject({ direction: "decrease", amount: 3, percent: 25 });
    expect(yearChange(4, 4)).toMatchObject({ direction: "equal", equal: true, amount: 0, percent: 0 });
    expect(yearChange(5, 0)).toMatchObject({
      direction: "increase",
      amount: 5,
      percent: null,
      previousZero: true,
    });
  });

  it("does not compare approximate or unknown figures", () => {
    expect(yearChange({ value: 260, qualifier: "余" }, 200)).toBe(null);
    expect(yearChange(3, null)).toBe(null);
    expect(yearChange(undefined, 3)).toBe(null);
  });

  it("rounds the percentage to one decimal, never to 0.0 or 100 for a partial change", () => {
    expect(changePercent(1, 3)).toBe(33.3);
    expect(changePercent(2, 3)).toBe(66.7);
    expect(changePercent(1, 8)).toBe(12.5);
    expect(changePercent(1, 10000)).toBe(0.1);
    expect(changePercent(-9999, 10000)).toBe(99.9);
    expect(changePercent(3, 0)).toBe(null);
  });
});

describe("deriveFacts with { previous }", () => {
  it("is null without a previous dataset", () => {
    expect(deriveFacts(sample2014()).yearOverYear).toBe(null);
  });

  it("compares this year's figures with last year's", () => {
    const yoy = deriveFacts(sample2014(), { previous: as2013(240, 237) }).yearOverYear!;
    expect(yoy.previousYear).toBe(2013);
    expect(yoy.approval.completed).toMatchObject({ current: 267, previous: 240, amount: 27, percent: 11.3 });
    // 2014: 6 / 19 / 240 / 2; the first 240 cases: 6 / 17 / 215 / 2.
    expect(
      yoy.approval.completedByCategory.map((c) => [c.category, c.change?.direction, c.change?.amount]),
    ).toEqual([
      ["新设外商投资企业", "equal", 0],
      ["企业变更", "increase", 2],
      ["对外贸易经营者备案登记", "increase", 25],
      ["机动车鉴定评估机构设立", "equal", 0],
    ]);
    expect(yoy.approval.overdue).toMatchObject({ direction: "equal", current: 0, previous: 0 });
    expect(yoy.disclosure.documentsIssued).toMatchObject({ direction: "equal", current: 237 });
    // 260余条 submissions: approximate, not compared.
    expect(yoy.disclosure.submissions).toBe(null);
    expect(yoy.disclosure.requestsReceived).toMatchObject({ direction: "equal", current: 0, previous: 0 });
  });

  it("refuses a previous dataset that is not the year before", () => {
    const two = as2013(10, 1);
    two.year = 2012;
    expect(() => deriveFacts(sample2014(), { previous: two })).toThrow(UserError);
    expect(() => deriveFacts(sample2014(), { previous: two })).toThrow(
      "--previous 的数据年度为 2012，应为上一年度 2013",
    );
  });
});
