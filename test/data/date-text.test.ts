/** Dates for people: the one function documents, pages and terminal text use. */
import { describe, expect, it } from "vitest";
import { dateText } from "../../src/data/date-text.js";

describe("dateText", () => {
  it.each([
    ["2023-06-05", "2023年6月5日", "5 June 2023"],
    ["2023-10-17", "2023年10月17日", "17 October 2023"],
    ["2016-02-29", "2016年2月29日", "29 February 2016"],
    ["2014-06", "2014年6月", "June 2014"],
    ["2014", "2014年", "2014"],
  ])("%s → %s / %s", (iso, zh, en) => {
    expect(dateText(iso)).toBe(zh);
    expect(dateText(iso, "zh")).toBe(zh);
    expect(dateText(iso, "en")).toBe(en);
  });

  it.each(["2015-02-29", "2015-13-01", "2015-1-23", "2015/01/23", "明天", ""])(
    "returns %j as it is: not a real date",
    (s) => {
      expect(dateText(s)).toBe(s);
      expect(dateText(s, "en")).toBe(s);
    },
  );
});
