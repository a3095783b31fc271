import { describe, expect, it } from "vitest";
import { app, audit, brief, dataset, findingsOf } from "../../fixtures.js";

const RULE = "disclosure/no-fee";

describe(RULE, () => {
  it("passes when no fee was charged", () => {
    expect(findingsOf(dataset(), RULE)).toEqual([]);
  });

  it("reports a fee charged (info by default, an error where the scheme requires 不收费)", () => {
    const d = dataset((d) => {
      app(d, "A1").fee = {
        method: "per-request",
        quantity: 11,
        amount: 100,
        noticeDate: "2023-03-03",
        paid: true,
        paidDate: "2023-03-06",
      };
      d.disclosure.fees = { count: 1, amount: 100 };
    });
    const found = findingsOf(d, RULE);
    expect(found.map(brief)).toEqual([
      {
        message: "申请 A1 收取信息处理费100元（按件计收，当月第11件：1×100 = 100元）",
        subject: "A1",
        count: 1,
        evidence: ["/disclosure/applications/0/fee/amount=100", "/disclosure/applications/0/fee/paid=true"],
      },
    ]);
    expect(found[0]!.severity).toBe("info");
    const strict = audit(d, { [RULE]: "error" }).findings.filter((f) => f.rule === RULE);
    expect(strict.map((f) => f.severity)).toEqual(["error"]);
    expect(findingsOf(d, RULE, undefined, "en")[0]!.message).toBe(
      "request A1: a processing fee of 100 yuan was charged (per request, the 11th that month: 1×100 = 100 yuan)",
    );
  });

  it("does not report a fee notice left unpaid", () => {
    const d = dataset((d) => {
      app(d, "A1").fee = {
        method: "per-page",
        quantity: 40,
        amount: 100,
        noticeDate: "2023-03-03",
        paid: false,
      };
    });
    expect(findingsOf(d, RULE)).toEqual([]);
  });

  it("without fee records, reports given fee totals once, standing for their count", () => {
    const d = dataset((d) => {
      delete d.disclosure.applications;
      d.disclosure.fees = { count: 2, amount: 300 };
    });
    expect(findingsOf(d, RULE).map(brief)).toEqual([
      {
        message: "全年收取依申请公开费用2件、300元（据填报的合计数）",
        subject: null,
        count: 2,
        evidence: ["/disclosure/fees/count=2", "/disclosure/fees/amount=300"],
      },
    ]);
  });
});
