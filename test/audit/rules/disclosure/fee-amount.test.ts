import { describe, expect, it } from "vitest";
import { app, brief, dataset, findingsOf } from "../../fixtures.js";
import type { Dataset } from "../../../../src/data/types.js";

const RULE = "disclosure/fee-amount";

function withFee(amount: number): Dataset {
  return dataset((d) => {
    app(d, "A1").fee = {
      method: "per-page",
      quantity: 150,
      amount,
      noticeDate: "2023-03-03",
      paid: true,
      paidDate: "2023-03-06",
    };
    d.disclosure.fees = { count: 1, amount };
  });
}

describe(RULE, () => {
  it("passes a processing fee exactly as the tiers give (150 pages: 1700 元)", () => {
    expect(findingsOf(dataset(), RULE)).toEqual([]);
    expect(findingsOf(withFee(1700), RULE)).toEqual([]);
  });

  it("reports a fee that differs from the tiers, with the calculation", () => {
    // validate refuses it too, with the letters' sentence (data/record-limits.ts).
    const refused = [
      "/disclosure/applications/0/fee/amount: the fee of 1500 yuan differs from the schedule's 1700 yuan",
    ];
    expect(findingsOf(withFee(1500), RULE, undefined, "zh", refused).map(brief)).toEqual([
      {
        message:
          "申请 A1 收费通知金额1500元，与收费标准计算的1700元（按页计收，150页：30×0 + 70×10 + 50×20 = 1700元）不符",
        subject: "A1",
        count: 1,
        evidence: [
          '/disclosure/applications/0/fee/method="per-page"',
          "/disclosure/applications/0/fee/quantity=150",
          "/disclosure/applications/0/fee/amount=1500",
        ],
      },
    ]);
  });
});
