import { describe, expect, it } from "vitest";
import { dataset, findingsOf } from "../../fixtures.js";
import { givenTables } from "./given.js";

const RULE = "annual-report/review-sum";

describe(RULE, () => {
  it("passes when each group's 总计 is the sum of its outcomes", () => {
    expect(findingsOf(dataset(), RULE)).toEqual([]);
    expect(findingsOf(givenTables(), RULE)).toEqual([]);
  });

  it("reports a group whose 总计 differs", () => {
    const d = givenTables((_q, r) => {
      r.reconsideration = { upheld: 1, corrected: 1, other: 0, pending: 0, total: 3 };
    });
    expect(findingsOf(d, RULE).map((f) => [f.message, f.evidence[0]!.pointer])).toEqual([
      [
        "年度报告表四 行政复议：总计（3）≠ 结果维持（1）+ 结果纠正（1）+ 其他结果（0）+ 尚未审结（0）= 2",
        "/disclosure/annualReportTable/reviews",
      ],
    ]);
    // The corrected case in the given table is a finding of disclosure/review-corrected too.
    expect(findingsOf(d, "disclosure/review-corrected").map((f) => [f.message, f.count])).toEqual([
      ["年度报告表四填报行政复议、行政诉讼“结果纠正”1件", 1],
    ]);
  });
});
