/** Annual report, table 四: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, per group. */
import type { Finding } from "../../finding.js";
import { checkEquations, equationsOf, type Violation } from "../../../annual-report/rules.js";
import {
  VIOLATION_MESSAGES,
  violationFindings,
  type AnnualReportNumbers,
} from "../../annual-report-violations.js";
import type { RuleContext } from "../../rule.js";

export const id = "annual-report/review-sum";
export const title = {
  zh: "年度报告表四：总计等于各项结果之和",
  en: "Annual report table 四: 总计 = the four outcomes",
};
export const source = {
  zh: "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）表四",
  en: "National annual report format (国办公开办函〔2021〕30号), table 四",
};
export const defaultSeverity = "error";
export const messages = VIOLATION_MESSAGES;

/** The groups of table 四 whose 总计 is not the sum of the four outcomes. */
export function violations(report: AnnualReportNumbers): Violation[] {
  return report.tables ? checkEquations(report.tables, equationsOf(report.tables.version, "review-sum")) : [];
}

export function check(ctx: RuleContext): Finding[] {
  return violationFindings(ctx, violations(ctx.facts.annualReport));
}
