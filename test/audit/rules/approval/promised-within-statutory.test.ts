import { describe, expect, it } from "vitest";
import { brief, dataset, findingsOf } from "../../fixtures.js";

const RULE = "approval/promised-within-statutory";

describe(RULE, () => {
  it("passes when every promised limit is within the statutory limit", () => {
    expect(findingsOf(dataset(), RULE)).toEqual([]);
  });

  it("reports an item promising more than its statutory limit", () => {
    const d = dataset((d) => {
      d.approval!.items[1]!.promisedLimit = { days: 20, unit: "working" };
    });
    expect(findingsOf(d, RULE).map(brief)).toEqual([
      {
        message: "审批事项“乙登记”（item-b）承诺时限20个工作日，超过法定时限15个工作日",
        subject: "item-b",
        count: 1,
        evidence: ["/approval/items/1/promisedLimit/days=20", "/approval/items/1/statutoryLimit/days=15"],
      },
    ]);
  });

  it("does not compare limits in different units", () => {
    const d = dataset((d) => {
      d.approval!.items[1]!.promisedLimit = { days: 18, unit: "calendar" };
    });
    expect(findingsOf(d, RULE)).toEqual([]);
  });
});
