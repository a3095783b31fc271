/**
 * The annual-report rules judge the facts' numbers (the facts hold no verdict): the same rules
 * give the audit's findings, the annual report's refusal and the roll-up's failing departments.
 */
import { describe, expect, it } from "vitest";
import { deriveFacts } from "../../../../src/facts/index.js";
import { runAudit } from "../../../../src/audit/index.js";
import { annualReportViolations, tablesOnly } from "../../../../src/audit/annual-report.js";
import { rollupAnnualReport } from "../../../../src/audit/rollup.js";
import { rollupDepartment } from "../../../../src/facts/rollup.js";
import { neutralScheme } from "../../fixtures.js";
import { givenTables } from "./given.js";

describe("annual-report rules over the facts' numbers", () => {
  it("facts carry numbers, no violations", () => {
    const report = deriveFacts(givenTables()).annualReport;
    expect(report).not.toHaveProperty("violations");
    expect(report.tables!.requests.received!["natural-person"]).toBe(5);
  });

  it("a rule reports what the numbers it is given say, not a verdict derived earlier", () => {
    const d = givenTables();
    const facts = deriveFacts(d);
    expect(runAudit(d, { facts, scheme: neutralScheme() }).findings).toEqual([]);
    // Change one cell of the facts' table 四 after derivation: the audit now finds it.
    facts.annualReport.tables!.reviews.reconsideration.total = 3;
    const rules = runAudit(d, { facts, scheme: neutralScheme() })
      .findings.filter((f) => f.rule.startsWith("annual-report/"))
      .map((f) => [f.rule, f.message]);
    expect(rules).toEqual([
      [
        "annual-report/review-sum",
        "年度报告表四 行政复议：总计（3）≠ 结果维持（1）+ 结果纠正（0）+ 其他结果（0）+ 尚未审结（0）= 1",
      ],
    ]);
  });

  it("the roll-up names a department with the audit's messages, and checks the sum with the same rules", () => {
    const bad = givenTables((q) => {
      q.newReceived = { "natural-person": 6, total: 6 };
    });
    bad.agency.name = "乙局";
    const facts = deriveFacts(bad);
    const audit = runAudit(bad, { facts, scheme: neutralScheme() }).findings.filter((f) =>
      f.rule.startsWith("annual-report/"),
    );
    const rollup = rollupAnnualReport(
      [rollupDepartment("甲局", deriveFacts(givenTables())), rollupDepartment("乙局", facts)],
      {
        year: 2023,
      },
    );
    expect(rollup.failing).toEqual([
      { name: "乙局", messages: annualReportViolations(facts.annualReport).map((v) => v.message) },
    ]);
    expect(audit.map((f) => f.message)).toEqual(rollup.failing[0]!.messages.map((m) => `年度报告${m}`));
    expect(rollup.violations).toEqual(annualReportViolations(tablesOnly(rollup.tables)));
    expect(rollup.violations.map((v) => v.rule)).toEqual(["balance", "balance"]);
  });
});
