/** Annual report, table 三, every column: （七）总计 = the sum of the outcome rows （一）–（六）. */
import type { Finding } from "../../finding.js";
import { checkEquations, equationsOf, type Violation } from "../../../annual-report/rules.js";
import {
  VIOLATION_MESSAGES,
  violationFindings,
  type AnnualReportNumbers,
} from "../../annual-report-violations.js";
import type { RuleContext } from "../../rule.js";

export const id = "annual-report/outcome-sum";
export const title = {
  zh: "年度报告表三：（七）总计等于各项办理结果之和",
  en: "Annual report table 三: （七） = the sum of the outcome rows",
};
export const source = {
  zh: "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）表三",
  en: "National annual report format (国办公开办函〔2021〕30号), table 三",
};
export const defaultSeverity = "error";
export const messages = VIOLATION_MESSAGES;

/** The columns of table 三 whose （七）总计 is not the sum of the outcome rows. */
export function violations(report: AnnualReportNumbers): Violation[] {
  return report.tables
    ? checkEquations(report.tables, equationsOf(report.tables.version, "outcome-sum"))
    : [];
}

export function check(ctx: RuleContext): Finding[] {
  return violationFindings(ctx, violations(ctx.facts.annualReport));
}
