import { describe, expect, it } from "vitest";
import { brief, dataset, findingsOf } from "../../fixtures.js";

const RULE = "disclosure/rules-published";

describe(RULE, () => {
  it("passes when every rule is published", () => {
    expect(findingsOf(dataset(), RULE)).toEqual([]);
  });

  it("reports an unpublished rule", () => {
    const d = dataset((d) => {
      d.disclosure.rules![0]!.published = false;
    });
    expect(findingsOf(d, RULE).map(brief)).toEqual([
      {
        message: "制度《测试局政府信息公开工作制度》未通过互联网公开",
        subject: "《测试局政府信息公开工作制度》",
        count: 1,
        evidence: ["/disclosure/rules/0/published=false"],
      },
    ]);
  });

  it("reports a dataset with no rules at all", () => {
    const d = dataset((d) => {
      d.disclosure.rules = [];
    });
    expect(findingsOf(d, RULE).map((f) => f.message)).toEqual(["数据未记载任何政务公开工作制度"]);
  });
});
