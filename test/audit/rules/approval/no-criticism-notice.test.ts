import { describe, expect, it } from "vitest";
import { brief, dataset, findingsOf } from "../../fixtures.js";

const RULE = "approval/no-criticism-notice";

describe(RULE, () => {
  it("passes with no notice", () => {
    expect(findingsOf(dataset(), RULE)).toEqual([]);
  });

  it("reports every criticism notice", () => {
    const d = dataset((d) => {
      d.approval!.criticismNotices = [
        { id: "TB1", date: "2023-07-03", issuer: "测试市政务服务中心", summary: "超时" },
      ];
    });
    expect(findingsOf(d, RULE).map(brief)).toEqual([
      {
        message: "2023年7月3日被测试市政务服务中心通报（TB1）",
        subject: "TB1",
        count: 1,
        evidence: ['/approval/criticismNotices/0/date="2023-07-03"'],
      },
    ]);
  });
});
