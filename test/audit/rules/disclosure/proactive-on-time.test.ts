import { describe, expect, it } from "vitest";
import { brief, dataset, findingsOf } from "../../fixtures.js";

const RULE = "disclosure/proactive-on-time";

describe(RULE, () => {
  it("passes an item published within 20 working days of its creation", () => {
    expect(findingsOf(dataset(), RULE)).toEqual([]);
  });

  it("reports a late item: due 20 working days after creation across the Spring Festival", () => {
    const d = dataset((d) => {
      d.disclosure.proactive!.items![0]!.published = "2023-02-20";
    });
    expect(findingsOf(d, RULE).map(brief)).toEqual([
      {
        message:
          "主动公开信息“第一季度抽检信息”（ZD1）于2023年1月10日形成，应于2023年2月10日前公开，实际于2023年2月20日公开，逾期6个工作日",
        subject: "ZD1",
        count: 1,
        evidence: [
          '/disclosure/proactive/items/0/created="2023-01-10"',
          '/disclosure/proactive/items/0/published="2023-02-20"',
        ],
      },
    ]);
  });
});
