/**
 * Annual report, table 三: this year's 二、上年结转 = last year's 四、结转下年度继续办理, per
 * column. Checked only when last year's dataset is given (gongwen audit --previous FILE).
 */
import type { Finding } from "../../finding.js";
import { checkCarryOver, type Violation } from "../../../annual-report/rules.js";
import {
  VIOLATION_MESSAGES,
  violationFindings,
  type AnnualReportNumbers,
} from "../../annual-report-violations.js";
import type { RuleContext } from "../../rule.js";

export const id = "annual-report/carry-over";
export const title = {
  zh: "年度报告表三：本年上年结转等于上年结转下年度",
  en: "Annual report table 三: this year's 二 = last year's 四",
};
export const source = {
  zh: "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）表三",
  en: "National annual report format (国办公开办函〔2021〕30号), table 三",
};
export const defaultSeverity = "error";
export const messages = VIOLATION_MESSAGES;

/** The columns where this year's 二 differs from last year's 四 (only with last year's tables). */
export function violations(report: AnnualReportNumbers): Violation[] {
  return report.tables && report.previousTables ? checkCarryOver(report.tables, report.previousTables) : [];
}

export function check(ctx: RuleContext): Finding[] {
  return violationFindings(ctx, violations(ctx.facts.annualReport));
}
