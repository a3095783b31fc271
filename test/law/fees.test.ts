import { describe, expect, it } from "vitest";
import {
  computeFee,
  feeOfNthRequest,
  feePerPage,
  feePerRequest,
  formatFee,
  perRequestRate,
} from "../../src/law/fees.js";
import { UserError } from "../../src/util/errors.js";

describe("per-request fee (按件, cumulative per applicant per month)", () => {
  const cases: [number, number][] = [
    [0, 0],
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 2000],
    [31, 2200],
    [40, 4000],
    [41, 4300],
    [50, 7000],
    [51, 7400],
  ];
  for (const [n, amount] of cases)
    it(`${n} requests: ${amount} 元`, () => {
      expect(feePerRequest(n).amount).toBe(amount);
    });
  it("tier breakdown at 41", () => {
    expect(feePerRequest(41).tiers).toEqual([
      { from: 1, to: 10, count: 10, rate: 0, subtotal: 0 },
      { from: 11, to: 30, count: 20, rate: 100, subtotal: 2000 },
      { from: 31, to: 40, count: 10, rate: 200, subtotal: 2000 },
      { from: 41, to: 41, count: 1, rate: 300, subtotal: 300 },
    ]);
  });
  it("rate of the k-th request", () => {
    expect([10, 11, 30, 31, 40, 41, 50, 51].map(perRequestRate)).toEqual([
      0, 100, 100, 200, 200, 300, 300, 400,
    ]);
    expect(feeOfNthRequest(31)).toEqual({
      method: "per-request",
      quantity: 31,
      amount: 200,
      tiers: [{ from: 31, to: 31, count: 1, rate: 200, subtotal: 200 }],
      basis: "国办函〔2020〕109号",
    });
  });
});

describe("per-page fee (按量, per request)", () => {
  const cases: [number, number][] = [
    [0, 0],
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [201, 2740],
    [250, 4700],
  ];
  for (const [n, amount] of cases)
    it(`${n} pages: ${amount} 元`, () => {
      expect(feePerPage(n).amount).toBe(amount);
    });
  it("tier breakdown at 101", () => {
    expect(feePerPage(101).tiers).toEqual([
      { from: 1, to: 30, count: 30, rate: 0, subtotal: 0 },
      { from: 31, to: 100, count: 70, rate: 10, subtotal: 700 },
      { from: 101, to: 101, count: 1, rate: 20, subtotal: 20 },
    ]);
  });
  it("zero pages has no tiers", () => {
    expect(feePerPage(0).tiers).toEqual([]);
  });
});

describe("validation and regimes", () => {
  it("rejects negative, fractional and absurd quantities", () => {
    expect(() => feePerPage(-1)).toThrow(UserError);
    expect(() => feePerRequest(1.5)).toThrow("申请件数应为 0 至 100000 之间的整数：1.5");
    expect(() => feePerRequest(100_001, "en")).toThrow(
      "The number of requests must be a whole number from 0 to 100000",
    );
  });
  it("ogi-2008 cost fees are recorded as given, not computed", () => {
    const r = computeFee({ regime: "ogi-2008", method: "per-page", quantity: 300 });
    expect(r.fee).toBeNull();
    expect(r.reason).toBe("ogi-2008-cost-fee");
  });
  it("ogi-2019: per-page uses the pages, per-request the request's rank", () => {
    expect(computeFee({ regime: "ogi-2019", method: "per-page", quantity: 31 }).fee?.amount).toBe(10);
    expect(computeFee({ regime: "ogi-2019", method: "per-request", quantity: 41 }).fee?.amount).toBe(300);
  });
  it("formats a readable breakdown", () => {
    expect(formatFee(feePerPage(101))).toBe(
      [
        "按量计收：101页，信息处理费合计720元（国办函〔2020〕109号）",
        "  第1–30页：30页 × 0元 = 0元",
        "  第31–100页：70页 × 10元 = 700元",
        "  第101页：1页 × 20元 = 20元",
        "",
      ].join("\n"),
    );
  });
});
