import { describe, expect, it } from "vitest";
import { brief, dataset, findingsOf } from "../../fixtures.js";

const RULE = "disclosure/on-request-setup";

describe(RULE, () => {
  it("passes with a published procedure, a named person and the unified texts", () => {
    expect(findingsOf(dataset(), RULE)).toEqual([]);
  });

  it("reports a missing procedure, no named person and no unified texts", () => {
    const d = dataset((d) => {
      d.disclosure.rules = [{ name: "《测试局政府信息公开工作制度》", published: true }];
      d.disclosure.onRequestSetup = { designatedStaff: false, unifiedReplyTexts: false };
    });
    expect(findingsOf(d, RULE).map(brief)).toEqual([
      {
        message: "制度中没有依申请公开工作程序",
        subject: null,
        count: 1,
        evidence: ['/disclosure/rules=["《测试局政府信息公开工作制度》"]'],
      },
      {
        message: "依申请公开工作未指定专人负责",
        subject: null,
        count: 1,
        evidence: ["/disclosure/onRequestSetup/designatedStaff=false"],
      },
      {
        message: "依申请公开答复未使用统一的答复文本",
        subject: null,
        count: 1,
        evidence: ["/disclosure/onRequestSetup/unifiedReplyTexts=false"],
      },
    ]);
  });
});
