import { describe, expect, it } from "vitest";
import { cnDigits, cnNumeral, cnOrdinal, HelperError } from "../../../src/compose/helpers/index.js";

describe("cnNumeral", () => {
  it.each([
    [0, "零"],
    [1, "一"],
    [2, "二"],
    [9, "九"],
    [10, "十"],
    [11, "十一"],
    [19, "十九"],
    [20, "二十"],
    [21, "二十一"],
    [99, "九十九"],
    [100, "一百"],
    [101, "一百零一"],
    [110, "一百一十"],
    [111, "一百一十一"],
    [1000, "一千"],
    [1001, "一千零一"],
    [1010, "一千零一十"],
    [2014, "二千零一十四"],
    [10000, "一万"],
    [10001, "一万零一"],
    [10100, "一万零一百"],
    [11000, "一万一千"],
    [100000, "十万"],
    [150000, "十五万"],
    [1000010, "一百万零一十"],
    [99_999_999, "九千九百九十九万九千九百九十九"],
  ])("%i → %s", (n, text) => {
    expect(cnNumeral(n)).toBe(text);
  });

  it.each([-1, 1.5, 100_000_000, Number.NaN])("rejects %s", (n) => {
    expect(() => cnNumeral(n)).toThrow(HelperError);
  });

  it("names the bad value in both languages", () => {
    try {
      cnNumeral(-1);
      expect.unreachable();
    } catch (e) {
      expect((e as HelperError).zh).toBe("cnNumeral 需要 0–99999999 之间的整数，得到 -1");
      expect((e as HelperError).en).toBe("cnNumeral needs an integer between 0 and 99999999, got -1");
    }
  });
});

describe("cnDigits", () => {
  it("writes digit by digit with 〇", () => {
    expect(cnDigits(2015)).toBe("二〇一五");
    expect(cnDigits("2008")).toBe("二〇〇八");
    expect(cnDigits(0)).toBe("〇");
  });
  it("rejects anything but digits", () => {
    expect(() => cnDigits("20a5")).toThrow(HelperError);
    expect(() => cnDigits(-5)).toThrow(HelperError);
  });
});

describe("cnOrdinal", () => {
  it("prefixes 第", () => {
    expect(cnOrdinal(1)).toBe("第一");
    expect(cnOrdinal(10)).toBe("第十");
    expect(cnOrdinal(11)).toBe("第十一");
    expect(cnOrdinal(23)).toBe("第二十三");
  });
  it("starts at 1", () => {
    expect(() => cnOrdinal(0)).toThrow(HelperError);
  });
});
