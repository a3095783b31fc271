import { describe, expect, it } from "vitest";
import { brief, dataset, findingsOf } from "../../fixtures.js";
import { givenTables } from "./given.js";

const RULE = "annual-report/balance";

describe(RULE, () => {
  it("passes tables counted from records, and given tables that balance", () => {
    expect(findingsOf(dataset(), RULE)).toEqual([]);
    expect(findingsOf(givenTables(), RULE)).toEqual([]);
  });

  it("reports each column where 一 + 二 ≠ （七）+ 四", () => {
    const d = givenTables((q) => {
      q.newReceived = { "natural-person": 6, total: 6 };
    });
    expect(findingsOf(d, RULE).map(brief)).toEqual([
      {
        message: "年度报告表三 自然人列：一（6）+ 二（1）= 7 ≠ （七）（4）+ 四（2）= 6",
        subject: "表三 一 + 二 = （七）+ 四 自然人",
        count: 1,
        evidence: ['/disclosure/annualReportTable/requests={"left":7,"right":6}'],
      },
      {
        message: "年度报告表三 总计列：一（6）+ 二（1）= 7 ≠ （七）（4）+ 四（2）= 6",
        subject: "表三 一 + 二 = （七）+ 四 总计",
        count: 1,
        evidence: ['/disclosure/annualReportTable/requests={"left":7,"right":6}'],
      },
    ]);
  });
});
