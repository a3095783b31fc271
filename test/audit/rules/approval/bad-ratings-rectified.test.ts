import { describe, expect, it } from "vitest";
import { brief, dataset, findingsOf } from "../../fixtures.js";

const RULE = "approval/bad-ratings-rectified";

describe(RULE, () => {
  it("passes when the bad rating was rectified within 5 working days (3 taken)", () => {
    expect(findingsOf(dataset(), RULE)).toEqual([]);
  });

  it("reports a rectification that took longer, and a rating left open past the period at year end", () => {
    const d = dataset((d) => {
      // 06-08 → 06-21: 9 working days (the Dragon Boat holiday 06-22/23 is after).
      d.approval!.ratings![1]!.rectified = "2023-06-21";
      d.approval!.ratings!.push(
        { id: "R3", level: "very-dissatisfied", date: "2023-12-20" }, // 7 working days to 31 December
        { id: "R4", level: "dissatisfied", date: "2023-12-27" }, // 2: still within the period
      );
    });
    expect(findingsOf(d, RULE).map(brief)).toEqual([
      {
        message: "差评 R2（不满意，2023年6月8日）于2023年6月21日整改，用时9个工作日，超过5个工作日的整改期限",
        subject: "R2",
        count: 1,
        evidence: ['/approval/ratings/1/date="2023-06-08"', '/approval/ratings/1/rectified="2023-06-21"'],
      },
      {
        message: "差评 R3（非常不满意，2023年12月20日）至年底未整改，已超过5个工作日的整改期限",
        subject: "R3",
        count: 1,
        evidence: ['/approval/ratings/2/date="2023-12-20"'],
      },
    ]);
    // A local rule allowing 10 working days accepts both.
    expect(findingsOf(d, RULE, { workingDays: 10 })).toEqual([]);
  });
});
