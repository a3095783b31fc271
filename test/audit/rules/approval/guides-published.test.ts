import { describe, expect, it } from "vitest";
import { brief, dataset, findingsOf } from "../../fixtures.js";

const RULE = "approval/guides-published";

describe(RULE, () => {
  it("passes when every item's guide is published", () => {
    expect(findingsOf(dataset(), RULE)).toEqual([]);
  });

  it("reports each item whose conditions, documents, procedure and limit are not published", () => {
    const d = dataset((d) => {
      d.approval!.items[0]!.guidePublished = false;
    });
    expect(findingsOf(d, RULE).map(brief)).toEqual([
      {
        message: "审批事项“甲许可”（item-a）的条件、要件、程序、时限未向社会公开",
        subject: "item-a",
        count: 1,
        evidence: ["/approval/items/0/guidePublished=false"],
      },
    ]);
  });
});
