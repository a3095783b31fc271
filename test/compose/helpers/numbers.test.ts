import { describe, expect, it } from "vitest";
import { formatCount, formatNumber, formatPercent, HelperError } from "../../../src/compose/helpers/index.js";

describe("formatPercent", () => {
  it.each([
    [0.6, undefined, "60%"],
    [0.35, undefined, "35%"],
    [1, undefined, "100%"],
    [0, undefined, "0%"],
    [0.3536, undefined, "35.4%"],
    [0.3536, 0, "35%"],
    [0.3536, 2, "35.36%"],
    [0.355, 1, "35.5%"],
    [0.145, 0, "15%"], // 14.499999999999998 in binary, rounds as 14.5
    [0.0005, 1, "0.1%"],
    [0.00004, 1, "0%"],
    [1 / 3, 1, "33.3%"],
    [2 / 3, 0, "67%"],
    [-0.25, 0, "-25%"],
    [1.5, 0, "150%"],
  ])("%s (decimals %s) → %s", (ratio, decimals, text) => {
    expect(formatPercent(ratio, decimals)).toBe(text);
  });

  it("rejects non-finite ratios and bad decimals", () => {
    expect(() => formatPercent(Number.NaN)).toThrow(HelperError);
    expect(() => formatPercent(Number.POSITIVE_INFINITY)).toThrow(HelperError);
    expect(() => formatPercent(0.5, 1.5)).toThrow(HelperError);
  });
});

describe("formatCount (numbers with 余 / 约 / 多)", () => {
  it("prints plain numbers", () => {
    expect(formatCount(267)).toBe("267");
    expect(formatCount(0)).toBe("0");
  });
  it("places the qualifier", () => {
    expect(formatCount({ value: 260, qualifier: "余" })).toBe("260余");
    expect(formatCount({ value: 260, qualifier: "约" })).toBe("约260");
    expect(formatCount({ value: 260, qualifier: "多" })).toBe("260多");
    expect(formatCount({ value: 42, qualifier: null })).toBe("42");
    expect(formatCount({ value: 42 })).toBe("42");
  });
  it("rejects other qualifiers and shapes", () => {
    expect(() => formatCount({ value: 1, qualifier: "几" as never })).toThrow(
      "qualifier must be 余, 约 or 多",
    );
    expect(() => formatCount("260" as never)).toThrow(HelperError);
    expect(() => formatCount({ qualifier: "余" } as never)).toThrow(HelperError);
  });
});

describe("formatNumber", () => {
  it("removes binary noise and never groups digits", () => {
    expect(formatNumber(0.1 + 0.2)).toBe("0.3");
    expect(formatNumber(12.5)).toBe("12.5");
    expect(formatNumber(1234567)).toBe("1234567");
  });
});
