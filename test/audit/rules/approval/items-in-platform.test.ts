import { describe, expect, it } from "vitest";
import { brief, dataset, findingsOf } from "../../fixtures.js";

const RULE = "approval/items-in-platform";

describe(RULE, () => {
  it("passes when every item is in the platform", () => {
    expect(findingsOf(dataset(), RULE)).toEqual([]);
  });

  it("reports each item outside the platform", () => {
    const d = dataset((d) => {
      d.approval!.items[1]!.inPlatform = false;
    });
    expect(findingsOf(d, RULE).map(brief)).toEqual([
      {
        message: "审批事项“乙登记”（item-b）未进入政务服务中心审批平台",
        subject: "item-b",
        count: 1,
        evidence: ["/approval/items/1/inPlatform=false"],
      },
    ]);
  });
});
