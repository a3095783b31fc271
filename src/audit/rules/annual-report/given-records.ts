/**
 * Annual report: figures given for tables 三 and 四 (disclosure.annualReportTable) agree with
 * the application records, cell by cell, where both exist.
 */
import type { Finding } from "../../finding.js";
import { VIOLATION_MESSAGES, violationFindings } from "../../annual-report-violations.js";
import type { RuleContext } from "../../rule.js";

export const id = "annual-report/given-records";
export const title = {
  zh: "年度报告填报数与申请记录一致",
  en: "Annual report figures agree with the records",
};
export const source = {
  zh: "《中华人民共和国政府信息公开条例》第五十条（国务院令第711号）：年度报告如实报告收到和处理申请情况",
  en: "Regulations on Open Government Information Art. 50 (Decree 711): the report states requests as received and handled",
};
export const defaultSeverity = "error";
export const messages = VIOLATION_MESSAGES;

export function check(ctx: RuleContext): Finding[] {
  return violationFindings(ctx, "given-records");
}
