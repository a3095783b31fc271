import { describe, expect, it } from "vitest";
import { brief, dataset, findingsOf } from "../../fixtures.js";

const RULE = "approval/promised-within-commitment";

describe(RULE, () => {
  it("passes when every promised limit and every case is within the office's commitment", () => {
    expect(findingsOf(dataset(), RULE)).toEqual([]);
    expect(findingsOf(dataset(), RULE, { basis: "both" })).toEqual([]);
  });

  it("by default (promised limits) reports an item promising more than the commitment", () => {
    const d = dataset((d) => {
      d.approval!.items[0]!.promisedLimit = { days: 7, unit: "working" };
    });
    expect(findingsOf(d, RULE).map(brief)).toEqual([
      {
        message: "审批事项“甲许可”（item-a）承诺时限7个工作日，超过本机关承诺的5个工作日",
        subject: "item-a",
        count: 1,
        evidence: ["/approval/items/0/promisedLimit/days=7", "/approval/maxPromisedLimit/days=5"],
      },
    ]);
    // Judged on the cases instead, the same data passes: every case took at most 4 working days.
    expect(findingsOf(d, RULE, { basis: "cases" })).toEqual([]);
  });

  it("reports a limit in another unit as not comparable", () => {
    const d = dataset((d) => {
      d.approval!.items[1]!.promisedLimit = { days: 3, unit: "calendar" };
    });
    expect(findingsOf(d, RULE).map((f) => f.message)).toEqual([
      "审批事项“乙登记”（item-b）承诺时限3天，与本机关承诺的5个工作日单位不同，无法证明不超过该上限",
    ]);
  });

  it("on the cases basis reports a case that took longer than the commitment", () => {
    const d = dataset((d) => {
      d.approval!.cases![0]!.completed = "2023-03-09"; // accepted Wednesday 03-01: 6 working days
    });
    expect(findingsOf(d, RULE)).toEqual([]);
    expect(findingsOf(d, RULE, { basis: "cases" }).map(brief)).toEqual([
      {
        message: "办件 C1 于2023年3月1日受理、2023年3月9日办结，用时6个工作日，超过本机关承诺的5个工作日",
        subject: "C1",
        count: 1,
        evidence: [
          '/approval/cases/0/accepted="2023-03-01"',
          '/approval/cases/0/completed="2023-03-09"',
          "/approval/maxPromisedLimit/days=5",
        ],
      },
    ]);
  });
});
