import { describe, expect, it } from "vitest";
import { app, brief, dataset, findingsOf } from "../../fixtures.js";

const RULE = "disclosure/review-corrected";

describe(RULE, () => {
  it("passes when reviews upheld the agency", () => {
    const d = dataset((d) => {
      app(d, "A1").reconsideration = { filed: "2023-04-03", outcome: "upheld", decided: "2023-05-22" };
    });
    expect(findingsOf(d, RULE)).toEqual([]);
  });

  it("reports each reconsideration and lawsuit decided in the year that corrected the agency", () => {
    const d = dataset((d) => {
      app(d, "A1").reconsideration = { filed: "2023-04-03", outcome: "corrected", decided: "2023-05-22" };
      app(d, "A2").litigation = {
        filed: "2023-07-03",
        court: "测试市测试区人民法院",
        afterReconsideration: false,
        outcome: "corrected",
        decided: "2023-09-15",
      };
    });
    expect(findingsOf(d, RULE).map(brief)).toEqual([
      {
        message: "申请 A1 的答复经行政复议（2023年4月3日提出）于2023年5月22日被纠正",
        subject: "A1",
        count: 1,
        evidence: [
          '/disclosure/applications/0/reconsideration/outcome="corrected"',
          '/disclosure/applications/0/reconsideration/filed="2023-04-03"',
        ],
      },
      {
        message: "申请 A2 的答复经行政诉讼（2023年7月3日起诉）于2023年9月15日被纠正",
        subject: "A2",
        count: 1,
        evidence: [
          '/disclosure/applications/1/litigation/outcome="corrected"',
          '/disclosure/applications/1/litigation/filed="2023-07-03"',
        ],
      },
    ]);
  });
});
