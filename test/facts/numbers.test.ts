/** The number rules: percentages, sums of approximate counts, rates and reductions. */
import { describe, expect, it } from "vitest";
import { rate, reduction, roundPercent, sumCounts } from "../../src/facts/numbers.js";

describe("roundPercent: whole percent, half up, never 0% or 100% when the counts say otherwise", () => {
  it.each([
    [3, 5, 60],
    [7, 20, 35],
    [1, 3, 33],
    [2, 3, 67],
    [1, 8, 13], // 12.5 rounds up
    [1, 40, 3], // 2.5 rounds up
    [29, 200, 15], // 14.5 rounds up (binary noise removed)
    [1, 1000, 1], // 0.1 would round to 0: a non-zero part shows as 1%
    [999, 1000, 99], // 99.9 would round to 100: short of the whole shows as 99%
    [0, 5, 0],
    [5, 5, 100],
  ])("%i / %i → %i%%", (part, whole, percent) => {
    expect(roundPercent(part, whole)).toBe(percent);
  });

  it("has no percentage of nothing", () => {
    expect(roundPercent(0, 0)).toBeNull();
    expect(rate(0, 0)).toEqual({ numerator: 0, denominator: 0, ratio: null, percent: null, full: false });
  });
});

describe("sumCounts", () => {
  it("adds exact counts exactly", () => {
    expect(sumCounts([66, 118, 54])).toBe(238);
    expect(sumCounts([])).toBe(0);
  });

  it("keeps 余 when a part is 余 or 多, and 约 when a part is 约", () => {
    expect(sumCounts([260, { value: 10, qualifier: "余" }])).toEqual({ value: 270, qualifier: "余" });
    expect(sumCounts([{ value: 50, qualifier: "多" }, 3])).toEqual({ value: 53, qualifier: "余" });
    expect(
      sumCounts([
        { value: 50, qualifier: "余" },
        { value: 300, qualifier: "约" },
      ]),
    ).toEqual({
      value: 350,
      qualifier: "约",
    });
  });
});

describe("reduction of a promised limit", () => {
  it("5 → 2 working days: shortened by 3, 60%", () => {
    expect(reduction({ days: 5, unit: "working" }, { days: 2, unit: "working" })).toEqual({
      from: { days: 5, unit: "working", working: true },
      to: { days: 2, unit: "working", working: true },
      comparable: true,
      shortenedBy: 3,
      ratio: 0.6,
      percent: 60,
      shortened: true,
      lengthened: false,
    });
  });

  it("a lengthened limit is not a reduction", () => {
    const r = reduction({ days: 5, unit: "working" }, { days: 7, unit: "working" });
    expect([r.shortened, r.lengthened, r.shortenedBy, r.percent]).toEqual([false, true, -2, -40]);
  });

  it("limits in different units are not compared", () => {
    const r = reduction({ days: 20, unit: "calendar" }, { days: 13, unit: "working" });
    expect([r.comparable, r.shortenedBy, r.ratio, r.percent, r.shortened]).toEqual([
      false,
      null,
      null,
      null,
      false,
    ]);
  });
});
