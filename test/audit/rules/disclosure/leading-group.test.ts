import { describe, expect, it } from "vitest";
import { brief, dataset, findingsOf } from "../../fixtures.js";

const RULE = "disclosure/leading-group";

describe(RULE, () => {
  it("passes when the dataset records the leading group", () => {
    expect(findingsOf(dataset(), RULE)).toEqual([]);
  });

  it("reports a dataset without a leading group", () => {
    const d = dataset((d) => {
      delete d.disclosure.leadingGroup;
    });
    expect(findingsOf(d, RULE).map(brief)).toEqual([
      {
        message: "数据未记载政务公开工作领导小组",
        subject: null,
        count: 1,
        evidence: ["/disclosure/leadingGroup=null"],
      },
    ]);
  });
});
