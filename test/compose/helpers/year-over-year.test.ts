/** The yoy helper words a year-over-year change the facts decided (src/facts/year-over-year.ts). */
import { describe, expect, it } from "vitest";
import { callHelper, formatYearChange, HelperError } from "../../../src/compose/helpers/index.js";
import { yearChange } from "../../../src/facts/year-over-year.js";

describe("year-over-year phrases", () => {
  it("an increase: 比上年增长12.5%, or 比上年增加1件 with a unit", () => {
    const c = yearChange(9, 8);
    expect(formatYearChange(c)).toBe("比上年增长12.5%");
    expect(formatYearChange(c, { unit: "件" })).toBe("比上年增加1件");
    expect(formatYearChange(c, { unit: "件", percent: true })).toBe("比上年增加1件，增长12.5%");
  });

  it("a decrease: 比上年减少3件, or 比上年下降25%", () => {
    const c = yearChange(9, 12);
    expect(formatYearChange(c, { unit: "件" })).toBe("比上年减少3件");
    expect(formatYearChange(c)).toBe("比上年下降25%");
    expect(formatYearChange(c, { unit: "件", percent: true })).toBe("比上年减少3件，下降25%");
  });

  it("equal: 与上年持平, however it is asked for", () => {
    const c = yearChange(7, 7);
    expect(formatYearChange(c)).toBe("与上年持平");
    expect(formatYearChange(c, { unit: "件", percent: true })).toBe("与上年持平");
    expect(formatYearChange(yearChange(0, 0))).toBe("与上年持平");
  });

  it("last year 0: no percentage — 上年为0", () => {
    const c = yearChange(5, 0);
    expect(formatYearChange(c)).toBe("上年为0");
    expect(formatYearChange(c, { unit: "件" })).toBe("比上年增加5件");
    expect(formatYearChange(c, { unit: "件", percent: true })).toBe("比上年增加5件（上年为0）");
  });

  it("as a template helper, checks its argument and options", () => {
    expect(callHelper("yoy", [yearChange(267, 240)], {})).toBe("比上年增长11.3%");
    expect(callHelper("yoy", [yearChange(240, 267)], { unit: "项" })).toBe("比上年减少27项");
    expect(() => callHelper("yoy", [267], {})).toThrow(HelperError);
    expect(() => callHelper("yoy", [null], {})).toThrow("yoy needs a year-over-year change");
    expect(() => callHelper("yoy", [yearChange(1, 2)], { percent: "yes" })).toThrow(
      "yoy: percent= must be true or false",
    );
  });
});
