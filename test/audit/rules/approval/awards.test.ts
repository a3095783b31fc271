import { describe, expect, it } from "vitest";
import { brief, dataset, findingsOf } from "../../fixtures.js";

const RULE = "approval/awards";

describe(RULE, () => {
  it("finds no highlight without awards", () => {
    expect(findingsOf(dataset(), RULE)).toEqual([]);
  });

  it("reports each award as a highlight standing for its count", () => {
    const d = dataset((d) => {
      d.approval!.awards = [{ name: "红旗窗口", issuer: "测试市政务服务中心", count: 2, unit: "次" }];
    });
    const found = findingsOf(d, RULE);
    expect(found.map(brief)).toEqual([
      {
        message: "获得测试市政务服务中心“红旗窗口”2次",
        subject: "红旗窗口",
        count: 2,
        evidence: ["/approval/awards/0/count=2"],
      },
    ]);
    expect(found[0]!.severity).toBe("info");
  });
});
