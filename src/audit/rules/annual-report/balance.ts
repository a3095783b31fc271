/**
 * Annual report, table 三, every column: 一 + 二 = （七）+ 四 (the relation the table itself
 * states: new and carried-over requests equal those handled plus those carried forward).
 */
import type { Finding } from "../../finding.js";
import { checkEquations, equationsOf, type Violation } from "../../../annual-report/rules.js";
import {
  VIOLATION_MESSAGES,
  violationFindings,
  type AnnualReportNumbers,
} from "../../annual-report-violations.js";
import type { RuleContext } from "../../rule.js";

export const id = "annual-report/balance";
export const title = {
  zh: "年度报告表三：一 + 二 = （七）+ 四",
  en: "Annual report table 三: 一 + 二 = （七） + 四",
};
export const source = {
  zh: "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）表三勾稽关系",
  en: "National annual report format (国办公开办函〔2021〕30号), table 三 consistency relation",
};
export const defaultSeverity = "error";
export const messages = VIOLATION_MESSAGES;

/** The columns of table 三 where 一 + 二 ≠ （七）+ 四. */
export function violations(report: AnnualReportNumbers): Violation[] {
  return report.tables ? checkEquations(report.tables, equationsOf(report.tables.version, "balance")) : [];
}

export function check(ctx: RuleContext): Finding[] {
  return violationFindings(ctx, violations(ctx.facts.annualReport));
}
