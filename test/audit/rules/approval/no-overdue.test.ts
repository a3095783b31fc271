import { describe, expect, it } from "vitest";
import { brief, dataset, findingsOf } from "../../fixtures.js";

const RULE = "approval/no-overdue";

describe(RULE, () => {
  it("passes when every case is completed within its promised limit (working days from acceptance)", () => {
    // C3: accepted Monday 2023-09-04, completed Friday 09-08 = 4 working days of 5.
    expect(findingsOf(dataset(), RULE)).toEqual([]);
  });

  it("reports a case completed after the last day of its limit, and one still open past it", () => {
    const d = dataset((d) => {
      d.approval!.cases![2]!.completed = "2023-09-12"; // due 09-11 (5th working day), 6 taken
      d.approval!.cases!.push({
        id: "C4",
        item: "item-b",
        received: "2023-12-01",
        accepted: "2023-12-01",
        sealUsed: true,
      }); // due 12-06, open on 31 December
    });
    expect(findingsOf(d, RULE).map(brief)).toEqual([
      {
        message:
          "办件 C3（甲许可）于2023年9月4日受理，承诺时限5个工作日，应于2023年9月11日前办结，实际于2023年9月12日办结，用时6个工作日，超时1个工作日",
        subject: "C3",
        count: 1,
        evidence: ['/approval/cases/2/accepted="2023-09-04"', '/approval/cases/2/completed="2023-09-12"'],
      },
      {
        message:
          "办件 C4（乙登记）于2023年12月1日受理，承诺时限3个工作日，应于2023年12月6日前办结，至年底仍未办结",
        subject: "C4",
        count: 1,
        evidence: ['/approval/cases/3/accepted="2023-12-01"'],
      },
    ]);
  });

  it("without case records, reports a given overdue total as one finding standing for it", () => {
    const d = dataset((d) => {
      delete d.approval!.cases;
      d.approval!.totals = { overdue: 2 };
    });
    expect(findingsOf(d, RULE).map(brief)).toEqual([
      {
        message: "全年办件超时2件（据填报的合计数）",
        subject: null,
        count: 2,
        evidence: ["/approval/totals/overdue=2"],
      },
    ]);
  });
});
