import { describe, expect, it } from "vitest";
import { formatDate, HelperError } from "../../../src/compose/helpers/index.js";

describe("formatDate (GB/T 9704: Arabic numerals, full year, no padding)", () => {
  it.each([
    ["2015-01-23", "2015年1月23日"],
    ["2014-12-31", "2014年12月31日"],
    ["2016-02-29", "2016年2月29日"],
    ["2014-06", "2014年6月"],
    ["2014-10", "2014年10月"],
    ["2014", "2014年"],
  ])("%s → %s", (iso, text) => {
    expect(formatDate(iso)).toBe(text);
  });

  it.each(["2015-02-29", "2015-13-01", "2015-00", "2015-04-31", "2015-1-23", "23.01.2015", ""])(
    "rejects %s",
    (bad) => {
      expect(() => formatDate(bad)).toThrow(HelperError);
    },
  );

  it("says what it expected", () => {
    expect(() => formatDate("2015/01/23")).toThrow(
      'date needs a YYYY-MM-DD, YYYY-MM or YYYY date, got "2015/01/23"',
    );
  });
});
