import { describe, expect, it } from "vitest";
import { dataset, findingsOf } from "../../fixtures.js";
import { givenTables } from "./given.js";

const RULE = "annual-report/applicant-sum";

describe(RULE, () => {
  it("passes rows whose 总计 is the sum of the applicant columns", () => {
    expect(findingsOf(dataset(), RULE)).toEqual([]);
    expect(findingsOf(givenTables(), RULE)).toEqual([]);
  });

  it("reports a row whose 总计 differs from the applicant columns", () => {
    const d = givenTables((q) => {
      q.disclosed = { "natural-person": 3, total: 4 };
    });
    expect(findingsOf(d, RULE).map((f) => f.message)).toEqual([
      "年度报告表三 “（一）予以公开”行：总计（4）≠ 自然人（3）+ 商业企业（0）+ 科研机构（0）+ 社会公益组织（0）+ 法律服务机构（0）+ 其他（0）= 3",
    ]);
  });
});
