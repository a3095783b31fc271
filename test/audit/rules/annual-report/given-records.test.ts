import { describe, expect, it } from "vitest";
import { runAudit } from "../../../../src/audit/index.js";
import { dataset, findingsOf, neutralScheme } from "../../fixtures.js";

const RULE = "annual-report/given-records";

describe(RULE, () => {
  it("passes given figures that agree with the records", () => {
    const d = dataset((d) => {
      d.disclosure.annualReportTable = {
        requests: { newReceived: { "natural-person": 3, total: 3 } },
      } as never;
    });
    expect(findingsOf(d, RULE)).toEqual([]);
  });

  it("reports a given cell that differs from the records (data the validator rejects, audited anyway)", () => {
    const d = dataset((d) => {
      d.disclosure.annualReportTable = {
        requests: { newReceived: { "natural-person": 4, total: 4 } },
      } as never;
    });
    const found = runAudit(d, { scheme: neutralScheme() }).findings.filter((f) => f.rule === RULE);
    expect(found.map((f) => f.message)).toEqual([
      "年度报告表三 “一、本年新收政府信息公开申请数量”行自然人列：填报（4）≠ 申请记录（3）",
      "年度报告表三 “一、本年新收政府信息公开申请数量”行总计列：填报（4）≠ 申请记录（3）",
    ]);
  });
});
